/**
 * Diagnosis of differences from a published anchor (formats/README.md lesson 5): with a clean
 * chain, fewer records than anchored is a tail truncation, more is an insertion re-chained to
 * fit, and the same count with another head or root is an edit followed by re-chaining. When
 * record-level damage was already diagnosed for the chain, the anchor difference follows from it.
 */
import type { Diagnosis, DiagnosisKind, Finding } from '../types';
import { chainOf, type FindingPool } from './findingPool';

const COUNT_EXPLAINED_BY: Record<'fewer' | 'more', readonly DiagnosisKind[]> = {
  fewer: ['deletion', 'truncation'],
  more: ['insertion'],
};

/** "the file" for a log- or file-level anchor, "chain X" for a named one (a run). */
function anchorScope(f: Finding): string {
  return isFileLevel(chainOf(f)) ? 'the file' : `chain ${f.chain}`;
}

function count(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

/** A whole-log (`*`) or per-file anchor (a path); anything else names one chain, such as a run. */
function isFileLevel(chain: string): boolean {
  return chain === '' || chain === '*' || /[./\\]/.test(chain);
}

/** Diagnoses made for the chain an anchor names; a log- or file-level anchor covers the whole file. */
function scopeOf(pool: FindingPool, anchor: Finding): Diagnosis[] {
  const chain = chainOf(anchor);
  const recordLevel = pool.findings.some((f) => !f.kind.startsWith('anchor_') && chainOf(f) === chain);
  if (recordLevel || !isFileLevel(chain)) return pool.diagnoses.filter((d) => (d.chain ?? '') === chain);
  return [...pool.diagnoses];
}

/** Root, head and in-chain checkpoint differences of the same chain, which a count diagnosis explains. */
function sameChainDigests(pool: FindingPool, chain: string): Finding[] {
  return [
    ...pool.open('anchor_root_mismatch'),
    ...pool.open('anchor_head_mismatch'),
    ...pool.open('checkpoint_mismatch'),
  ].filter((f) => chainOf(f) === chain || chain === '*' || chainOf(f) === '');
}

export function diagnoseAnchors(pool: FindingPool): void {
  for (const f of pool.open('anchor_count_mismatch')) diagnoseCount(pool, f);
  for (const f of pool.open('anchor_chain_missing')) {
    pool.diagnose(
      'truncation',
      f,
      `the published anchor lists chain ${f.chain ?? '(unnamed)'} but the file holds none of its records: they were cut from the file (a cut tail, or the chain removed whole)`,
    );
  }
  const digests = sameChainDigests(pool, '*');
  const byChain = new Map<string, Finding[]>();
  for (const f of digests) byChain.set(chainOf(f), [...(byChain.get(chainOf(f)) ?? []), f]);
  for (const group of byChain.values()) diagnoseDigests(pool, group);
}

function diagnoseCount(pool: FindingPool, f: Finding): void {
  const expected = count(f.expected);
  const actual = count(f.actual);
  const digests = sameChainDigests(pool, chainOf(f));
  if (expected === undefined || actual === undefined || expected === actual) {
    pool.diagnose('edit', f, `the record count differs from the published anchor (${f.detail})`, [
      f,
      ...digests,
    ]);
    return;
  }
  const direction = actual < expected ? 'fewer' : 'more';
  // Records that do not parse are not counted in any chain; they may be the missing ones.
  const unreadable = pool.findings.filter((x) => x.kind === 'parse_error' && x.chain === undefined).length;
  const explained =
    scopeOf(pool, f).some((d) => COUNT_EXPLAINED_BY[direction].includes(d.what)) ||
    (direction === 'fewer' && expected - actual <= unreadable);
  if (explained) {
    pool.claim(f, ...digests);
    return;
  }
  const where = `${anchorScope(f)} holds ${actual} records where the published anchor says ${expected}`;
  if (direction === 'fewer') {
    pool.diagnose(
      'truncation',
      f,
      `${where}, yet every hash and link inside it holds: the last ${expected - actual} record(s) were cut off (tail truncation), which only the anchor reveals`,
      [f, ...digests],
    );
  } else {
    pool.diagnose(
      'insertion',
      f,
      `${where}, yet every hash and link inside it holds: ${actual - expected} record(s) were inserted and the chain recomputed to fit (or appended after the anchor was published)`,
      [f, ...digests],
    );
  }
}

function diagnoseDigests(pool: FindingPool, group: Finding[]): void {
  const first = group[0] as Finding;
  if (scopeOf(pool, first).length > 0) {
    pool.claim(...group); // the record-level diagnosis already accounts for the different head/root
    return;
  }
  const checkpoint = group.some((g) => g.kind === 'checkpoint_mismatch');
  const what = checkpoint
    ? 'a Merkle root logged inside the chain no longer matches the records before it'
    : 'the chain ends at a different head or root than the published anchor';
  pool.diagnose(
    'edit',
    first,
    `the chain is internally consistent and has the anchored length, but ${what}: records were edited and the chain recomputed after them (a re-chained edit, which nothing but an anchor reveals where no key protects the chain)`,
    group,
  );
}
