/**
 * agentmeshDecision and agentmeshDelegation (shared/ingest/normalize/agentmeshShared.ts) in SQL,
 * for the rows nativeFamilies.ts calls plain: decision words already folded, and no
 * `data.delegation_chain` or `data.delegation_depth`, so delegation comes from the event type,
 * `target_did` and an `agent://` resource only.
 */
import {
  AGENTMESH_DELEGATING_EVENT_TYPES,
  AGENTMESH_REFUSING_EVENT_TYPES,
} from '../../../../shared/ingest/normalize/agentmeshShared';
import { decisionOf, emptyAsNull, member, sqlText } from './sqlFields';

const inList = (values: ReadonlySet<string>): string => [...values].map(sqlText).join(', ');

/** decision and decision_raw: policy_decision, else a refusing event type, else outcome denied, else action. */
export function agentmeshDecisionColumns(): { decision: string; decision_raw: string } {
  const policy = emptyAsNull(member('policy_decision'));
  const fromPolicy = decisionOf(policy);
  const fromAction = decisionOf(member('action'));
  const refusing = `${member('event_type')} IN (${inList(AGENTMESH_REFUSING_EVENT_TYPES)})`;
  const denied = `${member('outcome')} = 'denied'`;
  const actionCounts = `${fromAction} IN ('allow', 'deny')`;
  return {
    decision: `(CASE WHEN ${fromPolicy} IS NOT NULL THEN ${fromPolicy} WHEN ${refusing} THEN 'deny' WHEN ${denied} THEN 'deny' WHEN ${actionCounts} THEN ${fromAction} END)`,
    decision_raw: `(CASE WHEN ${fromPolicy} IS NOT NULL THEN ${policy} WHEN ${refusing} THEN ${member('event_type')} WHEN ${denied} THEN ${member('outcome')} WHEN ${actionCounts} THEN ${member('action')} ELSE ${policy} END)`,
  };
}

/** delegator and delegate: a delegating event type's agent hands work to target_did, else to an agent:// resource. */
export function agentmeshDelegationColumns(): { delegator: string; delegate: string } {
  const delegating = `${member('event_type')} IN (${inList(AGENTMESH_DELEGATING_EVENT_TYPES)})`;
  const fromResource = `(CASE WHEN starts_with(${member('resource')}, 'agent://') THEN substr(${member('resource')}, ${'agent://'.length + 1}) END)`;
  return {
    delegator: `(CASE WHEN ${delegating} THEN ${member('agent_did')} END)`,
    delegate: `(CASE WHEN ${delegating} THEN COALESCE(${emptyAsNull(member('target_did'))}, ${fromResource}) END)`,
  };
}
