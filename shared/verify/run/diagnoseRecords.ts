/**
 * Diagnosis rules for record-level findings (parse errors, hash and signature failures, broken
 * and forked links). Each rule names what happened and why, from the pattern the format notes
 * tabulate (formats/meshguard.md §5, formats/runtime-steps.md §6, formats/agentmesh.md §5).
 */
import { placeList } from '../chain/placeList';
import type { Finding } from '../types';
import { chainOf, hashText, place, type FindingPool } from './findingPool';
import type { LinkFacts } from './links';

export interface RecordFacts {
  records: number;
  links: LinkFacts | null;
}

const short = (hash: string): string => `${hash.slice(0, 12)}…`;

/** Torn or unparsable records: the last one means the file was cut mid-record, any other an altered record. */
export function diagnoseUnreadable(pool: FindingPool, facts: RecordFacts): void {
  for (const f of pool.open('parse_error')) {
    if (f.entryIndex === undefined) {
      pool.diagnose(
        'edit',
        f,
        'the document does not parse as JSON, so its bytes were altered after it was written; no record in it can be checked until it is repaired',
      );
    } else if (f.entryIndex === facts.records - 1) {
      pool.diagnose(
        'truncation',
        f,
        `${place(f)} is the last record and does not parse: the file ends in the middle of a record, as when the tail is cut or the final write was torn`,
      );
    } else {
      pool.diagnose(
        'edit',
        f,
        `${place(f)} does not parse while the records around it do: its bytes were altered or torn (a partial write); the link from the next record cannot be checked`,
      );
    }
  }
}

/** A hash that no longer matches its record, or a container that disagrees with its content. */
export function diagnoseContentEdits(pool: FindingPool): void {
  for (const f of pool.open('hash_mismatch')) {
    const sig = pool.openAt('signature_invalid', f.entryIndex, chainOf(f));
    const also = sig ? ' Its signature fails too, because the signature covers the changed content.' : '';
    pool.diagnose(
      'edit',
      f,
      `the hash recomputed from the covered fields of ${place(f)} differs from the hash stored in it, while the chain still links to the stored hash: the record was changed in place after it was written.${also}`,
      [f, sig],
    );
  }
  for (const f of pool.open('envelope_mismatch')) {
    const member = f.field === undefined ? '' : ` (${f.field})`;
    pool.diagnose(
      'edit',
      f,
      `the envelope of ${place(f)}${member} disagrees with the data it carries; the envelope is outside the hash, so it was edited after the event was written`,
    );
  }
  for (const f of pool.open('header_mismatch')) {
    pool.diagnose(
      'edit',
      f,
      `the export header disagrees with what its entries recompute to${f.field ? ` (${f.field})` : ''}: the header or the entries were edited after the export was written`,
    );
  }
}

/** The predecessor hash a fork or break names: from the finding, else from the record's link. */
function predecessorOf(f: Finding, links: LinkFacts | null): string | undefined {
  return hashText(f.actual) ?? (f.entryIndex === undefined ? undefined : links?.previousAt(f.entryIndex));
}

