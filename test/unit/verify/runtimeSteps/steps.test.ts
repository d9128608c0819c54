import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyRuntimeSteps } from '../../../../shared/verify/runtimeSteps/profile';
import { STEPS_NEED_ANCHOR } from '../../../../shared/verify/runtimeSteps/verifySteps';
import { loadJsonlSource, truthFor } from '../helpers';
import { expectTruth } from '../meshguard/truth';
import { RS, TENANTS, context, runAnchors } from './fixtures';

const steps = (t: string): ReturnType<typeof loadJsonlSource> =>
  loadJsonlSource(`${RS}/steps/${t}.jsonl`, `steps/${t}.jsonl`);

describe('runtime-steps tenant files, intact', () => {
  it('all four files verify against the per-run anchors: zero findings but the out-of-order notice', () => {
    const out = verifyRuntimeSteps(TENANTS.map(steps), context());
    expect(out.map((o) => [o.path, o.records])).toEqual([
      ['steps/tnt_bluefin.jsonl', 956],
      ['steps/tnt_copperleaf.jsonl', 784],
      ['steps/tnt_driftwood.jsonl', 1183],
      ['steps/tnt_ember.jsonl', 294],
    ]);
    const findings = out.flatMap((o) => o.findings);
    expect(findings.map((f) => [f.kind, f.chain])).toEqual([['out_of_order', 'run_d2013cf5fc8dc87b2ce3']]);
    expect(out.map((o) => o.anchorsUsed)).toEqual([
      ['64 per-run anchors (event count, head hash)'],
      ['56 per-run anchors (event count, head hash)'],
      ['60 per-run anchors (event count, head hash)'],
      ['20 per-run anchors (event count, head hash)'],
    ]);
    expect(
      out.every(
        (o) => o.needsAnchorFor.length === 0 && o.unverifiableReason === undefined && o.keysUsed.length === 1,
      ),
    ).toBe(true);
  });

  it('one tenant file is checked only against its own tenant’s runs', () => {
    const out = verifyRuntimeSteps([steps('tnt_bluefin')], context());
    expect(out[0]?.findings).toEqual([]);
  });

  it('without anchors the runs verify, and the outcome says what only an anchor reveals', () => {
    const out = verifyRuntimeSteps([steps('tnt_copperleaf')], context([]));
    expect(out[0]?.findings).toEqual([]);
    expect(out[0]?.needsAnchorFor).toEqual([STEPS_NEED_ANCHOR.runTail, STEPS_NEED_ANCHOR.wholeRun]);
  });

  it('without the key the HMACs are not checked and the outcome says so', () => {
    const out = verifyRuntimeSteps([steps('tnt_ember')], context(runAnchors(), { hmac: [], ed25519: [] }));
    expect(out[0]?.findings.map((f) => f.kind)).toEqual(['out_of_order']);
    expect(out[0]?.unverifiableReason).toMatch(/HMACs were not/);
  });

  it('the hex text used as the key (pitfall §12) fails every HMAC', () => {
    const wrong = { hmac: [{ id: 'ascii', key: new TextEncoder().encode('d429a3da') }], ed25519: [] };
    const out = verifyRuntimeSteps([steps('tnt_ember')], context(runAnchors(), wrong));
    expect(out[0]?.findings.filter((f) => f.kind === 'signature_invalid').length).toBe(294);
  });

  it('a run missing from the anchors is reported', () => {
    const anchors = runAnchors();
    const dropped = anchors.find((a) => a.tenant === 'tnt_ember');
    const out = verifyRuntimeSteps([steps('tnt_ember')], context(anchors.filter((a) => a !== dropped)));
    expect(
      out[0]?.findings.filter((f) => f.kind !== 'out_of_order').map((f) => [f.kind, f.chain, f.expected]),
    ).toEqual([['anchor_count_mismatch', dropped?.chain, '0']]);
  });
});

