/**
 * Diagnosis of broken links left after the signature and fork rules: a previous hash no record
 * holds is a deletion, one held by a later record is a reordering, one held by an earlier record
 * (skipping records) is an insertion; a break after an unreadable record is explained by it.
 */
import type { Finding } from '../types';
import { chainOf, hashText, place, type FindingPool } from './findingPool';
import type { RecordFacts } from './diagnoseRecords';

const short = (hash: string): string => `${hash.slice(0, 12)}…`;

/** An unreadable record just before `f` (in file order, or earlier in the same named chain) not yet used. */
function unreadableBefore(pool: FindingPool, f: Finding, used: Set<Finding>): Finding | undefined {
  const i = f.entryIndex;
  if (i === undefined) return undefined;
  // Unreadable records belong to no known chain, so they are filed under the unnamed one.
  const found = pool.lastBefore('parse_error', '', i, (p) => !used.has(p));
  if (!found) return undefined;
  return chainOf(f) !== '' || found.entryIndex === i - 1 ? found : undefined;
}

export function diagnoseBreaks(pool: FindingPool, facts: RecordFacts): void {
  const used = new Set<Finding>();
  const breaks = pool.open('chain_break');
  breaks.sort((a, b) => (a.entryIndex ?? -1) - (b.entryIndex ?? -1));
  for (const f of breaks) {
    if (pool.isClaimed(f)) continue;
    const i = f.entryIndex;
    const target =
      hashText(f.actual) ?? (i === undefined ? undefined : (facts.links?.previousAt(i) ?? undefined));
    const holder = target === undefined ? undefined : facts.links?.holderOf(target);
    if (i !== undefined && holder !== undefined && holder > i) {
      reorder(pool, f, i, holder);
      continue;
    }
    if (i !== undefined && holder !== undefined && holder < i - 1 && target !== undefined) {
      skipBack(pool, facts, f, i, holder, target);
      continue;
    }
    const torn = unreadableBefore(pool, f, used);
    if (torn && holder === undefined) {
      used.add(torn);
      pool.claim(f); // explained by the unreadable record's own diagnosis
      continue;
    }
    deletion(pool, facts, f, target);
  }
}

function reorder(pool: FindingPool, f: Finding, i: number, holder: number): void {
  const window = pool.openInRange('chain_break', chainOf(f), i, holder + 1);
  pool.diagnose(
    'reordering',
    f,
    `${place(f)} links to the hash of record ${holder}, which comes after it in the file: records ${i}–${holder} are out of their chain order (moved or swapped); the breaks up to record ${holder + 1} follow from that`,
    [f, ...window],
  );
}

function skipBack(
  pool: FindingPool,
  facts: RecordFacts,
  f: Finding,
  i: number,
  holder: number,
  target: string,
): void {
  const rival = facts.links?.claimantsOf(target).find((k) => k > holder && k < i);
  if (rival !== undefined) {
    const fork = pool.openAt('chain_fork', rival, chainOf(f));
    const sig = pool.openAt('signature_invalid', rival, chainOf(f));
    pool.diagnoses.push({
      what: 'insertion',
      entryIndex: rival,
      ...(f.chain === undefined ? {} : { chain: f.chain }),
      reasoning: `record ${rival} and ${place(f)} both name record ${holder} as their predecessor; ${place(f)} skips over record ${rival}, so record ${rival}${rival + 1 < i ? ` (and the records up to ${i - 1})` : ''} was inserted`,
    });
    pool.claim(f, fork, sig);
    return;
  }
  pool.diagnoses.push({
    what: 'insertion',
    entryIndex: holder + 1,
    ...(f.chain === undefined ? {} : { chain: f.chain }),
    reasoning: `${place(f)} links back to record ${holder}, so records ${holder + 1}–${i - 1} are not part of the chain between them: they were inserted or moved there`,
  });
  pool.claim(f);
}

function deletion(pool: FindingPool, facts: RecordFacts, f: Finding, target: string | undefined): void {
  const named = target === undefined ? 'a previous hash' : `previous hash ${short(target)}`;
  const first = f.entryIndex === 0;
  if (facts.links !== null && target !== undefined) {
    pool.diagnose(
      'deletion',
      f,
      first
        ? `${place(f)} is the first record but names ${named}, not the genesis value: the records before it are missing`
        : `${place(f)} names ${named}, which no record in the file holds: the record(s) that stood before it were deleted`,
    );
    return;
  }
  pool.diagnose(
    'deletion',
    f,
    `${place(f)} does not link to the record before it: a record was most likely deleted there (an insertion or a moved record cannot be ruled out, because the record links could not be read)`,
  );
}
