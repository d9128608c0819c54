import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../../shared/ingest/canonicalEvent';
import { countBy, normalizedEvents } from './fixtures';

/** runtime-steps/ground-truth.json answers, recomputed from the canonical columns only. */
interface Truth {
  events: number;
  runs: number;
  counts: Record<'phase' | 'decision' | 'reason' | 'scope' | 'result' | 'actor_kind', Record<string, number>>;
  rate_limit_stops: {
    run_id: string;
    tenant_id: string;
    step_id: number;
    action: string;
    reason: string;
    scope: string;
  }[];
  approval_flows_completed: {
    run_id: string;
    action_key: string;
    approval_step_id: number;
    approver: string;
    executed_step_id: number;
    result: string;
  }[];
  approval_bypass: {
    run_id: string;
    action_key: string;
    allow_step_id: number;
    allow_reason: string;
    allow_actor: string;
  }[];
  duplicate_executions: { run_id: string; action_key: string; step_ids: number[] }[];
  out_of_order_runs: { run_id: string }[];
}

const truth = JSON.parse(readFileSync('test/fixtures/runtime-steps/ground-truth.json', 'utf8')) as Truth;
const TENANTS = ['tnt_bluefin', 'tnt_copperleaf', 'tnt_driftwood', 'tnt_ember'];
const GENESIS = '0'.repeat(64);

/** A run's events in chain order (genesis prev = 64 zeros, then prev → hash), from record_hash / prev_hash. */
function chainOrder(run: CanonicalEvent[]): CanonicalEvent[] {
  const byPrev = new Map(run.map((e) => [e.prev_hash, e]));
  const out: CanonicalEvent[] = [];
  for (let e = byPrev.get(GENESIS); e; e = byPrev.get(e.record_hash)) out.push(e);
  return out;
}

describe('runtime-steps ground truth from the canonical columns', () => {
  const events: CanonicalEvent[] = [];
  const runs = new Map<string, CanonicalEvent[]>();
  beforeAll(async () => {
    for (const t of TENANTS) events.push(...(await normalizedEvents(`runtime-steps/steps/${t}.jsonl`)));
    for (const e of events) runs.set(e.run_id ?? '', [...(runs.get(e.run_id ?? '') ?? []), e]);
  });

  it('counts phases, decisions, reasons, scopes, results and actor kinds', () => {
    expect(events).toHaveLength(truth.events);
    expect(runs.size).toBe(truth.runs);
    expect(countBy(events, (e) => e.phase)).toEqual(truth.counts.phase);
    expect(countBy(events, (e) => e.decision)).toEqual(truth.counts.decision);
    expect(countBy(events, (e) => e.reason)).toEqual(truth.counts.reason);
    expect(countBy(events, (e) => e.scope)).toEqual(truth.counts.scope);
    expect(countBy(events, (e) => e.outcome)).toEqual(truth.counts.result);
    expect(countBy(events, (e) => e.actor?.split(':')[0])).toEqual(truth.counts.actor_kind);
  });

  it('every run forms one complete chain from record_hash / prev_hash', () => {
    for (const run of runs.values()) expect(chainOrder(run)).toHaveLength(run.length);
  });

  it('lists the rate-limit stops', () => {
    const stops = events
      .filter((e) => e.phase === 'pre_exec' && e.decision === 'stop' && e.reason?.startsWith('rate_limited_'))
      .map((e) => ({
        run_id: e.run_id,
        tenant_id: e.tenant,
        step_id: Number(e.step),
        action: e.action,
        reason: e.reason,
        scope: e.scope,
      }))
      .sort((a, b) => (a.run_id ?? '').localeCompare(b.run_id ?? ''));
    expect(stops).toEqual(
      truth.rate_limit_stops.map(({ run_id, tenant_id, step_id, action, reason, scope }) => ({
        run_id,
        tenant_id,
        step_id,
        action,
        reason,
        scope,
      })),
    );
  });

  it('finds completed approval flows with their approvers, and the bypasses', () => {
    const completed: unknown[] = [];
    const bypasses: unknown[] = [];
    for (const run of runs.values()) {
      const chain = chainOrder(run);
      chain.forEach((gate, i) => {
        if (gate.phase !== 'pre_exec' || gate.decision !== 'approval_required') return;
        const later = chain.slice(i + 1).filter((e) => e.action_key === gate.action_key);
        const allowAt = later.findIndex((e) => e.phase === 'pre_exec' && e.decision === 'allow');
        if (allowAt < 0) return;
        const approval = later
          .slice(0, allowAt)
          .find((e) => e.phase === 'approval' && e.decision === 'allow');
        const allow = later[allowAt];
        const post = later.find((e) => e.phase === 'post_exec' && e.step === allow?.step);
        if (approval) {
          completed.push({
            run_id: gate.run_id,
            action_key: gate.action_key,
            approval_step_id: Number(approval.step),
            approver: approval.approver,
            executed_step_id: Number(allow?.step),
            result: post?.outcome,
          });
        } else {
          bypasses.push({
            run_id: gate.run_id,
            action_key: gate.action_key,
            allow_step_id: Number(allow?.step),
            allow_reason: allow?.reason,
            allow_actor: allow?.actor,
          });
        }
      });
    }
    const byRun = (a: unknown, b: unknown): number =>
      String((a as { run_id: string }).run_id).localeCompare((b as { run_id: string }).run_id);
    expect(completed.sort(byRun)).toEqual(
      truth.approval_flows_completed
        .map(({ run_id, action_key, approval_step_id, approver, executed_step_id, result }) => ({
          run_id,
          action_key,
          approval_step_id,
          approver,
          executed_step_id,
          result,
        }))
        .sort(byRun),
    );
    expect(bypasses.sort(byRun)).toEqual(
      truth.approval_bypass
        .map(({ run_id, action_key, allow_step_id, allow_reason, allow_actor }) => ({
          run_id,
          action_key,
          allow_step_id,
          allow_reason,
          allow_actor,
        }))
        .sort(byRun),
    );
  });

  it('finds duplicate executions by action_key', () => {
    const found: { run_id: string; action_key: string; step_ids: number[] }[] = [];
    for (const [runId, run] of runs) {
      const okPosts = chainOrder(run).filter((e) => e.phase === 'post_exec' && e.outcome === 'ok');
      for (const [key, n] of Object.entries(countBy(okPosts, (e) => e.action_key))) {
        if (n >= 2)
          found.push({
            run_id: runId,
            action_key: key,
            step_ids: okPosts.filter((e) => e.action_key === key).map((e) => Number(e.step)),
          });
      }
    }
    expect(found.sort((a, b) => a.run_id.localeCompare(b.run_id))).toEqual(
      truth.duplicate_executions
        .map(({ run_id, action_key, step_ids }) => ({ run_id, action_key, step_ids }))
        .sort((a, b) => a.run_id.localeCompare(b.run_id)),
    );
  });

  it('finds the run written out of order (file order differs from chain order)', () => {
    const outOfOrder = [...runs]
      .filter(([, run]) => chainOrder(run).some((e, i) => e !== run[i]))
      .map(([id]) => ({ run_id: id }));
    expect(outOfOrder).toEqual(truth.out_of_order_runs.map(({ run_id }) => ({ run_id })));
  });
});
