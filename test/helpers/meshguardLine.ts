/** Hand-made meshguard audit events (formats/meshguard.md §2) for the native import tests. */

/**
 * A delegated policy decision as the gateway writes it (compact, §1), with `changes` merged over
 * its top-level members (undefined removes one). Not signed: the import does not verify.
 */
export function meshguardLine(i: number, changes: Record<string, unknown> = {}): string {
  const base: Record<string, unknown> = {
    event_id: `evt_${i.toString(16).padStart(12, '0')}`,
    timestamp: '2024-03-14T02:14:20.079Z',
    event_type: 'policy_decision',
    agent: {
      id: 'agent_refunds',
      name: 'Refunds Bot',
      trust_tier: 'trusted',
      tags: ['payments'],
      session_id: `sess_${i}`,
    },
    action: {
      type: 'write:refund',
      resource: `order/o_${i}`,
      parameters: { amount: 149.99, currency: 'EUR' },
    },
    decision: {
      effect: i % 3 === 0 ? 'deny' : 'allow',
      policy_id: 'pol_refunds_v3',
      rule_matched: 'refund_limit',
      evaluation_time_ms: 4,
      conditions_evaluated: [{ expression: 'amount < 500', result: true }],
    },
    delegation: {
      chain: [
        {
          agent_id: 'agent_orchestrator',
          delegated_at: '2024-03-14T02:10:00.000Z',
          permissions_granted: ['refund'],
        },
        {
          agent_id: 'agent_support',
          delegated_at: '2024-03-14T02:12:00.000Z',
          permissions_granted: ['refund'],
        },
      ],
      depth: 2,
      root_agent: 'agent_orchestrator',
      chain_id: 'chn_1',
    },
    metadata: { client_ip: '10.0.1.7', sdk_version: 'meshguard-node/0.9.1', environment: 'production' },
    integrity: {
      alg: 'sha256',
      prev: '0'.repeat(64),
      hash: 'a'.repeat(64),
      sig: 's'.repeat(86),
      key_id: 'k1',
    },
  };
  const merged = Object.entries({ ...base, ...changes }).filter(([, v]) => v !== undefined);
  return `{${merged.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
}
