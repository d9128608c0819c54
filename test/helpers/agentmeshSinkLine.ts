/** Hand-made AgentMesh FileAuditSink records (formats/agentmesh.md §5) for the native import tests. */

/** A sink line as Python's json.dumps(sort_keys=True) writes it, with `changes` (undefined removes). */
export function sinkLine(i: number, changes: Record<string, unknown> = {}): string {
  const base: Record<string, unknown> = {
    action: 'allow',
    agent_did: 'did:web:agent.example',
    compute_driver: 'firecracker',
    content_hash: 'c'.repeat(64),
    data: { note: `n${i}` },
    entry_id: `audit_${i}`,
    environment: 'prod',
    event_type: 'tool_invocation',
    matched_rule: null,
    outcome: 'success',
    policy_decision: null,
    previous_hash: 'p'.repeat(64),
    resource: 'tool://x',
    sandbox_id: 'sbx-1',
    session_id: 'sess_1',
    signature: 's'.repeat(64),
    target_did: null,
    timestamp: '2026-04-09T13:00:00.450000+00:00',
    trace_id: 't'.repeat(32),
  };
  const merged = Object.entries({ ...base, ...changes }).filter(([, v]) => v !== undefined);
  merged.sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${merged.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
}
