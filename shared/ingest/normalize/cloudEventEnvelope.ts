/**
 * The CloudEvents 1.0 envelope (structured JSON mode): `specversion`, `id`, `source`, `type` are
 * required by the spec; `time` is required by Casefile (an event must sit on the timeline).
 * `data` stays opaque here; family mappers read it.
 */
import type { RecordReader } from './reader';
import { isFailure, type MapFailure } from './types';

export interface CloudEventEnvelope {
  id: string;
  type: string;
  source: string;
  ts: string;
  tsRaw: string;
  subject?: string;
  traceId?: string;
  sessionId?: string;
}

/** W3C traceparent `version-traceid-parentid-flags` (distributed tracing extension). */
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

export function readCloudEventEnvelope(r: RecordReader): CloudEventEnvelope | MapFailure {
  const specversion = r.requireText('specversion');
  if (isFailure(specversion)) return specversion;
  const id = r.requireText('id');
  if (isFailure(id)) return id;
  const type = r.requireText('type');
  if (isFailure(type)) return type;
  const source = r.requireText('source');
  if (isFailure(source)) return source;
  const time = r.time('time');
  if (isFailure(time)) return time;
  const traceparent = r.text('traceparent');
  const traceId = r.text('traceid', true) ?? (traceparent ? TRACEPARENT.exec(traceparent)?.[1] : undefined);
  return {
    id,
    type,
    source,
    ts: time.iso,
    tsRaw: time.raw,
    subject: r.text('subject'),
    traceId,
    sessionId: r.text('sessionid', true),
  };
}
