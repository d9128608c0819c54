/**
 * The `export()` header (formats/agentmesh.md §6): `entry_count` is the number of entries
 * returned; `merkle_root` and `chain_root` are the same value, the root of the WHOLE log, so
 * they can be recomputed only when the export starts at the genesis entry.
 */
import { isJsonObject, JsonNumber, type JsonValue } from '../../json/value';
import type { Finding } from '../types';

export interface HeaderFacts {
  count: number;
  root: string | null;
  segment: boolean;
}

function show(v: JsonValue | undefined): string {
  return v === undefined
    ? '(missing)'
    : v === null
      ? 'null'
      : v instanceof JsonNumber
        ? v.token
        : JSON.stringify(v);
}

export function exportHeaderFindings(root: JsonValue, facts: HeaderFacts): Finding[] {
  if (!isJsonObject(root)) return [];
  const out: Finding[] = [];
  const count = root.entry_count;
  if (!(count instanceof JsonNumber) || !count.isInteger || count.toDouble() !== facts.count) {
    out.push({
      kind: 'header_mismatch',
      field: 'entry_count',
      detail: `the header says ${show(count)} entries, the file holds ${facts.count}`,
      expected: show(count),
      actual: String(facts.count),
    });
  }
  const merkle = root.merkle_root;
  const chain = root.chain_root;
  if (show(merkle) !== show(chain)) {
    out.push({
      kind: 'header_mismatch',
      field: 'chain_root',
      detail: 'merkle_root and chain_root differ; the producer writes the same value to both',
      expected: show(merkle),
      actual: show(chain),
    });
  }
  if (facts.segment) return out;
  for (const [field, value] of [
    ['merkle_root', merkle],
    ['chain_root', chain],
  ] as const) {
    if (value === facts.root) continue;
    out.push({
      kind: 'header_mismatch',
      field,
      detail:
        `the header ${field} differs from the root recomputed from the stored entry hashes ` +
        '(entries were added, removed or re-hashed; or the export was cut by end_time, whose header still covers the whole log)',
      expected: show(value),
      actual: facts.root ?? 'null',
    });
  }
  return out;
}
