import { describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../../shared/ingest/canonicalEvent';
import { countBy, normalizedEvents } from './fixtures';

/** The columns every rendering of the same log must agree on. */
function core(e: CanonicalEvent): unknown[] {
  return [
    e.event_id,
    e.ts,
    e.event_type,
    e.agent_id,
    e.action,
    e.resource,
    e.outcome,
    e.decision,
    e.decision_raw,
    e.matched_rule,
    e.trace_id,
    e.session_id,
    e.delegator,
    e.delegation_depth,
    e.delegation_path,
  ];
}

describe('AgentMesh: seven renderings of one 600-entry log give the same canonical rows', () => {
  const renderings = [
    'agentmesh/scenario/audit_trail.jsonl',
    'agentmesh/scenario/export.json',
    'agentmesh/scenario/export.pydantic.json',
    'agentmesh/scenario/cloudevents.json',
    'agentmesh/scenario/cloudevents.jsonl',
    'agentmesh/scenario/export.parquet',
    'agentmesh/scenario/export.data-json.parquet',
  ];

  it('agree on id, UTC time, type, agent, verdict, correlation and delegation columns', async () => {
    const [reference, ...others] = await Promise.all(renderings.map(normalizedEvents));
    for (const other of others) expect(other?.map(core)).toEqual(reference?.map(core));
  });

  it('match the MANIFEST scenario statistics', async () => {
    const events = await normalizedEvents('agentmesh/scenario/export.json');
    expect([events[0]?.ts, events.at(-1)?.ts]).toEqual([
      '2026-04-06T00:00:11.804508Z',
      '2026-04-07T20:37:02.449026Z',
    ]);
    expect(countBy(events, (e) => e.event_type)).toEqual({
      tool_invocation: 228,
      trust_handshake: 95,
      agent_invocation: 94,
      policy_evaluation: 90,
      trust_score_updated: 30,
      tool_blocked: 28,
      policy_violation: 11,
      audit_integrity: 8,
      agent_registered: 7,
      agent_verified: 7,
      rogue_detection: 2,
    });
    expect(countBy(events, (e) => e.outcome)).toEqual({ success: 548, denied: 42, failure: 5, error: 5 });
    expect(countBy(events, (e) => e.agent_id)['did:web:scout-agent.northwind.example']).toBe(122);
    expect(new Set(events.map((e) => e.session_id).filter(Boolean)).size).toBe(68);
    expect(new Set(events.map((e) => e.trace_id).filter(Boolean)).size).toBe(75);
    expect(events.filter((e) => e.session_id === undefined)).toHaveLength(52);
    expect(
      events.filter((e) => e.event_type === 'agent_invocation' && e.delegation_depth === 4n),
    ).toHaveLength(8);
    expect(events.filter((e) => e.approver !== undefined)).toHaveLength(13);
    expect([events[321]?.event_type, events[321]?.decision, events[531]?.decision]).toEqual([
      'rogue_detection',
      'deny',
      'deny',
    ]);
    // Every refusal in the log shows as a deny; require_approval becomes approval_required.
    expect(events.filter((e) => e.outcome === 'denied').every((e) => e.decision === 'deny')).toBe(true);
    expect(
      countBy(
        events.filter((e) => e.decision_raw === 'require_approval'),
        (e) => e.decision,
      ),
    ).toEqual({ approval_required: 13 });
  });

  it('carries target_did (sink and export) and derives the delegate where CloudEvents drop it', async () => {
    const [exported, ce] = await Promise.all(
      ['agentmesh/scenario/export.json', 'agentmesh/scenario/cloudevents.jsonl'].map(normalizedEvents),
    );
    const invocations = (exported ?? []).filter((e) => e.event_type === 'agent_invocation');
    expect(invocations.every((e) => e.delegate === e.target && e.delegator === e.agent_id)).toBe(true);
    const ceInvocations = (ce ?? []).filter((e) => e.event_type === 'agent_invocation');
    expect(ceInvocations.map((e) => e.delegate)).toEqual(invocations.map((e) => e.target));
    expect(ceInvocations.every((e) => e.target === undefined)).toBe(true);
  });

  it('edge cases: -03:00 offsets, naive times and the ambiguous tool.blocked type', async () => {
    const [exported, ce] = await Promise.all(
      ['agentmesh/edge-cases/export.json', 'agentmesh/edge-cases/cloudevents.jsonl'].map(normalizedEvents),
    );
    expect(exported?.[7]?.ts).toBe('2026-04-09T13:00:10.000074Z');
    expect(ce?.[7]?.ts).toBe('2026-04-09T13:00:10.000074Z');
    expect(exported?.[13]?.ts).toBe('2026-04-09T13:00:16.000170Z');
    expect([exported?.[14]?.event_type, exported?.[14]?.decision, ce?.[14]?.decision]).toEqual([
      'tool.blocked',
      'deny',
      'deny',
    ]);
    expect(ce?.map((e) => e.ts)).toEqual(exported?.map((e) => e.ts));
  });
});

describe('meshguard and runtime-steps: every copy gives the same canonical rows', () => {
  it('meshguard audit, CloudEvents and Parquet agree; the SIEM projection agrees on what it keeps', async () => {
    const days = ['2024-03-14', '2024-03-15', '2024-03-16'];
    const load = async (dir: string): Promise<CanonicalEvent[]> =>
      (await Promise.all(days.map((d) => normalizedEvents(`meshguard/${dir}/${d}.jsonl`)))).flat();
    const [audit, ce, siem, parquet] = await Promise.all([
      load('audit'),
      load('cloudevents'),
      load('siem'),
      normalizedEvents('meshguard/parquet/meshguard-audit.parquet'),
    ]);
    const full = (e: CanonicalEvent): unknown[] => [
      ...core(e),
      e.delegation_chain_id,
      e.data_subject,
      e.data_classification,
      e.record_hash,
      e.prev_hash,
    ];
    expect(ce.map(full)).toEqual(audit.map(full));
    expect(parquet.map(full)).toEqual(audit.map(full));
    const kept = (e: CanonicalEvent): unknown[] => [
      e.event_id,
      e.ts,
      e.event_type,
      e.agent_id,
      e.action,
      e.resource,
      e.decision,
      e.policy_id,
      e.delegation_depth ?? 0n,
    ];
    expect(siem.map(kept)).toEqual(audit.map(kept));
  });

  it('runtime-steps files, CloudEvents and Parquet (typed TIMESTAMP) agree', async () => {
    const tenants = ['tnt_bluefin', 'tnt_copperleaf', 'tnt_driftwood', 'tnt_ember'];
    const load = async (dir: string): Promise<CanonicalEvent[]> =>
      (await Promise.all(tenants.map((t) => normalizedEvents(`runtime-steps/${dir}/${t}.jsonl`)))).flat();
    const [steps, ce, parquet] = await Promise.all([
      load('steps'),
      load('cloudevents'),
      normalizedEvents('runtime-steps/parquet/steps.parquet'),
    ]);
    const full = (e: CanonicalEvent): unknown[] => [
      ...core(e),
      e.run_id,
      e.step,
      e.phase,
      e.tenant,
      e.actor,
      e.action_key,
      e.reason,
      e.scope,
      e.approver,
      e.record_hash,
      e.prev_hash,
    ];
    expect(ce.map(full)).toEqual(steps.map(full));
    expect(parquet.map(full)).toEqual(steps.map(full));
    // The CloudEvents id is the id the canonical event_id reproduces.
    expect(ce.every((e) => e.subject === e.run_id)).toBe(true);
  });
});

describe('gantz', () => {
  it('matches the MANIFEST: types, time range, whole-second floats, people', async () => {
    const events = await normalizedEvents('gantz/audit.jsonl');
    expect(countBy(events, (e) => e.event_type)).toEqual({
      tool_call: 114,
      llm_request: 69,
      data_access: 59,
      permission_denied: 30,
      authentication: 17,
      error: 11,
    });
    expect([events[0]?.ts, events.at(-1)?.ts]).toEqual([
      '2026-04-06T09:03:50.682073Z',
      '2026-04-06T21:18:56.830791Z',
    ]);
    const whole = events.flatMap((e, i) => (e.ts_raw.endsWith('.0') ? [i] : []));
    expect(whole).toEqual([71, 79, 134, 136, 161, 198, 268]);
    expect(whole.every((i) => events[i]?.ts.endsWith('.000000Z'))).toBe(true);
    expect(new Set(events.map((e) => e.session_id)).size).toBe(22);
    expect(new Set(events.map((e) => e.user_id)).size).toBe(5);
    expect(new Set(events.map((e) => e.agent_id)).size).toBe(3);
    expect(countBy(events, (e) => e.decision)).toEqual({ deny: 30 });
  });
});
