/**
 * The case's own audit trail (issue #3, "the case audits itself"): every action on a case is an
 * entry of `custody_log` chained by SHA-256, and this module says whether the chain still holds.
 * Pure, so the same check runs in the engine, the CLI or a browser over an exported log.
 *
 * Each entry's hash is SHA-256 over the canonical JSON of `{action, at, detail, prev_hash, seq}`
 * (keys sorted, no whitespace, JSON.stringify escaping, strings well-formed); `prev_hash` is the
 * previous entry's hash, and the first entry's is 64 zeros. Like any hash chain without a
 * signature, it shows edits, removals and reordering inside the log; a rewrite of the whole log,
 * or the loss of its newest entries, shows only against a head (seq and hash) noted elsewhere,
 * as a transparency log's signed tree head is (RFC 9162 §4.10).
 */
import { nobleHash } from '../verify/hashNoble';
import { wellFormed } from '../ingest/wellFormed';

export const CUSTODY_GENESIS = '0'.repeat(64);

export interface CustodyEntry {
  seq: number;
  /** ISO 8601 UTC, as logged. */
  loggedAt: string;
  action: string;
  /** The entry's detail as its canonical JSON text, exactly as hashed and stored. */
  detail: string;
  prevHash: string;
  hash: string;
}

/** How an entry breaks the chain. */
export type CustodyBreakKind =
  /** Its hash does not recompute: the entry was changed after it was logged. */
  | 'edited'
  /** It does not link to the entry before it: entries were removed, inserted or reordered. */
  | 'unlinked'
  /** Its sequence number does not follow the one before: entries are missing. */
  | 'gap';

export interface CustodyBreak {
  seq: number;
  kind: CustodyBreakKind;
  message: string;
}

export interface CustodyCheck {
  entries: number;
  intact: boolean;
  /** The first entry that breaks the chain, or null. */
  firstBadSeq: number | null;
  /** Every break, in log order: the walk goes on past one so all of them are reported. */
  breaks: CustodyBreak[];
  /** The newest entry: note it to detect a later rewrite or a lost tail. */
  head: { seq: number; hash: string } | null;
}

/**
 * Deterministic JSON: keys sorted by UTF-16 code unit, so the hash input does not depend on
 * insertion order; strings well-formed, so a DuckDB JSON column takes the text the hash was
 * computed over. Undefined members are left out, as JSON.stringify does.
 */
export function stableJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(wellFormed(value));
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(wellFormed(k))}:${stableJson(v)}`).join(',')}}`;
}

/**
 * The hash of one entry, from its detail's canonical text as stored (not re-serialized, so a
 * number no JS double holds cannot change the input). The members are written in sorted order:
 * the same bytes stableJson gives for the whole entry.
 */
export function custodyHash(
  seq: number,
  at: string,
  action: string,
  detail: string,
  prevHash: string,
): string {
  const text =
    `{"action":${stableJson(action)},"at":${stableJson(at)},"detail":${detail},` +
    `"prev_hash":${stableJson(prevHash)},"seq":${stableJson(seq)}}`;
  return nobleHash.sha256Hex(text);
}

/** Walks the log in sequence order and reports every break. */
export function checkCustodyChain(entries: readonly CustodyEntry[]): CustodyCheck {
  const breaks: CustodyBreak[] = [];
  let prevHash = CUSTODY_GENESIS;
  let prevSeq = 0;
  for (const e of entries) {
    if (e.seq !== prevSeq + 1)
      breaks.push({
        seq: e.seq,
        kind: 'gap',
        message:
          e.seq === prevSeq + 2
            ? `entry ${prevSeq + 1} is missing`
            : e.seq > prevSeq + 2
              ? `entries ${prevSeq + 1}–${e.seq - 1} are missing`
              : e.seq === prevSeq
                ? `entry ${e.seq} appears twice`
                : `entry ${e.seq} comes after entry ${prevSeq}: the sequence goes back`,
      });
    if (custodyHash(e.seq, e.loggedAt, e.action, e.detail, e.prevHash) !== e.hash)
      breaks.push({
        seq: e.seq,
        kind: 'edited',
        message: `entry ${e.seq} (${e.action}) was changed after it was logged: its hash does not recompute`,
      });
    if (e.prevHash !== prevHash)
      breaks.push({
        seq: e.seq,
        kind: 'unlinked',
        message: `entry ${e.seq} does not link to the entry before it: an entry was removed, inserted or moved`,
      });
    prevHash = e.hash;
    prevSeq = e.seq;
  }
  const last = entries.at(-1);
  return {
    entries: entries.length,
    intact: breaks.length === 0,
    firstBadSeq: breaks[0]?.seq ?? null,
    breaks,
    head: last ? { seq: last.seq, hash: last.hash } : null,
  };
}

/**
 * Whether a head noted earlier (its hash) is still in the log: a log that only grew since holds
 * it; a log rewritten or cut below it does not (a consistency check in the sense of RFC 9162
 * §2.1.4, for a chain rather than a tree). Answers the entry holding it, or null.
 */
export function findNotedHead(entries: readonly CustodyEntry[], hash: string): CustodyEntry | null {
  const wanted = hash.trim().toLowerCase();
  return entries.find((e) => e.hash === wanted) ?? null;
}