describe('runtime-steps tampered files', () => {
  const files = readdirSync(`${RS}/tampered`).filter((f) => /^tnt_ember\..*\.jsonl$/.test(f));
  it('covers every tampered steps copy', () => expect(files.length).toBe(9));
  for (const name of files) {
    it(`${name}: every must_report at its place, nothing outside the truth`, () => {
      const path = `${RS}/tampered/${name}`;
      const out = verifyRuntimeSteps([loadJsonlSource(path)], context());
      // The intact tnt_ember file already holds one out-of-order run (MANIFEST): a notice the truths leave out.
      const findings = (out[0]?.findings ?? []).filter(
        (f) => !(f.kind === 'out_of_order' && f.chain === 'run_d2013cf5fc8dc87b2ce3'),
      );
      expectTruth(findings, truthFor(path));
    });
  }

  it('a duplicated line is one event: the copy is named, the run still matches its anchor', () => {
    const out = verifyRuntimeSteps(
      [loadJsonlSource(`${RS}/tampered/tnt_ember.duplicated-line.jsonl`)],
      context(),
    );
    const dup = out[0]?.findings.find((f) => f.kind === 'duplicate_record');
    expect(dup?.detail).toMatch(/exact copy of line 66/);
    expect(out[0]?.findings.filter((f) => f.kind.startsWith('anchor_'))).toEqual([]);
  });

  it('the torn line is named as the possible predecessor of the broken link', () => {
    const out = verifyRuntimeSteps([loadJsonlSource(`${RS}/tampered/tnt_ember.torn-line.jsonl`)], context());
    expect(out[0]?.findings.find((f) => f.kind === 'chain_break')?.detail).toMatch(/unreadable line 227/);
  });

  it('the truncated file: each affected run is reported with its anchored count', () => {
    const out = verifyRuntimeSteps([loadJsonlSource(`${RS}/tampered/tnt_ember.truncated.jsonl`)], context());
    const anchorFindings = out[0]?.findings.filter((f) => f.kind.startsWith('anchor_')) ?? [];
    const byRun = anchorFindings
      .map((f) => [f.kind, f.chain, f.expected, f.actual])
      .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    expect(byRun).toEqual([
      ['anchor_chain_missing', 'run_55ea62a86a3515005e41', '8 events', 'absent'],
      ['anchor_chain_missing', 'run_6f5b956ac67577c59c03', '10 events', 'absent'],
      ['anchor_count_mismatch', 'run_8905820cee042263448b', '10', '5'],
    ]);
    expect(anchorFindings.find((f) => f.kind === 'anchor_count_mismatch')?.detail).toMatch(
      /^truncation_vs_anchor/,
    );
  });
});

describe('runtime-steps copies of one tenant given together', () => {
  it('each copy is checked against the tenant’s anchors in full', () => {
    const out = verifyRuntimeSteps(
      [steps('tnt_ember'), loadJsonlSource(`${RS}/tampered/tnt_ember.truncated.jsonl`)],
      context(),
    );
    const anchorKinds = out.map((o) =>
      o.findings
        .filter((f) => f.kind.startsWith('anchor_'))
        .map((f) => f.kind)
        .sort(),
    );
    expect(anchorKinds).toEqual([
      [],
      ['anchor_chain_missing', 'anchor_chain_missing', 'anchor_count_mismatch'],
    ]);
  });

  it('an anchor with no tenant or file is missing only when no given file holds its run', () => {
    const bare = runAnchors()
      .filter((a) => a.tenant === 'tnt_ember' || a.tenant === 'tnt_bluefin')
      .map((a) => ({ chain: a.chain, count: a.count, head: a.head }));
    const out = verifyRuntimeSteps([steps('tnt_bluefin'), steps('tnt_ember')], context(bare));
    expect(out.flatMap((o) => o.findings.filter((f) => f.kind !== 'out_of_order'))).toEqual([]);
    const alone = verifyRuntimeSteps([steps('tnt_ember')], context(bare));
    expect(alone[0]?.findings.filter((f) => f.kind === 'anchor_chain_missing').length).toBe(64);
  });
});

describe('the out-of-order notice', () => {
  it('gives the chain order as spans of file lines', () => {
    const out = verifyRuntimeSteps([steps('tnt_ember')], context());
    expect(out[0]?.findings[0]?.detail).toMatch(/chain order is lines 1–8, 13–16, 9–12, 17–26\./);
  });
});
