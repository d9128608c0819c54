/** Hand-made meshguard SIEM records (formats/meshguard.md §6) for the native import tests. */

/**
 * A SIEM record as the projection writes it (compact, nulls written), with `changes` merged over
 * its top-level members and `inner` over the `meshguard` object's (undefined removes one).
 */
export function meshguardSiemLine(
  i: number,
  changes: Record<string, unknown> = {},
  inner: Record<string, unknown> = {},
): string {
  const base: Record<string, unknown> = {
    timestamp: '2024-03-14T02:14:20.079Z',
    source: 'meshguard',
    event_type: 'policy_decision',
    severity: i % 3 === 0 ? 'warning' : 'info',
    meshguard: {
      event_id: `evt_${i.toString(16).padStart(12, '0')}`,
      agent_id: 'agent_refunds',
      agent_name: 'Refunds Bot',
      trust_tier: 'trusted',
      action: 'write:refund',
      resource: `order/o_${i}`,
      decision: i % 3 === 0 ? 'deny' : 'allow',
      policy_id: i % 5 === 0 ? null : 'pol_refunds_v3',
      delegation_depth: i % 4,
      evaluation_time_ms: 4,
      ...inner,
    },
    tags: ['payments'],
    ...changes,
  };
  return JSON.stringify(base);
}
