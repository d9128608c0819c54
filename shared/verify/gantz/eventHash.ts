/**
 * gantz `event_hash` input (formats/gantz.md "Event hash"): exactly 6 members (parameters as
 * stored, i.e. after redaction), json.dumps(sort_keys=True); genesis previous_hash is null.
 */
import { emptyObject, type JsonObject } from '../../json/value';

export const GANTZ_HASHED_FIELDS = [
  'event_id',
  'event_type',
  'timestamp',
  'action',
  'parameters',
  'previous_hash',
] as const;

/** Stored in every line, outside event_hash (formats/gantz.md "Fields outside the hash"). */
export const GANTZ_UNCOVERED_FIELDS = [
  'session_id',
  'correlation_id',
  'user_id',
  'agent_id',
  'resource',
  'result',
  'error',
  'severity',
  'duration_ms',
  'ip_address',
  'user_agent',
] as const;

export const GANTZ_LINE_MEMBERS: ReadonlySet<string> = new Set<string>([
  ...GANTZ_HASHED_FIELDS,
  ...GANTZ_UNCOVERED_FIELDS,
  'event_hash',
]);

/** The hash input of one parsed line; a missing member is hashed as null. */
export function gantzHashInput(line: JsonObject): JsonObject {
  const input = emptyObject();
  for (const field of GANTZ_HASHED_FIELDS) input[field] = line[field] ?? null;
  return input;
}
