/**
 * `diagnose(findings, facts)`: what happened to a file, in plain words, from ALL its findings.
 * Pure and total: every non-notice finding is explained by exactly one diagnosis. The rules, in
 * the order they claim findings:
 *
 *  1. parse_error: the last record → truncation (file ends mid-record); elsewhere → edit.
 *  2. hash_mismatch at i (with or without a failing signature at i) → edit at i (changed in
 *     place; the chain still links to the stored hash). envelope_mismatch → edit of the
 *     envelope. header_mismatch → edit of the export header or of its entries.
 *  3. chain_fork: records naming one predecessor → insertion of the one whose signature fails,
 *     else the one nothing links to, else the first (formats/runtime-steps.md §6).
 *  4. signature_invalid with a valid hash: a run of ≥ 2 records → forgery (re-chained and
 *     re-signed with another key); one record followed by a chain break at its successor →
 *     insertion if the successor links past it to its own predecessor, else edit re-hashed
 *     without the key (a forgery attempt); one record alone → forgery (signature replaced or
 *     made with an untrusted key) (formats/meshguard.md §5 table).
 *  5. chain_break at i: the previous hash is held by a later record → reordering; by an earlier
 *     record other than i−1 → insertion of the skipped records; by no record → deletion before i,
 *     unless the predecessor is unreadable (then rule 1 explains it).
 *  6. out_of_order → reordering (a notice: the links prove the order); duplicate_record → none.
 *  7. anchors: fewer records than anchored with a clean chain → truncation; more → insertion;
 *     same count, other head/root/in-chain checkpoint → edit re-chained; an anchored chain
 *     absent → truncation. Explained by record-level diagnoses of the same chain when present
 *     (a shortfall also by unreadable records, which belong to no known chain).
 *  8. proof_invalid → forgery; anything left → edit, saying it is not covered by a rule.
 */
import type { Diagnosis, Finding } from '../types';
import { diagnoseAnchors } from './diagnoseAnchors';
import { diagnoseBreaks } from './diagnoseLinks';
import {
  diagnoseContentEdits,
  diagnoseForks,
  diagnoseSignatures,
  diagnoseUnreadable,
  type RecordFacts,
} from './diagnoseRecords';
import { FindingPool, place } from './findingPool';
import type { LinkFacts } from './links';

export interface DiagnosisFacts {
  /** Records in the file, to recognise its last record. */
  records: number;
  /** The records' hash links, when they could be read (tells deletion, insertion and reordering apart). */
  links?: LinkFacts | null;
}

/** Kinds that never indicate tampering: a notice, or a delivery artefact (formats/runtime-steps.md §6). */
const NOT_TAMPERING = new Set<Finding['kind']>(['out_of_order', 'duplicate_record']);

function diagnoseNotices(pool: FindingPool): void {
  for (const f of pool.open('out_of_order')) {
    pool.diagnose(
      'reordering',
      f,
      `the records of ${f.chain === undefined ? 'the chain' : `chain ${f.chain}`} appear in the file in another order than their hash links; every hash, signature and link holds, so the chain still proves the order they were written in (a notice, not tampering)`,
    );
  }
  pool.claim(...pool.open('duplicate_record'));
}

function diagnoseRest(pool: FindingPool): void {
  for (const f of pool.open('proof_invalid')) {
    pool.diagnose(
      'forgery',
      f,
      `an inclusion proof for ${place(f)} does not lead to its root: the proof or the entry it proves was altered, or the entry is not in the log`,
    );
  }
  for (const f of pool.findings.filter((x) => !pool.isClaimed(x) && !NOT_TAMPERING.has(x.kind))) {
    pool.diagnose(
      'edit',
      f,
      `${f.kind} at ${place(f)} is not covered by a diagnosis rule; treat the record as altered (${f.detail})`,
    );
  }
}

function byLocation(a: Diagnosis, b: Diagnosis): number {
  return (a.entryIndex ?? Number.MAX_SAFE_INTEGER) - (b.entryIndex ?? Number.MAX_SAFE_INTEGER);
}

export function diagnose(findings: readonly Finding[], facts: DiagnosisFacts): Diagnosis[] {
  const pool = new FindingPool(findings);
  const recordFacts: RecordFacts = { records: facts.records, links: facts.links ?? null };
  diagnoseUnreadable(pool, recordFacts);
  diagnoseContentEdits(pool);
  diagnoseForks(pool, recordFacts);
  diagnoseSignatures(pool, recordFacts);
  diagnoseBreaks(pool, recordFacts);
  diagnoseNotices(pool);
  diagnoseAnchors(pool);
  diagnoseRest(pool);
  return [...pool.diagnoses].sort(byLocation);
}
