/** diagnose() on hand-built finding lists: rules without record links, anchors, leftovers; verdicts and exit codes. */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../shared/verify/run/diagnose';
import { verdictExitCode, verdictOf } from '../../../../shared/verify/run/verdict';
import { unverifiableReports, verifyArchive } from '../../../../shared/verify/run/verifyArchive';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import type { FileReport, Finding } from '../../../../shared/verify/types';

const at = (kind: Finding['kind'], entryIndex?: number, extra: Partial<Finding> = {}): Finding => ({
  kind,
  ...(entryIndex === undefined ? {} : { entryIndex, line: entryIndex + 1 }),
  detail: 'test',
  ...extra,
});

describe('diagnose without record links', () => {
  it('a lone chain break is a deletion that says an insertion cannot be ruled out', () => {
    const [d] = diagnose([at('chain_break', 7)], { records: 20 });
    expect(d).toMatchObject({ what: 'deletion', entryIndex: 7, line: 8 });
    expect(d?.reasoning).toMatch(/cannot be ruled out/);
  });

  it('signature failing with a break at the next record is an edit re-hashed without the key', () => {
    const ds = diagnose([at('signature_invalid', 4), at('chain_break', 5)], { records: 9 });
    expect(ds.map((d) => [d.what, d.entryIndex])).toEqual([['edit', 4]]);
  });

  it('a break two records later is not the successor of a file-order chain: forgery + deletion', () => {
    const ds = diagnose([at('signature_invalid', 4), at('chain_break', 6)], { records: 9 });
    expect(ds.map((d) => [d.what, d.entryIndex])).toEqual([
      ['forgery', 4],
      ['deletion', 6],
    ]);
  });

  it('every finding is explained: several edits, a header mismatch, a proof failure, and an unknown pattern', () => {
    const ds = diagnose(
      [
        at('hash_mismatch', 1),
        at('hash_mismatch', 9),
        at('header_mismatch', undefined, { field: 'entry_count' }),
        at('proof_invalid', 3),
        at('checkpoint_mismatch', 12, { chain: 'x' }),
      ],
      { records: 20 },
    );
    expect(ds.map((d) => d.what)).toEqual(['edit', 'forgery', 'edit', 'edit', 'edit']);
    expect(ds.find((d) => d.reasoning.includes('export header'))?.reasoning).toMatch(/entry_count/);
  });
});

describe('diagnose against anchors', () => {
  const anchor = (kind: Finding['kind'], expected: string, actual: string, chain = '*'): Finding =>
    at(kind, undefined, { chain, expected, actual });

  it('same count, other head, clean chain → an edit re-chained', () => {
    const [d, ...rest] = diagnose([anchor('anchor_head_mismatch', 'a'.repeat(64), 'b'.repeat(64))], {
      records: 300,
    });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ what: 'edit', chain: '*' });
    expect(d?.reasoning).toMatch(/re-chained edit/);
  });

  it('fewer records with a clean chain → truncation; more → insertion; both explain the root/head difference', () => {
    const fewer = diagnose(
      [anchor('anchor_count_mismatch', '600', '577'), anchor('anchor_root_mismatch', 'r', 's')],
      {
        records: 577,
      },
    );
    expect(fewer.map((d) => d.what)).toEqual(['truncation']);
    expect(fewer[0]?.reasoning).toMatch(/last 23 record/);
    const more = diagnose(
      [anchor('anchor_count_mismatch', '600', '601'), anchor('anchor_head_mismatch', 'h', 'i')],
      {
        records: 601,
      },
    );
    expect(more.map((d) => d.what)).toEqual(['insertion']);
  });

  it('a per-run anchor difference is explained only by a diagnosis of the same run', () => {
    const ds = diagnose(
      [
        at('chain_break', 5, { chain: 'run_a' }),
        at('chain_break', 9, { chain: 'run_b' }),
        anchor('anchor_count_mismatch', '10', '9', 'run_a'),
        anchor('anchor_count_mismatch', '8', '5', 'run_c'),
      ],
      { records: 40 },
    );
    expect(ds.map((d) => [d.what, d.chain])).toEqual([
      ['deletion', 'run_a'],
      ['deletion', 'run_b'],
      ['truncation', 'run_c'],
    ]);
  });
});

describe('verdicts and exit codes', () => {
  const report = (verdict: FileReport['verdict']): FileReport => ({
    ...(unverifiableReports(['x'], { sha256ByPath: {}, producer: 'p' }, 'r')[0] as FileReport),
    verdict,
  });

  it('tampered beats unverifiable; notices and duplicates do not make a file tampered', () => {
    expect(verdictOf([at('out_of_order'), at('duplicate_record', 3)], undefined)).toBe('intact');
    expect(verdictOf([at('out_of_order')], 'no key')).toBe('unverifiable');
    expect(verdictOf([at('hash_mismatch', 1)], 'no key')).toBe('tampered');
  });

  it('0 all intact, 1 any tampered, 2 otherwise (including no files)', () => {
    expect(verdictExitCode([report('intact'), report('intact')])).toBe(0);
    expect(verdictExitCode([report('intact'), report('unverifiable'), report('tampered')])).toBe(1);
    expect(verdictExitCode([report('intact'), report('unverifiable')])).toBe(2);
    expect(verdictExitCode([])).toBe(2);
  });

  it('a profile that throws makes every file unverifiable with the reason, never a crash', () => {
    const reports = verifyArchive(
      [
        { path: 'a.jsonl', container: 'jsonl', records: [] },
        { path: 'b.jsonl', container: 'jsonl', records: [] },
      ],
      {
        id: 'broken',
        verify: () => {
          throw new Error('boom');
        },
      },
      { hash: nobleHash, keys: { hmac: [], ed25519: [] }, anchors: [] },
      { sha256ByPath: { 'a.jsonl': 'ab' }, producer: 'x' },
    );
    expect(reports.map((r) => [r.path, r.sha256, r.verdict, r.unverifiableReason])).toEqual([
      ['a.jsonl', 'ab', 'unverifiable', 'the broken profile failed on this input: boom'],
      ['b.jsonl', '', 'unverifiable', 'the broken profile failed on this input: boom'],
    ]);
    expect(verdictExitCode(reports)).toBe(2);
  });
});
