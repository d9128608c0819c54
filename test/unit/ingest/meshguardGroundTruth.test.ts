import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../../shared/ingest/canonicalEvent';
import { countBy, normalizedEvents } from './fixtures';

/** The forensic answers of meshguard/ground-truth.json, recomputed from the canonical columns only. */
interface Truth {
  event_count: number;
  time_range: [string, string];
  counts_by_event_type: Record<string, number>;
  counts_by_agent: Record<string, number>;
  events_without_agent: number;
  decisions: Record<string, number>;
  deny_rules: Record<string, number>;
  privilege_escalation: { agents: string[]; details: { agent_id: string; event_ids: string[] }[] };
  denial_spike: { spike_hour: string; spike_hour_denies: number; hours: number };
  delegation: {
    chains: number;
    chains_by_max_depth: Record<string, number>;
    deepest: { chain_id: string; depth: number; path: string[]; delegation_start_event_ids: string[] };
  };
  gdpr_subject: {
    data_subject_id: string;
    event_count: number;
    first: string;
    last: string;
    by_classification: Record<string, number>;
    by_agent: Record<string, number>;
    denied: string[];
  };
  policy_updates: { event_id: string; policy_id: string; version_to: string; updated_by: string }[];
  agent_lifecycle: { event_id: string; agent_id: string; change_type: string; changed_by: string }[];
}

const truth = JSON.parse(readFileSync('test/fixtures/meshguard/ground-truth.json', 'utf8')) as Truth;
const DAYS = ['2024-03-14', '2024-03-15', '2024-03-16'];
/** Ground truth writes milliseconds; the ts column carries microseconds. */
const ms = (iso: string): string => iso.replace(/(\.\d{3})\d{3}Z$/, '$1Z');
const epochMs = (iso: string): number => Date.parse(ms(iso));

describe('meshguard ground truth from the canonical columns', () => {
  const events: CanonicalEvent[] = [];
  beforeAll(async () => {
    for (const day of DAYS) events.push(...(await normalizedEvents(`meshguard/audit/${day}.jsonl`)));
  });

  it('counts events, types, agents and decisions', () => {
    expect(events).toHaveLength(truth.event_count);
    expect([ms(events[0]?.ts ?? ''), ms(events.at(-1)?.ts ?? '')]).toEqual(truth.time_range);
    expect(countBy(events, (e) => e.event_type)).toEqual(truth.counts_by_event_type);
    expect(countBy(events, (e) => e.agent_id)).toEqual(truth.counts_by_agent);
    expect(events.filter((e) => e.agent_id === undefined)).toHaveLength(truth.events_without_agent);
    expect(countBy(events, (e) => e.decision)).toEqual(truth.decisions);
    expect(
      countBy(
        events.filter((e) => e.decision === 'deny'),
        (e) => e.matched_rule,
      ),
    ).toEqual(truth.deny_rules);
  });

  it('finds the privilege escalation (>= 5 insufficient_trust_tier denies in 60 minutes)', () => {
    const byAgent = new Map<string, CanonicalEvent[]>();
    for (const e of events) {
      if (e.decision !== 'deny' || e.matched_rule !== 'insufficient_trust_tier' || !e.agent_id) continue;
      byAgent.set(e.agent_id, [...(byAgent.get(e.agent_id) ?? []), e]);
    }
    const flagged: string[] = [];
    for (const [agent, list] of byAgent) {
      const best = Math.max(
        ...list.map((e, i) => list.slice(i).filter((f) => epochMs(f.ts) - epochMs(e.ts) <= 3_600_000).length),
      );
      if (best >= 5) flagged.push(agent);
    }
    expect(flagged).toEqual(truth.privilege_escalation.agents);
    const detail = truth.privilege_escalation.details[0];
    expect(byAgent.get(detail?.agent_id ?? '')?.map((e) => e.event_id)).toEqual(detail?.event_ids);
  });

  it('finds the denial spike hour', () => {
    const perHour = countBy(
      events.filter((e) => e.decision === 'deny'),
      (e) => `${e.ts.slice(0, 13)}:00:00.000Z`,
    );
    const [hour, denies] = Object.entries(perHour).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    expect(hour).toBe(truth.denial_spike.spike_hour);
    expect(denies).toBe(truth.denial_spike.spike_hour_denies);
  });

  it('rebuilds the delegation chains, the depth-6 chain and its path', () => {
    const maxDepth = new Map<string, bigint>();
    for (const e of events) {
      if (e.delegation_chain_id === undefined || e.delegation_depth === undefined) continue;
      const d = maxDepth.get(e.delegation_chain_id) ?? 0n;
      if (e.delegation_depth > d) maxDepth.set(e.delegation_chain_id, e.delegation_depth);
    }
    expect(maxDepth.size).toBe(truth.delegation.chains);
    expect(countBy([...maxDepth.values()], (d) => d.toString())).toEqual(
      truth.delegation.chains_by_max_depth,
    );
    const deepest = truth.delegation.deepest;
    expect(maxDepth.get(deepest.chain_id)).toBe(BigInt(deepest.depth));
    const starts = events.filter(
      (e) => e.delegation_chain_id === deepest.chain_id && e.event_type === 'delegation_start',
    );
    expect(starts.map((e) => e.event_id)).toEqual(deepest.delegation_start_event_ids);
    const last = starts.at(-1);
    expect(JSON.parse(last?.delegation_path ?? '[]')).toEqual(deepest.path);
    expect([last?.delegation_root, last?.delegator, last?.delegate]).toEqual([
      deepest.path[0],
      deepest.path.at(-2),
      deepest.path.at(-1),
    ]);
    // Every hop of the chain is a (delegator → delegate) edge in order.
    expect(starts.map((e) => [e.delegator, e.delegate])).toEqual(
      deepest.path.slice(1).map((to, i) => [deepest.path[i], to]),
    );
  });

  it('answers the GDPR data-subject report', () => {
    const g = truth.gdpr_subject;
    const subject = events.filter((e) => e.data_subject === g.data_subject_id);
    expect(subject).toHaveLength(g.event_count);
    expect([ms(subject[0]?.ts ?? ''), ms(subject.at(-1)?.ts ?? '')]).toEqual([g.first, g.last]);
    expect(countBy(subject, (e) => e.data_classification)).toEqual(g.by_classification);
    expect(countBy(subject, (e) => e.agent_id)).toEqual(g.by_agent);
    expect(subject.filter((e) => e.decision === 'deny').map((e) => e.event_id)).toEqual(g.denied);
  });

  it('names the people behind policy updates and lifecycle changes', () => {
    const updates = events.filter((e) => e.event_type === 'policy_update');
    expect(
      updates.map((e) => ({
        event_id: e.event_id,
        policy_id: e.policy_id,
        version_to: e.policy_version,
        updated_by: e.actor,
      })),
    ).toEqual(
      truth.policy_updates.map(({ event_id, policy_id, version_to, updated_by }) => ({
        event_id,
        policy_id,
        version_to,
        updated_by,
      })),
    );
    const lifecycle = events.filter((e) => e.event_type === 'agent_lifecycle');
    expect(lifecycle.map((e) => ({ event_id: e.event_id, agent_id: e.target, changed_by: e.actor }))).toEqual(
      truth.agent_lifecycle.map(({ event_id, agent_id, changed_by }) => ({ event_id, agent_id, changed_by })),
    );
  });
});
