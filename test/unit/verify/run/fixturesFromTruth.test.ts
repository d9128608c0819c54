/**
 * The diagnosis on the meshguard and runtime-steps tampered fixtures, with the findings the truth
 * files prescribe (what a conforming profile must report) and the record links read from the real
 * tampered file, run through the orchestrator by a stand-in profile.
 */
import { describe, expect, it } from 'vitest';
import type { FileOutcome, Profile, VerifySource } from '../../../../shared/verify/profile';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import { buildLinkFacts } from '../../../../shared/verify/run/links';
import { verifyArchive } from '../../../../shared/verify/run/verifyArchive';
import type { FileReport, Finding, FindingKind } from '../../../../shared/verify/types';
import { loadJsonlSource, truthFor, type TruthItem } from '../helpers';
import { MESHGUARD_CASES, MG, RS, RUNTIME_STEPS_CASES } from './expectedDiagnoses';
import { expectDiagnosis } from './truthDiagnosis';

/** The truth files' words (formats/meshguard.md §5, formats/runtime-steps.md §6) → Casefile kinds. */
const KIND: Record<string, FindingKind> = {
  parse_error: 'parse_error',
  hash_mismatch: 'hash_mismatch',
  sig_invalid: 'signature_invalid',
  chain_break: 'chain_break',
  chain_fork: 'chain_fork',
  envelope_mismatch: 'envelope_mismatch',
  out_of_order: 'out_of_order',
  duplicate_event: 'duplicate_record',
  truncation_vs_anchor: 'anchor_count_mismatch',
  count_differs_from_anchor: 'anchor_count_mismatch',
  head_hash_differs_from_anchor: 'anchor_head_mismatch',
  run_missing_vs_anchor: 'anchor_chain_missing',
};

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** The findings a conforming profile reports for one truth item (ranges expanded). */
function findingsFor(item: TruthItem, source: VerifySource, truth: Record<string, unknown>): Finding[] {
  const kind = KIND[item.kind.split(' ')[0] as string];
  if (!kind) throw new Error(`unmapped truth kind ${item.kind}`);
  const chain = typeof item.run_id === 'string' ? { chain: item.run_id } : {};
  const range = item.line_index_range as [number, number] | undefined;
  const indexes = range
    ? Array.from({ length: range[1] - range[0] + 1 }, (_, k) => range[0] + k)
    : [num(item.line_index) ?? num(item.entry_index)];
  const links = buildLinkFacts(source);
  return indexes.map((i) => {
    const at = i === undefined ? {} : { entryIndex: i, line: i + 1 };
    const f: Finding = { kind, ...at, ...chain, detail: `from the truth file: ${item.kind}` };
    if (kind === 'chain_break' && i !== undefined) {
      const prev = links?.previousAt(i);
      if (prev !== undefined) f.actual = JSON.stringify(prev);
    }
    if (kind === 'anchor_count_mismatch') {
      const published = truth.published_anchor as { line_count?: number } | null;
      const observed = truth.observed_in_file as { line_count?: number } | null;
      const expected = num(item.anchor_event_count) ?? published?.line_count;
      const actual = num(item.observed_event_count) ?? observed?.line_count;
      if (expected !== undefined) f.expected = String(expected);
      if (actual !== undefined) f.actual = String(actual);
      f.chain = typeof item.run_id === 'string' ? item.run_id : source.path;
    }
    if (kind === 'anchor_head_mismatch') f.chain = source.path;
    return f;
  });
}

function report(path: string, extra: (truth: Record<string, unknown>) => TruthItem[] = () => []): FileReport {
  const source = loadJsonlSource(path);
  const truth = truthFor(path) as Record<string, unknown>;
  const items = [...(truth.must_report as TruthItem[]), ...extra(truth)];
  const stub: Profile = {
    id: 'truth-stand-in',
    verify: (sources): FileOutcome[] =>
      sources.map((s) => ({
        path: s.path,
        records: Array.isArray(s.records) ? s.records.length : 0,
        findings: items.flatMap((item) => findingsFor(item, s, truth)),
        merkleRoot: null,
        head: null,
        uncoveredFields: [],
        needsAnchorFor: [],
        keysUsed: ['stand-in key'],
        anchorsUsed: ['stand-in anchor'],
      })),
  };
  const ctx = { hash: nobleHash, keys: { hmac: [], ed25519: [] }, anchors: [] };
  return verifyArchive([source], stub, ctx, { sha256ByPath: {}, producer: 'stand-in' })[0] as FileReport;
}

const CASES = { ...MESHGUARD_CASES, ...RUNTIME_STEPS_CASES };

describe('diagnosis of the meshguard and runtime-steps tampered fixtures (truth findings + real record links)', () => {
  for (const [path, expected] of Object.entries(CASES)) {
    it(`${path.split('/').slice(-3).join('/')}: ${expected.what.join(', ') || 'a notice only'}`, () => {
      expectDiagnosis(path, report(path), expected);
    });
  }

  it('edit-rehashed vs insert-event: the same two findings, told apart by where the successor links', () => {
    const edit = report(`${MG}/2024-03-16.edit-rehashed.jsonl`).diagnosis[0];
    const insert = report(`${MG}/2024-03-16.insert-event.jsonl`).diagnosis[0];
    expect(edit?.reasoning).toMatch(/a hash no record holds .*without the signing key/);
    expect(insert?.reasoning).toMatch(/links past it to that same predecessor/);
  });

  it('a swap that breaks a file-order chain is a reordering; in a per-run chain it is only a notice', () => {
    expect(report(`${MG}/2024-03-16.swap-events.jsonl`).verdict).toBe('tampered');
    const run = report(`${RS}/tnt_ember.swap-events.jsonl`);
    expect(run.verdict).toBe('intact');
    expect(run.diagnosis[0]?.reasoning).toMatch(/notice, not tampering/);
  });

  it('a torn line followed by a break "predecessor unreadable" is one diagnosis, not a deletion too', () => {
    const r = report(`${RS}/tnt_ember.torn-line.jsonl`, (t) =>
      (t.may_also_report as TruthItem[]).slice(0, 1),
    );
    expect(r.findings.map((f) => f.kind)).toEqual(['parse_error', 'chain_break']);
    expect(r.diagnosis.map((d) => d.what)).toEqual(['edit']);
  });

  it('a deletion that also shortens the anchored count is one deletion, not a truncation too', () => {
    const r = report(`${MG}/2024-03-16.delete-event.jsonl`, () => [
      { kind: 'count_differs_from_anchor', anchor_event_count: 155, observed_event_count: 154 },
    ]);
    expect(r.diagnosis.map((d) => d.what)).toEqual(['deletion']);
  });

  it('the duplicated line is a notice: intact, exit-code neutral, no diagnosis', () => {
    const r = report(`${RS}/tnt_ember.duplicated-line.jsonl`);
    expect(r.findings.map((f) => f.kind)).toEqual(['duplicate_record']);
    expect(r.verdict).toBe('intact');
  });
});
