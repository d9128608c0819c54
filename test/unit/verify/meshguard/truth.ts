/**
 * Ground-truth matching for the JCS families (meshguard, runtime-steps): the truth files' words
 * mapped onto Casefile finding kinds, and a check that every `must_report` item is found at its
 * place and nothing outside `must_report` ∪ `may_also_report` is reported.
 */
import { expect } from 'vitest';
import type { Finding, FindingKind } from '../../../../shared/verify/types';
import type { Truth, TruthItem } from '../helpers';

/** The producers' words (formats/meshguard.md §5–§6, formats/runtime-steps.md §6) → Casefile kinds. */
export const JCS_TRUTH_KINDS: Readonly<Record<string, FindingKind>> = {
  parse_error: 'parse_error',
  schema_error: 'parse_error',
  hash_mismatch: 'hash_mismatch',
  unsupported_alg: 'hash_mismatch',
  sig_invalid: 'signature_invalid',
  sig_missing: 'signature_invalid',
  unknown_key_id: 'signature_invalid',
  key_outside_validity: 'signature_invalid',
  chain_break: 'chain_break',
  'chain_break (predecessor unreadable)': 'chain_break',
  missing_genesis: 'chain_break',
  chain_fork: 'chain_fork',
  duplicate_event: 'duplicate_record',
  out_of_order: 'out_of_order',
  envelope_mismatch: 'envelope_mismatch',
  siem_projection_mismatch: 'envelope_mismatch',
  siem_orphan: 'envelope_mismatch',
  siem_missing: 'envelope_mismatch',
  truncation_vs_anchor: 'anchor_count_mismatch',
  count_differs_from_anchor: 'anchor_count_mismatch',
  run_not_in_anchor: 'anchor_count_mismatch',
  head_hash_differs_from_anchor: 'anchor_head_mismatch',
  run_missing_vs_anchor: 'anchor_chain_missing',
};

export function casefileKind(word: string): FindingKind {
  const kind = JCS_TRUTH_KINDS[word];
  if (kind === undefined) throw new Error(`no Casefile kind mapped for truth word "${word}"`);
  return kind;
}

/** The 0-based entries an item names: one line/row, a range, or none (file or run level). */
function entriesOf(item: TruthItem): number[] | undefined {
  const range = item.line_index_range ?? item.row_index_range;
  if (Array.isArray(range) && typeof range[0] === 'number' && typeof range[1] === 'number') {
    return Array.from({ length: range[1] - range[0] + 1 }, (_, i) => (range[0] as number) + i);
  }
  const index = item.line_index ?? item.row_index ?? item.entry_index;
  return typeof index === 'number' ? [index] : undefined;
}

function matches(f: Finding, item: TruthItem, entry: number | undefined): boolean {
  if (f.kind !== casefileKind(item.kind)) return false;
  if (entry !== undefined) {
    if (f.entryIndex !== entry) return false;
    const lineNumber =
      typeof item.line_number === 'number' && entriesOf(item)?.length === 1 ? item.line_number : undefined;
    if (lineNumber !== undefined && f.line !== lineNumber) return false;
    return true;
  }
  if (typeof item.run_id === 'string') return f.chain === item.run_id;
  return true;
}

/** Every must_report item found where the truth puts it; every finding allowed by must_report ∪ may_also_report. */
export function expectTruth(findings: readonly Finding[], truth: Truth): void {
  for (const item of truth.must_report) {
    const entries = entriesOf(item) ?? [undefined];
    for (const entry of entries) {
      const found = findings.some((f) => matches(f, item, entry));
      expect(
        found,
        `must report ${item.kind} at ${entry ?? String(item.run_id ?? 'file level')}; got ${JSON.stringify(findings.map((f) => [f.kind, f.entryIndex, f.chain]))}`,
      ).toBe(true);
    }
  }
  const allowed = [...truth.must_report, ...(truth.may_also_report ?? [])];
  for (const f of findings) {
    const ok = allowed.some((item) =>
      (entriesOf(item) ?? [undefined]).some((entry) => matches(f, item, entry)),
    );
    expect(ok, `not in the truth: ${JSON.stringify(f)}`).toBe(true);
  }
  if (typeof truth.must_not_report === 'string') expectNoneOf(findings, truth.must_not_report);
}

/** `must_not_report` is prose: "hash_mismatch, chain_break" or "hash_mismatch on line 96". */
function expectNoneOf(findings: readonly Finding[], prose: string): void {
  for (const word of Object.keys(JCS_TRUTH_KINDS)) {
    const re = new RegExp(`(?:^|[\\s,(])${word.replace(/[()]/g, '\\$&')}(?: on line (\\d+))?`, 'g');
    for (const m of prose.matchAll(re)) {
      const line = m[1] === undefined ? undefined : Number(m[1]);
      const hit = findings.filter(
        (f) => f.kind === casefileKind(word) && (line === undefined || f.line === line),
      );
      expect(hit, `must not report ${word}${line === undefined ? '' : ` on line ${line}`}`).toEqual([]);
    }
  }
}
