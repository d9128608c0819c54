/**
 * gantz events (formats/gantz.md "Record model"): `timestamp` is `time.time()` as a float token,
 * read exactly (no JS number); no decision field, so a `permission_denied` event is the deny;
 * `error` present means the outcome is `error`, else a scalar `result` is the outcome.
 */
import { isJsonArray, isJsonObject, type JsonValue } from '../../json/value';
import { RecordReader } from './reader';
import { isFailure, success, type MapContext, type MapResult } from './types';

const DENYING_EVENT_TYPES: ReadonlySet<string> = new Set(['permission_denied']);

export function mapGantzEvent(record: JsonValue, _ctx: MapContext): MapResult {
  const r = RecordReader.open(record, 'a gantz audit event');
  if (isFailure(r)) return r;
  const eventId = r.requireText('event_id');
  if (isFailure(eventId)) return eventId;
  const time = r.time('timestamp');
  if (isFailure(time)) return time;
  const eventType = r.requireText('event_type');
  if (isFailure(eventType)) return eventType;
  const agentId = r.text('agent_id');
  const userId = r.text('user_id');
  const error = r.text('error');
  const result = r.get('result');
  const scalarResult = isJsonObject(result) || isJsonArray(result) ? undefined : r.text('result');
  const denied = DENYING_EVENT_TYPES.has(eventType);
  return success(
    {
      producer: 'gantz',
      ts: time.iso,
      ts_raw: time.raw,
      event_id: eventId,
      event_type: eventType,
      agent_id: agentId,
      actor: agentId ?? userId,
      user_id: userId,
      action: r.text('action'),
      resource: r.text('resource'),
      decision: denied ? 'deny' : undefined,
      decision_raw: denied ? eventType : undefined,
      outcome: error !== undefined ? 'error' : scalarResult,
      reason: error,
      severity: r.text('severity'),
      trace_id: r.text('correlation_id', true),
      session_id: r.text('session_id', true),
      client_ip: r.text('ip_address'),
      record_hash: r.text('event_hash'),
      prev_hash: r.text('previous_hash'),
    },
    r.notes(),
  );
}
