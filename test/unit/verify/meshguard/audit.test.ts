import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyMeshguard } from '../../../../shared/verify/meshguard/profile';
import { NEEDS_ANCHOR } from '../../../../shared/verify/meshguard/verifyFiles';
import type { VerifySource } from '../../../../shared/verify/profile';
import { loadJsonlSource, truthFor } from '../helpers';
import { DAYS, MG, NO_KEYS, context, publishedAnchors } from './fixtures';
import { expectTruth } from './truth';

function day(d: string, as: string = `audit/${d}.jsonl`): VerifySource {
  return loadJsonlSource(`${MG}/audit/${d}.jsonl`, as);
}

describe('meshguard audit files, intact', () => {
  it('the three daily files verify as one chain against every anchor, with zero findings', () => {
    const out = verifyMeshguard(
      DAYS.map((d) => day(d)),
      context(),
    );
    expect(out.map((o) => [o.path, o.records, o.findings.length])).toEqual([
      ['audit/2024-03-14.jsonl', 641, 0],
      ['audit/2024-03-15.jsonl', 657, 0],
      ['audit/2024-03-16.jsonl', 155, 0],
    ]);
    expect(out[2]?.head).toBe(publishedAnchors().find((a) => a.chain === '*')?.head);
    expect(out[2]?.anchorsUsed.some((a) => a.startsWith('anchor chain "*"'))).toBe(true);
    expect(out.every((o) => o.needsAnchorFor.length === 0 && o.unverifiableReason === undefined)).toBe(true);
    // Both keys of the rotation were used, each on its side of the switch.
    expect(out[1]?.keysUsed.map((k) => k.split(' ')[0])).toEqual([
      'mg-larkspur-gw1-2024-03a',
      'mg-larkspur-gw1-2024-03b',
    ]);
  });

  it('orders the files by their links, whatever order they are given in', () => {
    const out = verifyMeshguard([day('2024-03-16'), day('2024-03-14'), day('2024-03-15')], context());
    expect(out.map((o) => [o.path, o.findings.length])).toEqual([
      ['audit/2024-03-16.jsonl', 0],
      ['audit/2024-03-14.jsonl', 0],
      ['audit/2024-03-15.jsonl', 0],
    ]);
  });

  it('reports a file whose name does not match its place in the chain, and still verifies it in chain order', () => {
    const out = verifyMeshguard(
      [day('2024-03-14', 'audit/b.jsonl'), day('2024-03-15', 'audit/a.jsonl')],
      context([]),
    );
    expect(out.flatMap((o) => o.findings.map((f) => [o.path, f.kind]))).toEqual([
      ['audit/a.jsonl', 'out_of_order'],
    ]);
  });

  it('reports a missing day file as a chain break on the first line of the next file', () => {
    const out = verifyMeshguard([day('2024-03-14'), day('2024-03-16')], context([]));
    const findings = out.flatMap((o) => o.findings);
    expect(findings.map((f) => [f.kind, f.entryIndex, f.line])).toEqual([['chain_break', 0, 1]]);
    expect(out[1]?.findings[0]?.expected).toBe(out[0]?.head);
  });

  it('two copies of one day given together are verified side by side, not as a chain', () => {
    const copy = (n: string): VerifySource => loadJsonlSource(`${MG}/tampered/2024-03-16.${n}.jsonl`);
    const alone = verifyMeshguard([copy('swap-events'), copy('truncated')], context([]));
    expect(alone.map((o) => o.findings.map((f) => f.line))).toEqual([[140, 141, 142], []]);
    const afterDay = verifyMeshguard([day('2024-03-15'), copy('edit-field'), copy('truncated')], context([]));
    expect(afterDay.map((o) => o.findings.map((f) => [f.kind, f.line]))).toEqual([
      [],
      [['hash_mismatch', 16]],
      [],
    ]);
  });

  it('a lone day file is a segment: checked against the anchor first prev, else its predecessor is reported unanchored', () => {
    const anchored = verifyMeshguard([day('2024-03-15')], context());
    expect(anchored[0]?.findings).toEqual([]);
    expect(anchored[0]?.needsAnchorFor).toEqual([]);
    const bare = verifyMeshguard([day('2024-03-15')], context([]));
    expect(bare[0]?.findings).toEqual([]);
    expect(bare[0]?.needsAnchorFor).toEqual([
      NEEDS_ANCHOR.predecessor,
      NEEDS_ANCHOR.tail,
      NEEDS_ANCHOR.resigned,
    ]);
    const wrongAnchor = verifyMeshguard(
      [day('2024-03-15')],
      context([{ chain: 'audit/2024-03-15.jsonl', firstPrev: '0'.repeat(64) }]),
    );
    expect(wrongAnchor[0]?.findings.map((f) => [f.kind, f.entryIndex])).toEqual([['chain_break', 0]]);
  });

  it('without keys the chain is still checked, but the outcome says the signatures were not', () => {
    const out = verifyMeshguard([day('2024-03-16')], context(publishedAnchors(), NO_KEYS));
    expect(out[0]?.findings).toEqual([]);
    expect(out[0]?.unverifiableReason).toMatch(/signatures were not/);
    expect(out[0]?.needsAnchorFor).toContain(NEEDS_ANCHOR.rechained);
  });
});

