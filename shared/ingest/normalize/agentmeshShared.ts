/** What the three AgentMesh renderings (sink line, export entry, CloudEvent) share: decision, delegation, type map. */
import { decisionFromWord, type Decision } from '../decision';
import type { CanonicalEvent } from '../canonicalEvent';
import { delegationPathJson } from './delegationPath';
import type { RecordReader } from './reader';

/** Event types that record a refusal even when `policy_decision` is absent (formats/agentmesh.md §6, fixtures MANIFEST). */
export const AGENTMESH_REFUSING_EVENT_TYPES: ReadonlySet<string> = new Set([
  'tool_blocked',
  'tool.blocked',
  'policy_violation',
  'rogue_detection',
]);

/** Event types whose `agent_did` hands work to another agent (`target_did` / `data.delegation_chain`). */
export const AGENTMESH_DELEGATING_EVENT_TYPES: ReadonlySet<string> = new Set([
  'agent_invocation',
  'delegation',
]);

/** `_CE_TYPE_MAP` of audit.py (formats/agentmesh.md §6); any other type is `ai.agentmesh.` + event_type. */
const CE_TYPE_TO_EVENT_TYPE: ReadonlyMap<string, string> = new Map([
  ['ai.agentmesh.tool.invoked', 'tool_invocation'],
  ['ai.agentmesh.tool.blocked', 'tool_blocked'],
  ['ai.agentmesh.policy.evaluation', 'policy_evaluation'],
  ['ai.agentmesh.policy.violation', 'policy_violation'],
  ['ai.agentmesh.trust.handshake', 'trust_handshake'],
  ['ai.agentmesh.trust.score.updated', 'trust_score_updated'],
  ['ai.agentmesh.agent.registered', 'agent_registered'],
  ['ai.agentmesh.agent.verified', 'agent_verified'],
  ['ai.agentmesh.audit.integrity.verified', 'audit_integrity'],
]);

export const AGENTMESH_CE_PREFIX = 'ai.agentmesh.';

/** The event_type a CloudEvents `type` came from; the mapped name wins when a fallback name collides (`tool.blocked`). */
export function agentmeshEventTypeFromCloudEvent(type: string): string {
  const mapped = CE_TYPE_TO_EVENT_TYPE.get(type);
  if (mapped) return mapped;
  return type.startsWith(AGENTMESH_CE_PREFIX) ? type.slice(AGENTMESH_CE_PREFIX.length) : type;
}

export interface AgentMeshVerdictInput {
  policyDecision?: string;
  action?: string;
  outcome?: string;
  eventType?: string;
}

/**
 * AgentMesh has no single decision field: `policy_decision` when set (allow, deny, require_approval),
 * else a refusing event type, else outcome `denied`, else an `action` of allow/deny.
 */
export function agentmeshDecision(input: AgentMeshVerdictInput): {
  decision?: Decision;
  decision_raw?: string;
} {
  const fromPolicy = input.policyDecision === undefined ? undefined : decisionFromWord(input.policyDecision);
  if (fromPolicy) return { decision: fromPolicy, decision_raw: input.policyDecision };
  if (input.eventType !== undefined && AGENTMESH_REFUSING_EVENT_TYPES.has(input.eventType)) {
    return { decision: 'deny', decision_raw: input.eventType };
  }
  if (input.outcome === 'denied') return { decision: 'deny', decision_raw: input.outcome };
  const fromAction = input.action === undefined ? undefined : decisionFromWord(input.action);
  if (fromAction === 'allow' || fromAction === 'deny')
    return { decision: fromAction, decision_raw: input.action };
  return input.policyDecision === undefined ? {} : { decision_raw: input.policyDecision };
}

/**
 * Delegation columns from an AgentMesh record: `agent_did` delegates to `target_did` (absent from
 * CloudEvents), else to the last hop of `data.delegation_chain`, else to the `agent://` resource.
 */
export function agentmeshDelegation(
  r: RecordReader,
  agentDid: string,
  eventType: string,
  targetDid: string | undefined,
  resource: string | undefined,
): Partial<CanonicalEvent> {
  const chainValue = r.get('data.delegation_chain');
  const chain = Array.isArray(chainValue)
    ? chainValue.filter((h): h is string => typeof h === 'string')
    : undefined;
  const depth = r.integer('data.delegation_depth');
  if (!AGENTMESH_DELEGATING_EVENT_TYPES.has(eventType) && chain === undefined && depth === undefined)
    return {};
  const fromResource = resource?.startsWith('agent://') ? resource.slice('agent://'.length) : undefined;
  const delegate = targetDid ?? chain?.at(-1) ?? fromResource;
  return {
    delegator: agentDid,
    ...(delegate !== undefined ? { delegate } : {}),
    ...(depth !== undefined ? { delegation_depth: depth } : {}),
    ...(chain && chain.length > 0
      ? { delegation_root: chain[0], delegation_path: delegationPathJson(chain) }
      : {}),
  };
}