/** Two records claiming one predecessor: a chain cannot branch, so one of them was inserted. */
export function diagnoseForks(pool: FindingPool, facts: RecordFacts): void {
  const groups = new Map<string, Finding[]>();
  for (const f of pool.open('chain_fork')) {
    const key = `${chainOf(f)}\u0000${predecessorOf(f, facts.links) ?? '?'}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  for (const members of groups.values()) {
    const signedBad = members.find(
      (m) => m.entryIndex !== undefined && pool.hasAt('signature_invalid', m.entryIndex, chainOf(m)),
    );
    const orphan = members.find((m) => {
      const own = m.entryIndex === undefined ? undefined : facts.links?.ownAt(m.entryIndex);
      return own !== undefined && facts.links?.claimantsOf(own).length === 0;
    });
    const inserted = signedBad ?? orphan ?? (members[0] as Finding);
    const why = signedBad
      ? 'its signature does not verify'
      : orphan
        ? 'no record links to it'
        : 'it is the first of them in the file (no signature or link tells them apart)';
    const others = placeList(members.filter((m) => m !== inserted).map(place)) || 'another record';
    const sig = pool.openAt('signature_invalid', inserted.entryIndex, chainOf(inserted));
    pool.diagnose(
      'insertion',
      inserted,
      `${place(inserted)} and ${others} name the same predecessor; a hash chain cannot branch, so one was inserted. ${place(inserted)} is the inserted one because ${why}.`,
      [...members, sig],
    );
  }
}

/**
 * The next unexplained chain break after `f` in its chain (the record that follows it): the very
 * next record for a file-order chain, the next break of the same run for a named chain. A
 * signature finding without a chain name cannot say which run it is in, so only its neighbour qualifies.
 */
function successorBreak(pool: FindingPool, f: Finding): Finding | undefined {
  const i = f.entryIndex;
  if (i === undefined) return undefined;
  const chain = chainOf(f);
  const named = chain === '' ? undefined : pool.nextOpenAfter('chain_break', chain, i);
  return named ?? pool.openAt('chain_break', i + 1, chain);
}

/** Signatures that fail while the hash holds: replaced, forged, or a re-hashed edit/insert without the key. */
export function diagnoseSignatures(pool: FindingPool, facts: RecordFacts): void {
  const open = pool.open('signature_invalid').filter((f) => f.entryIndex !== undefined);
  open.sort(
    (a, b) => chainOf(a).localeCompare(chainOf(b)) || (a.entryIndex as number) - (b.entryIndex as number),
  );
  const runs: Finding[][] = [];
  for (const f of open) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && chainOf(last) === chainOf(f) && (last.entryIndex as number) + 1 === f.entryIndex)
      run.push(f);
    else runs.push([f]);
  }
  for (const run of runs) {
    const first = run[0] as Finding;
    if (run.length > 1) {
      const last = run[run.length - 1] as Finding;
      pool.diagnose(
        'forgery',
        first,
        `records ${first.entryIndex}–${last.entryIndex} (${run.length} records) have hashes and links that agree, but none of their signatures verifies with the trusted key: the chain was rewritten from ${place(first)} on and re-signed with another key`,
        run,
      );
      continue;
    }
    diagnoseOneSignature(pool, facts, first);
  }
  for (const f of pool.open('signature_invalid')) {
    pool.diagnose('forgery', f, `a signature in ${place(f)} does not verify with the trusted key`);
  }
}

function diagnoseOneSignature(pool: FindingPool, facts: RecordFacts, f: Finding): void {
  const next = successorBreak(pool, f);
  if (!next) {
    pool.diagnose(
      'forgery',
      f,
      `${place(f)} has a hash that matches its content and links correctly, but its signature does not verify with the trusted key: the signature was replaced or made with a key that is not trusted`,
    );
    return;
  }
  const skippedTo = predecessorOf(next, facts.links);
  const ownPrevious = f.entryIndex === undefined ? undefined : facts.links?.previousAt(f.entryIndex);
  if (skippedTo !== undefined && skippedTo === ownPrevious) {
    pool.diagnose(
      'insertion',
      f,
      `${place(f)} has a correct hash and links to its predecessor, but its signature does not verify, and the next record (${place(next)}) links past it to that same predecessor: ${place(f)} was inserted by someone without the signing key`,
      [f, next],
    );
    return;
  }
  const unknownTarget =
    skippedTo !== undefined && facts.links !== null && facts.links.holderOf(skippedTo) === undefined;
  const because = unknownTarget
    ? `the next record (${place(next)}) still links to ${short(skippedTo)}, a hash no record holds — the record's hash before the edit`
    : `the next record (${place(next)}) no longer links to it (the record links could not be read to rule out an insertion)`;
  pool.diagnose(
    'edit',
    f,
    `${place(f)} has a hash that matches its content but a signature that does not verify, and ${because}: the record was edited and its hash recomputed by someone without the signing key (a forgery attempt)`,
    [f, next],
  );
}
