/** The custody chain check (shared/custody/chain.ts): every way a log can be altered is named. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkCustodyChain,
  CUSTODY_GENESIS,
  custodyHash,
  stableJson,
  type CustodyEntry,
} from '../../../shared/custody/chain';

function chain(actions: [string, unknown][]): CustodyEntry[] {
  const out: CustodyEntry[] = [];
  let prev = CUSTODY_GENESIS;
  actions.forEach(([action, detail], i) => {
    const seq = i + 1;
    const loggedAt = `2026-11-23T10:00:0${seq}.000Z`;
    const text = stableJson(detail);
    const hash = custodyHash(seq, loggedAt, action, text, prev);
    out.push({ seq, loggedAt, action, detail: text, prevHash: prev, hash });
    prev = hash;
  });
  return out;
}

const LOG = chain([
  ['case.create', { path: '/cases/x.duckdb' }],
  ['archive.import', { files: [{ path: 'a.jsonl', sha256: 'ab'.repeat(32), records: 3 }] }],
  ['verify.run', { archives: 1, verdicts: { intact: 1 } }],
  ['mapping.save', { name: 'siem' }],
]);

describe('custody chain', () => {
  it('hashes the canonical JSON of the whole entry, as cases written before this module were', () => {
    const e = LOG[1]!;
    // Independently: node:crypto over the entry object with keys in sorted order.
    const text = JSON.stringify({
      action: e.action,
      at: e.loggedAt,
      detail: { files: [{ path: 'a.jsonl', records: 3, sha256: 'ab'.repeat(32) }] },
      prev_hash: e.prevHash,
      seq: e.seq,
    });
    expect(e.hash).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('holds for an untouched log and names its head', () => {
    expect(checkCustodyChain(LOG)).toEqual({
      entries: 4,
      intact: true,
      firstBadSeq: null,
      breaks: [],
      head: { seq: 4, hash: LOG[3]!.hash },
    });
    expect(checkCustodyChain([])).toMatchObject({ entries: 0, intact: true, head: null });
  });

  it('names an edited entry', () => {
    const edited = LOG.map((e) =>
      e.seq === 2 ? { ...e, detail: e.detail.replace('a.jsonl', 'b.jsonl') } : e,
    );
    expect(checkCustodyChain(edited).breaks).toEqual([
      {
        seq: 2,
        kind: 'edited',
        message: 'entry 2 (archive.import) was changed after it was logged: its hash does not recompute',
      },
    ]);
    const retimed = LOG.map((e) => (e.seq === 3 ? { ...e, loggedAt: '2026-11-24T00:00:00.000Z' } : e));
    expect(checkCustodyChain(retimed).breaks.map((b) => [b.seq, b.kind])).toEqual([[3, 'edited']]);
  });

  it('names a removed entry, and a moved one', () => {
    const removed = LOG.filter((e) => e.seq !== 2);
    expect(checkCustodyChain(removed).breaks).toEqual([
      { seq: 3, kind: 'gap', message: 'entry 2 is missing' },
      {
        seq: 3,
        kind: 'unlinked',
        message: 'entry 3 does not link to the entry before it: an entry was removed, inserted or moved',
      },
    ]);
    const moved = [LOG[0]!, LOG[2]!, LOG[1]!, LOG[3]!];
    expect(checkCustodyChain(moved).breaks.map((b) => [b.seq, b.kind])).toEqual([
      [3, 'gap'],
      [3, 'unlinked'],
      [2, 'gap'],
      [2, 'unlinked'],
      [4, 'gap'],
      [4, 'unlinked'],
    ]);
  });

  it('catches an entry slipped in with a hash of its own', () => {
    const forged = chain([
      ['case.create', { path: '/cases/x.duckdb' }],
      ['archive.import', { files: [{ path: 'a.jsonl', sha256: 'ab'.repeat(32), records: 3 }] }],
      ['archive.import', { files: [{ path: 'planted.jsonl' }] }],
    ])[2]!;
    const inserted = [LOG[0]!, LOG[1]!, forged, ...LOG.slice(2).map((e) => ({ ...e }))];
    const check = checkCustodyChain(inserted);
    expect(check.intact).toBe(false);
    // The forgery links and hashes; the entry after it no longer follows in sequence or chain.
    expect(check.breaks).toMatchObject([
      { seq: 3, kind: 'gap', message: 'entry 3 appears twice' },
      { seq: 3, kind: 'unlinked' },
    ]);
  });

  it('shows a lost tail only against a head noted before', () => {
    const noted = checkCustodyChain(LOG).head;
    const cut = checkCustodyChain(LOG.slice(0, 3));
    expect(cut.intact).toBe(true);
    expect(cut.head).not.toEqual(noted);
  });
});
