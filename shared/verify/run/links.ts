/**
 * The hash links of a file's records (own hash, previous hash), so the diagnosis can tell a
 * deletion (a previous hash no record holds) from an insertion (two records claim one
 * predecessor) or a reordering (a previous hash held by a LATER record). Read-only and tolerant:
 * an unreadable record simply has no links.
 */
import { parseJson } from '../../json/parse';
import type { VerifySource } from '../profile';

/** A pair of dotted paths: the record's own hash and its link to the previous record. */
export interface LinkFieldPair {
  own: string;
  previous: string;
}

/**
 * Link fields of the known producers, tried in order per record; the first whose own hash is a
 * string wins. Field names only: nothing here identifies a particular log.
 */
export const KNOWN_LINK_FIELDS: readonly LinkFieldPair[] = [
  { own: 'content_hash', previous: 'previous_hash' }, // formats/agentmesh.md §5 (sink)
  { own: 'entry_hash', previous: 'previous_hash' }, // formats/agentmesh.md §2-3 (export, Parquet)
  { own: 'agentmeshentryhash', previous: 'agentmeshprevioushash' }, // formats/agentmesh.md §6 (CloudEvents)
  { own: 'event_hash', previous: 'previous_hash' }, // formats/gantz.md "Event hash"
  { own: 'integrity.hash', previous: 'integrity.prev' }, // formats/meshguard.md §4
  { own: 'data.integrity.hash', previous: 'data.integrity.prev' }, // formats/meshguard.md §7
  { own: 'hash', previous: 'prev' }, // formats/runtime-steps.md §5
  { own: 'data.hash', previous: 'data.prev' }, // formats/runtime-steps.md §7
];

export interface LinkFacts {
  /** The record (entry index) whose own hash is `hash`, if any. */
  holderOf(hash: string): number | undefined;
  /** The records whose previous hash is `hash`, in file order. */
  claimantsOf(hash: string): readonly number[];
  ownAt(entryIndex: number): string | undefined;
  previousAt(entryIndex: number): string | undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function at(value: unknown, path: string): unknown {
  let cur = value;
  for (const step of path.split('.')) {
    if (!isRecord(cur) || !Object.hasOwn(cur, step)) return undefined;
    cur = cur[step];
  }
  return cur;
}

/**
 * Only link strings are read here, so the fast native parser is enough (numbers may round, which
 * does not matter); the lossless parser is the fallback for Python's bare NaN/Infinity.
 */
function parseLoose(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const parsed = parseJson(text, { allowNonFinite: true });
    return parsed.ok ? parsed.value : undefined;
  }
}

class LinkTable implements LinkFacts {
  private readonly own = new Map<number, string>();
  private readonly previous = new Map<number, string>();
  private readonly holders = new Map<string, number>();
  private readonly claimants = new Map<string, number[]>();

  add(entryIndex: number, value: unknown, pairs: readonly LinkFieldPair[]): void {
    const pair = pairs.find((p) => typeof at(value, p.own) === 'string');
    if (!pair) return;
    const own = at(value, pair.own) as string;
    this.own.set(entryIndex, own);
    if (!this.holders.has(own)) this.holders.set(own, entryIndex);
    const prev = at(value, pair.previous);
    if (typeof prev === 'string') {
      this.previous.set(entryIndex, prev);
      const list = this.claimants.get(prev) ?? [];
      list.push(entryIndex);
      this.claimants.set(prev, list);
    }
  }

  holderOf(hash: string): number | undefined {
    return this.holders.get(hash);
  }
  claimantsOf(hash: string): readonly number[] {
    return this.claimants.get(hash) ?? [];
  }
  ownAt(entryIndex: number): string | undefined {
    return this.own.get(entryIndex);
  }
  previousAt(entryIndex: number): string | undefined {
    return this.previous.get(entryIndex);
  }
}

/** Records of a JSON document: the top-level array, or the `entries` array of an export. */
function documentElements(text: string): unknown[] {
  const root = parseLoose(text);
  if (Array.isArray(root)) return root as unknown[];
  const entries = isRecord(root) && Object.hasOwn(root, 'entries') ? root.entries : undefined;
  return Array.isArray(entries) ? (entries as unknown[]) : [];
}

/**
 * Link facts for one source, or null when its records cannot be re-read (a one-shot iterator
 * the profile already consumed). `pairs` defaults to the known producers' fields.
 */
export function buildLinkFacts(
  source: VerifySource,
  pairs: readonly LinkFieldPair[] = KNOWN_LINK_FIELDS,
): LinkFacts | null {
  const table = new LinkTable();
  if (source.document !== undefined) {
    documentElements(source.document).forEach((value, i) => table.add(i, value, pairs));
    return table;
  }
  // A one-shot iterator (a generator) returns itself and was consumed by the profile; arrays and
  // re-readable sources (a JSONL file read from disk again) give a fresh iterator.
  const records = source.records;
  if (records === undefined) return null;
  const iterator = records[Symbol.iterator]();
  if ((iterator as unknown) === records) return null;
  for (let next = iterator.next(); next.done !== true; next = iterator.next()) {
    const record = next.value;
    const value: unknown = record.value ?? (record.text === undefined ? undefined : parseLoose(record.text));
    if (value !== undefined) table.add(record.entryIndex, value, pairs);
  }
  return table;
}
