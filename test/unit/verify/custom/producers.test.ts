/**
 * The shipped user-defined profiles (test/fixtures/profiles/*.json) express all four known
 * producers' JSONL chains: intact fixtures give zero findings, tampered copies the truth's kinds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadJsonlSource } from '../helpers';
import {
  AGENTMESH_KEYS,
  ctx,
  gantzAnchors,
  kinds,
  meshguardFileAnchors,
  meshguardKeys,
  only,
  outcome,
  runtimeStepsKeys,
  runtimeStepsRunAnchors,
  shippedProfile,
} from './context';

const G = 'test/fixtures/gantz';
const AM = 'test/fixtures/agentmesh';
const MG = 'test/fixtures/meshguard';
const RS = 'test/fixtures/runtime-steps';

describe('gantz as a custom profile', () => {
  const profile = shippedProfile('gantz');

  it('audit.jsonl: 300 records, no findings, the 11 unhashed fields reported, count and head match the anchor', () => {
    const out = outcome(profile, [loadJsonlSource(`${G}/audit.jsonl`)], ctx(undefined, gantzAnchors()));
    expect(out.findings).toEqual([]);
    expect(out.records).toBe(300);
    expect(out.uncoveredFields.sort()).toEqual(
      [
        'session_id',
        'correlation_id',
        'user_id',
        'agent_id',
        'resource',
        'result',
        'error',
        'severity',
        'duration_ms',
        'ip_address',
        'user_agent',
      ].sort(),
    );
    expect(out.anchorsUsed).toHaveLength(1);
    expect(out.unverifiableReason).toBeUndefined();
  });

  it("tampered copies: the truth files' kinds at their lines", () => {
    const run = (name: string): string[] =>
      kinds(
        outcome(
          profile,
          [loadJsonlSource(`${G}/tampered/audit.${name}.jsonl`)],
          ctx(undefined, gantzAnchors()),
        ).findings,
      );
    expect(run('delete-line')).toEqual(['chain_break@163', 'anchor_count_mismatch@*']);
    expect(run('edit-parameters')).toEqual(['hash_mismatch@137']);
    expect(run('edit-rechained')).toEqual(['anchor_head_mismatch@*']);
    expect(run('edit-unhashed-fields')).toEqual([]);
    expect(run('truncated')).toEqual(['anchor_count_mismatch@*', 'anchor_head_mismatch@*']);
  });
});

describe('AgentMesh FileAuditSink as a custom profile', () => {
  const profile = shippedProfile('agentmesh-sink');

  it('with the key: 600 lines, no findings, the key is reported as used; without it the file says so', () => {
    const keyed = outcome(
      profile,
      [loadJsonlSource(`${AM}/scenario/audit_trail.jsonl`)],
      ctx(AGENTMESH_KEYS),
    );
    expect(keyed.findings).toEqual([]);
    expect(keyed.records).toBe(600);
    expect(keyed.keysUsed).toEqual(['dev-fixtures']);
    expect(keyed.uncoveredFields).toEqual(['compute_driver', 'environment', 'sandbox_id']);
    const bare = outcome(profile, [loadJsonlSource(`${AM}/scenario/audit_trail.jsonl`)], ctx());
    expect(bare.findings).toEqual([]);
    expect(bare.unverifiableReason).toMatch(/no hmac-sha256 key/);
  });

  it('tampered copies: edit, forged HMAC, inserted line, deleted line', () => {
    const run = (name: string): string[] =>
      kinds(
        outcome(profile, [loadJsonlSource(`${AM}/tampered/sink.${name}.jsonl`)], ctx(AGENTMESH_KEYS))
          .findings,
      );
    expect(run('edit-field')).toEqual(['hash_mismatch@318']);
    expect(run('forged-hmac-single')).toEqual(['signature_invalid@422']);
    expect(run('insert-entry')).toEqual(['signature_invalid@463', 'chain_break@464']);
    expect(run('delete-entry')).toEqual(['chain_break@388']);
    expect(run('edit-uncovered-field')).toEqual([]);
    expect(run('forged-hmac-rechain')).toHaveLength(178);
  });
});

describe('meshguard as a custom profile (Ed25519, one chain through the daily files)', () => {
  const profile = shippedProfile('meshguard');
  const days = ['2024-03-14', '2024-03-15', '2024-03-16'];

  it('the three daily files: 1,453 events, no findings, both rotated keys used, per-file anchors hold', () => {
    const sources = days.map((d) => loadJsonlSource(`${MG}/audit/${d}.jsonl`, `audit/${d}.jsonl`));
    const outs = profile.verify(sources, ctx(meshguardKeys(), meshguardFileAnchors()));
    expect(outs.map((o) => o.findings)).toEqual([[], [], []]);
    expect(outs.reduce((n, o) => n + o.records, 0)).toBe(1453);
    expect(new Set(outs.flatMap((o) => o.keysUsed)).size).toBe(2);
    expect(outs.map((o) => o.anchorsUsed.length)).toEqual([1, 1, 1]);
    expect(outs[0]?.uncoveredFields).toEqual(['integrity.alg']);
  });

  it('a tampered 2024-03-16 verified alone starts from its anchored first prev', () => {
    const run = (name: string): string[] =>
      kinds(
        outcome(
          profile,
          [loadJsonlSource(`${MG}/tampered/2024-03-16.${name}.jsonl`, 'audit/2024-03-16.jsonl')],
          ctx(meshguardKeys(), meshguardFileAnchors()),
        ).findings.filter((f) => !f.kind.startsWith('anchor_')),
      );
    expect(run('edit-field')).toEqual(['hash_mismatch@15']);
    expect(run('edit-rehashed')).toEqual(['signature_invalid@95', 'chain_break@96']);
    expect(run('forged-sig')).toEqual(['signature_invalid@116']);
    expect(run('insert-event')).toEqual(['signature_invalid@12', 'chain_break@13']);
    expect(run('delete-event')).toEqual(['chain_break@17']);
    expect(run('swap-events')).toEqual(['chain_break@139', 'chain_break@140', 'chain_break@141']);
    expect(run('torn-line')).toEqual(['parse_error@154']);
    expect(run('truncated')).toEqual([]);
  });

  it('the forged re-chain is 17 signature failures and a head that differs from the anchor', () => {
    const out = outcome(
      profile,
      [loadJsonlSource(`${MG}/tampered/2024-03-16.forged-rechain.jsonl`, 'audit/2024-03-16.jsonl')],
      ctx(meshguardKeys(), meshguardFileAnchors()),
    );
    expect(only(out.findings, 'signature_invalid').map((f) => f.entryIndex)).toEqual(
      Array.from({ length: 17 }, (_, k) => 138 + k),
    );
    expect(kinds(out.findings.filter((f) => f.kind !== 'signature_invalid'))).toEqual([
      'anchor_head_mismatch@audit/2024-03-16.jsonl',
    ]);
  });
});

describe('runtime-steps as a custom profile (HMAC over the whole event, one chain per run)', () => {
  const profile = shippedProfile('runtime-steps');
  const anchors = runtimeStepsRunAnchors('steps/tnt_ember.jsonl');
  const truth = JSON.parse(readFileSync(`${RS}/ground-truth.json`, 'utf8')) as {
    out_of_order_runs: { run_id: string; file: string }[];
  };
  // The intact corpus has a run written out of order on purpose (ground-truth.json out_of_order_runs).
  const BASELINE_NOTICES = truth.out_of_order_runs
    .filter((r) => r.file === 'steps/tnt_ember.jsonl')
    .map((r) => r.run_id);
  const run = (name: string): string[] =>
    kinds(
      outcome(
        profile,
        [loadJsonlSource(`${RS}/tampered/tnt_ember.${name}.jsonl`)],
        ctx(runtimeStepsKeys(), anchors),
      ).findings.filter((f) => !(f.kind === 'out_of_order' && BASELINE_NOTICES.includes(f.chain ?? ''))),
    );

  it("all four tenant files: only the ground truth's out-of-order runs, every anchored run matches its count and head", () => {
    for (const tenant of ['tnt_bluefin', 'tnt_copperleaf', 'tnt_driftwood', 'tnt_ember']) {
      const file = `steps/${tenant}.jsonl`;
      const out = outcome(
        profile,
        [loadJsonlSource(`${RS}/${file}`)],
        ctx(runtimeStepsKeys(), runtimeStepsRunAnchors(file)),
      );
      const expected = truth.out_of_order_runs
        .filter((r) => r.file === file)
        .map((r) => `out_of_order@${r.run_id}`);
      expect(
        out.findings.map((f) => `${f.kind}@${f.chain}`),
        tenant,
      ).toEqual(expected);
      expect(out.keysUsed).toHaveLength(1);
      expect(out.anchorsUsed.length).toBe(runtimeStepsRunAnchors(file).length);
    }
  });

  it("tampered copies: the truth files' kinds", () => {
    expect(run('edit-field')).toEqual(['hash_mismatch@220', 'signature_invalid@220']);
    expect(run('edit-rehashed')).toEqual(['signature_invalid@87', 'chain_break@88']);
    expect(run('forged-hmac')).toEqual(['signature_invalid@249']);
    expect(run('insert-event')).toEqual([
      'signature_invalid@244',
      'chain_fork@244',
      'chain_fork@245',
      'anchor_count_mismatch@run_8e9f30168920e9ab46a0',
    ]);
    expect(run('duplicated-line')).toEqual(['duplicate_record@66']);
    expect(run('swap-events')).toEqual(['out_of_order@171']);
    expect(run('delete-event').filter((k) => !k.startsWith('anchor_'))).toEqual(['chain_break@140']);
    expect(run('torn-line').filter((k) => !k.startsWith('anchor_'))).toEqual([
      'parse_error@226',
      'chain_break@227',
    ]);
  });

  it('findings of a grouped record name its run, so the diagnosis pairs them with its links', () => {
    const out = outcome(
      profile,
      [loadJsonlSource(`${RS}/tampered/tnt_ember.insert-event.jsonl`)],
      ctx(runtimeStepsKeys()),
    );
    expect(only(out.findings, 'signature_invalid').map((f) => f.chain)).toEqual(['run_8e9f30168920e9ab46a0']);
  });

  it('the truncated file: two anchored runs missing, one run shorter than anchored', () => {
    const found = run('truncated');
    expect(found.filter((k) => k.startsWith('anchor_chain_missing')).sort()).toEqual([
      'anchor_chain_missing@run_55ea62a86a3515005e41',
      'anchor_chain_missing@run_6f5b956ac67577c59c03',
    ]);
    expect(found).toContain('anchor_count_mismatch@run_8905820cee042263448b');
    expect(found.filter((k) => !k.startsWith('anchor_'))).toEqual([]);
  });
});
