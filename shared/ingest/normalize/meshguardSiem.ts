/**
 * meshguard's flat SIEM projection (formats/meshguard.md §6): lossy, no integrity data, nulls
 * written. `meshguard.delegation_depth` is 0 for events without a delegation, kept as written.
 */
import type { JsonValue } from '../../json/value';
import { decisionFromWord } from '../decision';
import { RecordReader } from './reader';
import { isFailure, success, type MapContext, type MapResult } from './types';

export function mapMeshguardSiemRecord(record: JsonValue, _ctx: MapContext): MapResult {
  const r = RecordReader.open(record, 'a meshguard SIEM record');
  if (isFailure(r)) return r;
  const eventId = r.requireText('meshguard.event_id');
  if (isFailure(eventId)) return eventId;
  const time = r.time('timestamp');
  if (isFailure(time)) return time;
  const eventType = r.requireText('event_type');
  if (isFailure(eventType)) return eventType;
  const agentId = r.text('meshguard.agent_id');
  const verdict = r.text('meshguard.decision');
  return success(
    {
      producer: 'meshguard-siem',
      ts: time.iso,
      ts_raw: time.raw,
      event_id: eventId,
      event_type: eventType,
      agent_id: agentId,
      agent_name: r.text('meshguard.agent_name'),
      trust_tier: r.text('meshguard.trust_tier'),
      actor: agentId,
      action: r.text('meshguard.action'),
      resource: r.text('meshguard.resource'),
      decision: verdict === undefined ? undefined : decisionFromWord(verdict),
      decision_raw: verdict,
      severity: r.text('severity'),
      policy_id: r.text('meshguard.policy_id'),
      delegation_depth: r.integer('meshguard.delegation_depth'),
      source: r.text('source'),
    },
    r.notes(),
  );
}
