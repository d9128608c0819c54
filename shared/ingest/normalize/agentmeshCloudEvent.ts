/**
 * AgentMesh `export_cloudevents()` envelopes (formats/agentmesh.md §6): the entry's fields sit in
 * `data` beside the entry's own data keys; `type` maps back to event_type; `time` is `…+00:00Z`
 * (accepted, noted). `target_did` is not in the envelope, so the delegate comes from the chain.
 */
import type { JsonValue } from '../../json/value';
import type { CanonicalEvent } from '../canonicalEvent';
import { agentmeshDecision, agentmeshDelegation, agentmeshEventTypeFromCloudEvent } from './agentmeshShared';
import { readCloudEventEnvelope } from './cloudEventEnvelope';
import { RecordReader } from './reader';
import { isFailure, success, type MapContext, type MapResult } from './types';

export function mapAgentMeshCloudEvent(record: JsonValue, _ctx: MapContext): MapResult {
  const r = RecordReader.open(record, 'a CloudEvent');
  if (isFailure(r)) return r;
  const env = readCloudEventEnvelope(r);
  if (isFailure(env)) return env;
  const eventType = agentmeshEventTypeFromCloudEvent(env.type);
  const action = r.text('data.action');
  const resource = r.text('data.resource');
  const outcome = r.text('data.outcome');
  const event: CanonicalEvent = {
    producer: 'agentmesh-cloudevents',
    ts: env.ts,
    ts_raw: env.tsRaw,
    event_id: env.id,
    event_type: eventType,
    agent_id: env.source,
    actor: env.source,
    action,
    resource,
    outcome,
    ...agentmeshDecision({
      policyDecision: r.text('data.policy_decision', true),
      action,
      outcome,
      eventType,
    }),
    reason: r.text('data.reason'),
    severity: r.text('data.severity'),
    policy_version: r.text('data.policy_version', true),
    matched_rule: r.text('data.matched_rule', true),
    approver: r.text('data.approver_did', true),
    ...agentmeshDelegation(r, env.source, eventType, undefined, resource),
    trace_id: env.traceId,
    session_id: env.sessionId,
    source: env.source,
    subject: env.subject,
    record_hash: r.text('agentmeshentryhash', true),
    prev_hash: r.text('agentmeshprevioushash'),
  };
  return success(event, r.notes());
}
