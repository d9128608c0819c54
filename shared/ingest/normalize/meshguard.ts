/**
 * meshguard audit events (formats/meshguard.md §2): daily JSONL lines, Parquet rows (§8: SQL NULL
 * = absent member) and the `data` of its CloudEvents (§7). Delegation (§2): the path is
 * `chain[*].agent_id` + `agent.id`, so the delegator is the last hop and the delegate the agent.
 */
import { isJsonObject, type JsonValue } from '../../json/value';
import type { CanonicalEvent } from '../canonicalEvent';
import { decisionFromWord } from '../decision';
import { delegationPathJson } from './delegationPath';
import { RecordReader } from './reader';
import { mapWrappedCloudEvent } from './wrappedCloudEvent';
import { isFailure, success, type MapContext, type MapFailure, type MapResult } from './types';

export function mapMeshguardEvent(record: JsonValue, _ctx: MapContext): MapResult {
  const r = RecordReader.open(record, 'a meshguard audit event');
  if (isFailure(r)) return r;
  const event = meshguardEvent(r);
  return isFailure(event) ? event : success(event, r.notes());
}

/** A meshguard CloudEvent: canonical values from `data` (covered by the hash), `source`/`subject` from the envelope. */
export function mapMeshguardCloudEvent(record: JsonValue, _ctx: MapContext): MapResult {
  return mapWrappedCloudEvent(record, 'meshguard-cloudevents', meshguardEvent);
}

function meshguardEvent(r: RecordReader): CanonicalEvent | MapFailure {
  const eventId = r.requireText('event_id');
  if (isFailure(eventId)) return eventId;
  const time = r.time('timestamp');
  if (isFailure(time)) return time;
  const eventType = r.requireText('event_type');
  if (isFailure(eventType)) return eventType;
  const agentId = r.text('agent.id');
  const effect = r.text('decision.effect');
  return {
    producer: 'meshguard',
    ts: time.iso,
    ts_raw: time.raw,
    event_id: eventId,
    event_type: eventType,
    agent_id: agentId,
    agent_name: r.text('agent.name'),
    trust_tier: r.text('agent.trust_tier'),
    actor: actorOf(r, eventType, agentId),
    action: r.text('action.type'),
    resource: r.text('action.resource'),
    target: r.text('lifecycle.agent_id'),
    decision: effect === undefined ? undefined : decisionFromWord(effect),
    decision_raw: effect,
    outcome: r.text('result.status'),
    reason: r.text('lifecycle.reason') ?? r.text('policy.comment') ?? r.text('anomaly.anomaly_type'),
    severity: r.text('anomaly.severity'),
    policy_id: r.text('decision.policy_id') ?? r.text('policy.policy_id'),
    policy_version: r.text('policy.version_to'),
    matched_rule: r.text('decision.rule_matched'),
    ...delegationOf(r, agentId),
    data_subject: r.text('context.data_subject_id'),
    data_classification: r.text('context.data_classification'),
    session_id: r.text('agent.session_id'),
    client_ip: r.text('metadata.client_ip'),
    record_hash: r.text('integrity.hash'),
    prev_hash: r.text('integrity.prev'),
  };
}

/** People make policy and lifecycle changes (§2 `policy.updated_by`, `lifecycle.changed_by`); agents make the rest. */
function actorOf(r: RecordReader, eventType: string, agentId: string | undefined): string | undefined {
  if (eventType === 'policy_update') return r.text('policy.updated_by') ?? agentId;
  if (eventType === 'agent_lifecycle') return r.text('lifecycle.changed_by') ?? agentId;
  return agentId;
}

function delegationOf(r: RecordReader, agentId: string | undefined): Partial<CanonicalEvent> {
  if (!r.has('delegation')) return {};
  const chainValue = r.get('delegation.chain');
  const hops = Array.isArray(chainValue) ? chainValue : [];
  const delegators = hops.flatMap((h) =>
    isJsonObject(h) && typeof h.agent_id === 'string' ? [h.agent_id] : [],
  );
  const complete = delegators.length === hops.length && hops.length > 0;
  const path = complete && agentId !== undefined ? [...delegators, agentId] : undefined;
  return {
    delegator: complete ? delegators.at(-1) : undefined,
    delegate: agentId,
    delegation_depth: r.integer('delegation.depth'),
    delegation_chain_id: r.text('delegation.chain_id'),
    delegation_root: r.text('delegation.root_agent'),
    delegation_path: path ? delegationPathJson(path) : undefined,
  };
}
