/**
 * Any other CloudEvents 1.0 producer (structured mode: one event, a batch array, or JSONL): the
 * envelope gives id, time, type, source and subject; `data` is opaque and stays queryable in the
 * `record` column.
 */
import type { JsonValue } from '../../json/value';
import { readCloudEventEnvelope } from './cloudEventEnvelope';
import { RecordReader } from './reader';
import { isFailure, success, type MapContext, type MapResult } from './types';

export function mapGenericCloudEvent(record: JsonValue, _ctx: MapContext): MapResult {
  const r = RecordReader.open(record, 'a CloudEvent');
  if (isFailure(r)) return r;
  const env = readCloudEventEnvelope(r);
  if (isFailure(env)) return env;
  return success(
    {
      producer: 'cloudevents',
      ts: env.ts,
      ts_raw: env.tsRaw,
      event_id: env.id,
      event_type: env.type,
      trace_id: env.traceId,
      session_id: env.sessionId,
      source: env.source,
      subject: env.subject,
    },
    r.notes(),
  );
}
