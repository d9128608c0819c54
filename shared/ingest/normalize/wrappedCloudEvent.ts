/**
 * Families whose CloudEvents copy wraps the family's own event in `data` (meshguard §7,
 * runtime-steps §7): canonical values come from `data` (the hashed event), `source` and
 * `subject` from the envelope.
 */
import type { JsonValue } from '../../json/value';
import type { CanonicalEvent } from '../canonicalEvent';
import type { ProducerId } from '../producers';
import { readCloudEventEnvelope } from './cloudEventEnvelope';
import { RecordReader } from './reader';
import { isFailure, success, type MapFailure, type MapResult } from './types';

export function mapWrappedCloudEvent(
  record: JsonValue,
  producer: ProducerId,
  readInner: (data: RecordReader) => CanonicalEvent | MapFailure,
): MapResult {
  const r = RecordReader.open(record, 'a CloudEvent');
  if (isFailure(r)) return r;
  const env = readCloudEventEnvelope(r);
  if (isFailure(env)) return env;
  const data = r.child('data');
  if (isFailure(data)) return data;
  const event = readInner(data);
  if (isFailure(event)) return event;
  event.producer = producer;
  event.source = env.source;
  event.subject = env.subject;
  return success(event, r.notes());
}
