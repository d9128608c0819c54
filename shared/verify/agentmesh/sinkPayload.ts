/**
 * FileAuditSink line layout (formats/agentmesh.md §5): `content_hash` is sha256 of json.dumps
 * over exactly 14 members (missing ones as null), `signature` is HMAC-SHA256 over the 64-char
 * hex TEXT of content_hash. sandbox_id, environment and compute_driver are written, not covered.
 */
import { emptyObject, type JsonObject } from '../../json/value';

export const SINK_HASHED_FIELDS = [
  'entry_id',
  'timestamp',
  'event_type',
  'agent_did',
  'action',
  'resource',
  'target_did',
  'data',
  'outcome',
  'policy_decision',
  'matched_rule',
  'trace_id',
  'session_id',
  'previous_hash',
] as const;

/** Stored in every line, outside content_hash and the HMAC (formats/README.md lesson 4). */
export const SINK_UNCOVERED_FIELDS = ['sandbox_id', 'environment', 'compute_driver'] as const;

/** The 19 members a sink line holds; anything else is an unknown key the producer's reader ignores. */
export const SINK_LINE_MEMBERS: ReadonlySet<string> = new Set<string>([
  ...SINK_HASHED_FIELDS,
  ...SINK_UNCOVERED_FIELDS,
  'content_hash',
  'signature',
]);

/** The content_hash input of one parsed line; the stored timestamp string is used as it is. */
export function sinkPayload(line: JsonObject): JsonObject {
  const payload = emptyObject();
  for (const field of SINK_HASHED_FIELDS) payload[field] = line[field] ?? null;
  return payload;
}

/**
 * Orders rotated sink files as the producer wrote them: `name.<UTC %Y%m%d%H%M%S>.jsonl` by that
 * timestamp, the live file (no timestamp) last (formats/agentmesh.md §5 "Rotation").
 */
export function rotationOrder<T extends { path: string }>(sources: readonly T[]): T[] {
  const stamp = (p: string): string => /\.(\d{14})\.jsonl$/i.exec(p)?.[1] ?? '99999999999999';
  return sources
    .map((s, i) => ({ s, i }))
    .sort((a, b) =>
      stamp(a.s.path) < stamp(b.s.path) ? -1 : stamp(a.s.path) > stamp(b.s.path) ? 1 : a.i - b.i,
    )
    .map((x) => x.s);
}
