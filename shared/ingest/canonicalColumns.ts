/**
 * The canonical columns in table order, with SQL types and the descriptions docs/schema.md is
 * generated from (the analysts' SQL API, issue #3). Each description says which producer field
 * feeds the column, so an analyst can trace any value back to the record.
 */
import type { CanonicalColumnName } from './canonicalEvent';

export interface CanonicalColumn {
  name: CanonicalColumnName;
  sqlType: string;
  description: string;
}

/** Table order: identity and time first, then who/what/verdict, delegation, data, correlation, integrity. */
export const CANONICAL_COLUMNS = [
  {
    name: 'event_id',
    sqlType: 'VARCHAR',
    description:
      "The producer's id for the record: AgentMesh `entry_id`, meshguard and gantz `event_id`, CloudEvents `id`. runtime-steps has none, so it is `<run_id>/<step>/<phase>` (the id its CloudEvents copy uses); a re-delivered line repeats it.",
  },
  {
    name: 'ts',
    sqlType: 'TIMESTAMP NOT NULL',
    description:
      'When the event happened, in UTC with microseconds. Read from every rendering: Python isoformat `+00:00`, `default=str` with a space, pydantic `Z`, meshguard/runtime-steps milliseconds `Z`, AgentMesh CloudEvents `…+00:00Z` (not RFC 3339; accepted and noted), gantz epoch seconds (float), other offsets converted to UTC; a time without offset is read as UTC and noted.',
  },
  {
    name: 'ts_raw',
    sqlType: 'VARCHAR',
    description:
      'The time exactly as the producer wrote it (the epoch token for gantz), for evidence and for hashes that cover the text.',
  },
  {
    name: 'producer',
    sqlType: 'VARCHAR NOT NULL',
    description:
      'Family id: agentmesh-sink, agentmesh-export, agentmesh-cloudevents, gantz, meshguard, meshguard-cloudevents, meshguard-siem, runtime-steps, runtime-steps-cloudevents, cloudevents (any other CloudEvents producer) or mapped (a user-defined mapping).',
  },
  {
    name: 'event_type',
    sqlType: 'VARCHAR',
    description:
      "The producer's event type: AgentMesh `event_type` (CloudEvents `type` mapped back, e.g. `ai.agentmesh.tool.blocked` → `tool_blocked`), meshguard `event_type`, gantz `event_type`, runtime-steps `phase`, other CloudEvents `type` as written.",
  },
  {
    name: 'agent_id',
    sqlType: 'VARCHAR',
    description:
      'The agent the record is about: AgentMesh `agent_did` (CloudEvents `source`), meshguard `agent.id`, gantz `agent_id`, runtime-steps the name after `agent:` in `actor`.',
  },
  {
    name: 'agent_name',
    sqlType: 'VARCHAR',
    description: "The agent's display name where the producer gives one (meshguard `agent.name`).",
  },
  {
    name: 'trust_tier',
    sqlType: 'VARCHAR',
    description:
      "The agent's trust tier at the time of the event (meshguard `agent.trust_tier`: anonymous < verified < trusted < privileged).",
  },
  {
    name: 'actor',
    sqlType: 'VARCHAR',
    description:
      'Who performed the action: runtime-steps `actor` as written (`agent:…`, `user:…`, `operator:…`); meshguard `agent.id`, or `policy.updated_by` / `lifecycle.changed_by` for policy and lifecycle changes made by people; AgentMesh `agent_did`; gantz `agent_id`, else `user_id`.',
  },
  {
    name: 'user_id',
    sqlType: 'VARCHAR',
    description:
      'The human user behind the agent: gantz `user_id`, runtime-steps the id after `user:` in `actor`.',
  },
  { name: 'tenant', sqlType: 'VARCHAR', description: 'Tenant (runtime-steps `tenant_id`).' },
  {
    name: 'run_id',
    sqlType: 'VARCHAR',
    description:
      'The agent run (runtime-steps `run_id`; CloudEvents `subject` for runtime-steps copies). AgentMesh and gantz have no run: use session_id / trace_id.',
  },
  {
    name: 'step',
    sqlType: 'BIGINT',
    description:
      "Step number within the run (runtime-steps `step_id`; a pre_exec and its post_exec share it). Order a run's events by the hash chain, not by step or file line: runs can be written out of order.",
  },
  {
    name: 'phase',
    sqlType: 'VARCHAR',
    description: 'Step phase (runtime-steps `pre_exec`, `post_exec`, `approval`).',
  },
  {
    name: 'action',
    sqlType: 'VARCHAR',
    description:
      "The producer's action: meshguard `action.type` (e.g. `write:refund`), runtime-steps and gantz `action` (the tool called). AgentMesh writes its enforcement verb in `action` (`allow`, `deny`, `audit`, `warning`, `quarantine`); it is copied as written, and the tool is in `resource`.",
  },
  {
    name: 'action_key',
    sqlType: 'VARCHAR',
    description:
      'Stable key of one call (runtime-steps `action_key`: a hash of the action and its canonical arguments). The same call made twice has the same key: it ties an approval to the gated call and reveals re-executions.',
  },
  {
    name: 'resource',
    sqlType: 'VARCHAR',
    description:
      'What was acted on: AgentMesh `resource` (`tool://…`, `agent://…`), meshguard `action.resource`, gantz `resource`.',
  },
  {
    name: 'target',
    sqlType: 'VARCHAR',
    description:
      'The other party: AgentMesh `target_did` (handshake peer or delegate; not in its CloudEvents and not covered by its entry hash), meshguard `lifecycle.agent_id` (the agent whose status changed).',
  },
  {
    name: 'decision',
    sqlType: 'VARCHAR',
    description:
      "Exactly `allow`, `deny`, `stop` or `approval_required`, or NULL when the record decides nothing. From meshguard `decision.effect`; runtime-steps `decision`; AgentMesh `policy_decision` (`require_approval` → approval_required), else `tool_blocked` / `policy_violation` / `rogue_detection` events or outcome `denied` → deny, else `action` allow/deny; gantz `permission_denied` events → deny; mapped records through the mapping's decisionMap.",
  },
  {
    name: 'decision_raw',
    sqlType: 'VARCHAR',
    description:
      "The producer's own word the decision was read from (e.g. AgentMesh `require_approval`, gantz `permission_denied`), so the normalization can be checked.",
  },
  {
    name: 'outcome',
    sqlType: 'VARCHAR',
    description:
      "What happened, in the producer's words: AgentMesh `outcome` (success, denied, failure, error), runtime-steps `result` on post_exec (ok, error, timeout), meshguard `result.status` on delegation_end, gantz `error` present → `error`, else a scalar `result`.",
  },
  {
    name: 'reason',
    sqlType: 'VARCHAR',
    description:
      'Why: runtime-steps `reason` (policy_ok, rate_limited_user, approval_granted, …), gantz `error` text, meshguard `lifecycle.reason` / `policy.comment` / `anomaly.anomaly_type`, AgentMesh `data.reason`.',
  },
  {
    name: 'severity',
    sqlType: 'VARCHAR',
    description:
      'Severity as written: gantz `severity`, meshguard `anomaly.severity` or SIEM `severity`, AgentMesh `data.severity`.',
  },
  {
    name: 'policy_id',
    sqlType: 'VARCHAR',
    description:
      'The policy that decided: meshguard `decision.policy_id`, or for policy_update the version replaced (`policy.policy_id`).',
  },
  {
    name: 'policy_version',
    sqlType: 'VARCHAR',
    description:
      'Policy version: AgentMesh `policy_version` (export and CloudEvents only, unauthenticated), meshguard `policy.version_to` on policy_update.',
  },
  {
    name: 'matched_rule',
    sqlType: 'VARCHAR',
    description:
      'The rule that matched: AgentMesh `matched_rule`, meshguard `decision.rule_matched` (e.g. `insufficient_trust_tier`).',
  },
  {
    name: 'scope',
    sqlType: 'VARCHAR',
    description: 'Scope of the deciding rule (runtime-steps `scope`: user, tenant, global).',
  },
  {
    name: 'approver',
    sqlType: 'VARCHAR',
    description:
      'Who approved a gated action: AgentMesh `approver_did`; runtime-steps `actor` on `approval` events.',
  },
  {
    name: 'delegator',
    sqlType: 'VARCHAR',
    description:
      'The agent that delegated to `delegate`: meshguard the last hop of `delegation.chain`; AgentMesh `agent_did` of a delegation (agent_invocation / delegation event, or `data.delegation_chain`).',
  },
  {
    name: 'delegate',
    sqlType: 'VARCHAR',
    description:
      'The agent acting under the delegation: meshguard `agent.id`; AgentMesh `target_did`, else the last element of `data.delegation_chain`.',
  },
  {
    name: 'delegation_depth',
    sqlType: 'BIGINT',
    description:
      "Hops from the root to the delegate as the producer wrote it: meshguard `delegation.depth` (= length of `chain`), AgentMesh `data.delegation_depth`, SIEM `meshguard.delegation_depth` (0 = no delegation). A chain's depth is the maximum over its events.",
  },
  {
    name: 'delegation_chain_id',
    sqlType: 'VARCHAR',
    description: 'Delegation chain id (meshguard `delegation.chain_id`): group by it to rebuild a chain.',
  },
  {
    name: 'delegation_root',
    sqlType: 'VARCHAR',
    description:
      'The agent at the root of the delegation (meshguard `delegation.root_agent`, AgentMesh first element of `data.delegation_chain`).',
  },
  {
    name: 'delegation_path',
    sqlType: 'JSON',
    description:
      'The delegation path as a JSON array of agent ids, root first and the delegate last (meshguard chain hops + `agent.id`; AgentMesh `data.delegation_chain`).',
  },
  {
    name: 'data_subject',
    sqlType: 'VARCHAR',
    description:
      'Data subject whose data was touched (meshguard `context.data_subject_id`): the key for a GDPR subject report (exact match).',
  },
  {
    name: 'data_classification',
    sqlType: 'VARCHAR',
    description:
      'Classification of the data touched (meshguard `context.data_classification`: public, internal, pii, phi).',
  },
  {
    name: 'trace_id',
    sqlType: 'VARCHAR',
    description:
      'Trace or correlation id: AgentMesh `trace_id` (CloudEvents `traceid`), gantz `correlation_id`, CloudEvents `traceparent` trace id.',
  },
  {
    name: 'session_id',
    sqlType: 'VARCHAR',
    description:
      'Session: AgentMesh `session_id` (`sessionid`), meshguard `agent.session_id`, gantz `session_id`.',
  },
  {
    name: 'client_ip',
    sqlType: 'VARCHAR',
    description: 'Client address as written (meshguard `metadata.client_ip`, gantz `ip_address`).',
  },
  {
    name: 'source',
    sqlType: 'VARCHAR',
    description: 'CloudEvents `source` (or the SIEM record `source`), as written.',
  },
  { name: 'subject', sqlType: 'VARCHAR', description: 'CloudEvents `subject`, as written.' },
  {
    name: 'record_hash',
    sqlType: 'VARCHAR',
    description:
      "The record's own integrity hash as stored (AgentMesh `entry_hash` / sink `content_hash` / CloudEvents `agentmeshentryhash`, meshguard `integrity.hash`, runtime-steps `hash`, gantz `event_hash`). Stored, not verified: see the verification report.",
  },
  {
    name: 'prev_hash',
    sqlType: 'VARCHAR',
    description:
      'The stored link to the previous record (`previous_hash`, `integrity.prev`, `prev`, `agentmeshprevioushash`).',
  },
] as const satisfies readonly CanonicalColumn[];