describe('meshguard tampered audit files', () => {
  const files = readdirSync(`${MG}/tampered`).filter((f) => /^2024-03-16\..*\.jsonl$/.test(f));
  it('covers every tampered audit copy', () => expect(files.length).toBe(9));
  for (const name of files) {
    it(`${name}: every must_report at its line, nothing outside the truth`, () => {
      const path = `${MG}/tampered/${name}`;
      // verify_with: anchors.json → files[2], so the copy is verified under the path it replaces.
      const out = verifyMeshguard([loadJsonlSource(path, 'audit/2024-03-16.jsonl')], context());
      expect(out.length).toBe(1);
      expectTruth(out[0]?.findings ?? [], truthFor(path));
    });
  }

  it('an edit with the hash left alone: hash_mismatch names the recomputed and the stored hash', () => {
    const out = verifyMeshguard(
      [loadJsonlSource(`${MG}/tampered/2024-03-16.edit-field.jsonl`, 'audit/2024-03-16.jsonl')],
      context(),
    );
    const f = out[0]?.findings[0];
    expect(f?.field).toBe('integrity.hash');
    expect(f?.actual).not.toBe(f?.expected);
  });

  it('the torn line is kept as evidence and every other line still verifies', () => {
    const out = verifyMeshguard(
      [loadJsonlSource(`${MG}/tampered/2024-03-16.torn-line.jsonl`, 'audit/2024-03-16.jsonl')],
      context(),
    );
    expect(out[0]?.records).toBe(155);
    expect(
      out[0]?.findings.filter((f) => f.kind !== 'anchor_count_mismatch').map((f) => [f.kind, f.line]),
    ).toEqual([['parse_error', 155]]);
  });

  it('the truncated copy verifies on its own; only the anchor reveals it', () => {
    const path = `${MG}/tampered/2024-03-16.truncated.jsonl`;
    const alone = verifyMeshguard(
      [loadJsonlSource(path, 'audit/2024-03-16.jsonl')],
      context(publishedAnchors().filter((a) => a.chain !== 'audit/2024-03-16.jsonl')),
    );
    expect(alone[0]?.findings).toEqual([]);
    expect(alone[0]?.needsAnchorFor).toContain(NEEDS_ANCHOR.tail);
    const anchored = verifyMeshguard([loadJsonlSource(path, 'audit/2024-03-16.jsonl')], context());
    expect(anchored[0]?.findings.map((f) => [f.kind, f.expected, f.actual])).toEqual([
      ['anchor_count_mismatch', '155', '118'],
    ]);
    expect(anchored[0]?.findings[0]?.detail).toMatch(/^truncation_vs_anchor/);
  });

  it('the whole log with a truncated last day is caught by the whole-log anchor too', () => {
    const sources = [
      day('2024-03-14'),
      day('2024-03-15'),
      loadJsonlSource(`${MG}/tampered/2024-03-16.truncated.jsonl`, 'audit/2024-03-16.jsonl'),
    ];
    const out = verifyMeshguard(sources, context());
    expect(out[2]?.findings.map((f) => [f.kind, f.chain])).toEqual([
      ['anchor_count_mismatch', 'audit/2024-03-16.jsonl'],
      ['anchor_count_mismatch', '*'],
    ]);
  });
});

describe('the ground-truth check itself', () => {
  it('fails when a must_report item is missing or a finding is outside the truth', () => {
    const truth = truthFor(`${MG}/tampered/2024-03-16.edit-field.jsonl`);
    expect(() => expectTruth([], truth)).toThrow(/must report hash_mismatch/);
    const extra = { kind: 'chain_break' as const, entryIndex: 3, detail: 'x' };
    const hit = { kind: 'hash_mismatch' as const, entryIndex: 15, line: 16, detail: 'x' };
    expect(() => expectTruth([hit, extra], truth)).toThrow(/not in the truth/);
    expect(() => expectTruth([hit], truth)).not.toThrow();
  });
});
