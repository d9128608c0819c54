/**
 * AgentMesh entries as the FileAuditSink writes them (formats/agentmesh.md §5, 19 members,
 * `content_hash`) and as `export()` writes them (§6, 23 members, `entry_hash`; `default=str`,
 * pydantic or Parquet renderings of the timestamp). Same member names, so one mapper serves both.
 */
import type { JsonValue } from '../../json/value';
import type { CanonicalEvent } from '../canonicalEvent';
import type { ProducerId } from '../producers';
import { agentmeshDecision, agentmeshDelegation } from './agentmeshShared';
import { RecordReader } from './reader';
import { isFailure, success, type MapContext, type MapResult } from './types';

export function mapAgentMeshSinkLine(record: JsonValue, ctx: MapContext): MapResult {
  return mapAgentMeshEntry(record, ctx, 'agentmesh-sink', 'content_hash');
}

export function mapAgentMeshExportEntry(record: JsonValue, ctx: MapContext): MapResult {
  return mapAgentMeshEntry(record, ctx, 'agentmesh-export', 'entry_hash');
}

function mapAgentMeshEntry(
  record: JsonValue,
  _ctx: MapContext,
  producer: ProducerId,
  hashMember: 'content_hash' | 'entry_hash',
): MapResult {
  const r = RecordReader.open(record, 'an AgentMesh audit entry');
  if (isFailure(r)) return r;
  const entryId = r.requireText('entry_id');
  if (isFailure(entryId)) return entryId;
  const time = r.time('timestamp');
  if (isFailure(time)) return time;
  const eventType = r.requireText('event_type');
  if (isFailure(eventType)) return eventType;
  const agentDid = r.requireText('agent_did');
  if (isFailure(agentDid)) return agentDid;

  const action = r.text('action');
  const resource = r.text('resource');
  const outcome = r.text('outcome');
  const target = r.text('target_did', true);
  const event: CanonicalEvent = {
    producer,
    ts: time.iso,
    ts_raw: time.raw,
    event_id: entryId,
    event_type: eventType,
    agent_id: agentDid,
    actor: agentDid,
    action,
    resource,
    target,
    outcome,
    ...agentmeshDecision({ policyDecision: r.text('policy_decision', true), action, outcome, eventType }),
    reason: r.text('data.reason'),
    severity: r.text('data.severity'),
    policy_version: r.text('policy_version', true),
    matched_rule: r.text('matched_rule', true),
    approver: r.text('approver_did', true),
    ...agentmeshDelegation(r, agentDid, eventType, target, resource),
    trace_id: r.text('trace_id', true),
    session_id: r.text('session_id', true),
    record_hash: r.text(hashMember, true),
    prev_hash: r.text('previous_hash'),
  };
  return success(event, r.notes());
}
