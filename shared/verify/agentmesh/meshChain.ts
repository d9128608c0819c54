/**
 * Verifies a sequence of AuditEntry copies (export JSON, CloudEvents, Parquet rows) against the
 * in-memory chain rules: each entry_hash recomputes (§2), each previous_hash links to the stored
 * hash before it (genesis `""`, §3), the incremental Merkle root and every in-chain checkpoint (§4).
 * Every finding is reported, not the first; a window (first previous_hash ≠ "") is a segment.
 */
import type { JsonObject, JsonValue } from '../../json/value';
import { ChainLinker } from '../chain/links';
import { checkPythonHash, intKeyNotice, type HashCheck, type NumberMode } from '../chain/pythonHash';
import type { UnreadableRecord } from '../chain/records';
import type { HashProvider } from '../profile';
import type { Finding } from '../types';
import { ChainMerkleTracker } from './checkpoints';
import { positionOf } from '../chain/position';

export interface MeshEntry {
  ok: true;
  entryIndex: number;
  line?: number;
  /** Hash inputs to try, most likely first (CloudEvents may give two event_type readings). */
  candidates: JsonObject[];
  storedHash: unknown;
  previousHash: unknown;
  data: JsonValue | undefined;
  /** Findings the adapter already made (e.g. envelope_mismatch). */
  findings: Finding[];
  /** Added to a hash_mismatch detail (e.g. why a CloudEvents entry may not be rebuildable). */
  mismatchNote?: string;
}

export type MeshItem = MeshEntry | UnreadableRecord;

export interface MeshFieldNames {
  hash: string;
  previous: string;
}

export interface MeshChainResult {
  findings: Finding[];
  count: number;
  /** Root over the whole chain; null for a segment, an empty file, or an entry without a hash. */
  root: string | null;
  head: string | null;
  firstPrev: string | null | undefined;
  segment: boolean;
}

function position(e: { entryIndex: number; line?: number }): { entryIndex: number; line?: number } {
  return positionOf(e);
}

function checkEntry(
  entry: MeshEntry,
  hash: HashProvider,
  numbers: NumberMode,
  fields: MeshFieldNames,
): { finding: Finding | null; eventType: unknown } {
  const at = position(entry);
  if (typeof entry.storedHash !== 'string') {
    return {
      finding: {
        kind: 'hash_mismatch',
        ...at,
        field: fields.hash,
        detail: `${fields.hash} is missing or not a string`,
      },
      eventType: entry.candidates[0]?.event_type,
    };
  }
  let first: HashCheck | undefined;
  for (const candidate of entry.candidates) {
    const check = checkPythonHash(candidate, entry.storedHash, hash, numbers);
    first ??= check;
    if (check.matches) {
      return {
        finding: check.viaIntKeyOrder ? intKeyNotice(at, check, fields.hash) : null,
        eventType: candidate.event_type,
      };
    }
  }
  const note = entry.mismatchNote ? ` ${entry.mismatchNote}` : '';
  return {
    finding: {
      kind: 'hash_mismatch',
      ...at,
      field: fields.hash,
      detail: `the ${fields.hash} recomputed from the covered fields differs from the stored one: a covered field was changed after hashing.${note}`,
      expected: entry.storedHash,
      actual: first?.recomputed ?? '(nothing to hash)',
    },
    eventType: entry.candidates[0]?.event_type,
  };
}

export function verifyMeshChain(
  items: Iterable<MeshItem>,
  hash: HashProvider,
  numbers: NumberMode,
  fields: MeshFieldNames,
): MeshChainResult {
  const findings: Finding[] = [];
  const linker = new ChainLinker(
    { value: '', segmentAllowed: true },
    { previous: fields.previous, own: fields.hash },
  );
  const tracker = new ChainMerkleTracker(hash);
  let count = 0;
  let head: string | null = null;
  for (const item of items) {
    count++;
    if (!item.ok) {
      findings.push(item.finding);
      linker.skipUnreadable(item.entryIndex);
      tracker.observe(position(item), undefined, undefined, undefined);
      head = null;
      continue;
    }
    findings.push(...item.findings);
    const { finding, eventType } = checkEntry(item, hash, numbers, fields);
    if (finding) findings.push(finding);
    const link = linker.link(position(item), item.previousHash, item.storedHash);
    if (link) findings.push(link);
    if (!linker.isSegment) tracker.observe(position(item), item.storedHash, eventType, item.data);
    head = typeof item.storedHash === 'string' ? item.storedHash : null;
  }
  const root = linker.isSegment ? null : tracker.finish();
  findings.push(...tracker.findings);
  const firstPrev = linker.firstPrevious;
  return {
    findings,
    count,
    root,
    head,
    firstPrev: typeof firstPrev === 'string' || firstPrev === null ? firstPrev : undefined,
    segment: linker.isSegment,
  };
}
