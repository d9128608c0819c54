/**
 * Rebuilds the AuditEntry hash input from one `to_cloudevent()` envelope (formats/agentmesh.md §6):
 * event_type by the inverse type map (or the fallback prefix strip, trying both), timestamp =
 * `time` minus one trailing `Z`, data = envelope data minus the 10 keys the producer puts first.
 */
import { emptyObject, isJsonObject, type JsonObject, type JsonValue } from '../../json/value';
import type { Finding } from '../types';
import { buildEntryHashInput } from './entryHash';
import { notAnObject } from './exportEntry';
import type { MeshItem } from './meshChain';
import { positionOf } from '../chain/position';

const PREFIX = 'ai.agentmesh.';

/** `_CE_TYPE_MAP` as the code has it (the spec's table differs; formats/agentmesh.md §6). */
const TYPE_MAP: Readonly<Record<string, string>> = {
  tool_invocation: 'ai.agentmesh.tool.invoked',
  tool_blocked: 'ai.agentmesh.tool.blocked',
  policy_evaluation: 'ai.agentmesh.policy.evaluation',
  policy_violation: 'ai.agentmesh.policy.violation',
  trust_handshake: 'ai.agentmesh.trust.handshake',
  trust_score_updated: 'ai.agentmesh.trust.score.updated',
  agent_registered: 'ai.agentmesh.agent.registered',
  agent_verified: 'ai.agentmesh.agent.verified',
  audit_integrity: 'ai.agentmesh.audit.integrity.verified',
};

const INVERSE_TYPE_MAP: ReadonlyMap<string, string> = new Map(
  Object.entries(TYPE_MAP).map(([k, v]) => [v, k]),
);

/** Keys the envelope's data starts with; an entry's own data keys of the same name overwrite them. */
export const CE_DATA_ENVELOPE_KEYS = [
  'action',
  'resource',
  'outcome',
  'policy_decision',
  'matched_rule',
  'policy_version',
  'arguments_hash',
  'approver_did',
  'issued_at',
  'completed_at',
] as const;

/** The 5 data keys `to_cloudevent()` always writes. */
const ALWAYS_IN_DATA = CE_DATA_ENVELOPE_KEYS.slice(0, 5);

export const CE_ENVELOPE_MEMBERS: ReadonlySet<string> = new Set([
  'specversion',
  'id',
  'type',
  'source',
  'time',
  'datacontenttype',
  'data',
  'agentmeshentryhash',
  'agentmeshprevioushash',
  'traceid',
  'sessionid',
]);

/** Both readings of `type`: a fallback name (`tool.blocked`) can equal a mapped one (`tool_blocked`). */
export function eventTypeCandidates(type: string): string[] {
  const out: string[] = [];
  const mapped = INVERSE_TYPE_MAP.get(type);
  if (mapped !== undefined) out.push(mapped);
  if (type.startsWith(PREFIX) && !out.includes(type.slice(PREFIX.length)))
    out.push(type.slice(PREFIX.length));
  return out;
}

const COLLISION_NOTE =
  'An envelope cannot carry an entry whose own data used one of the ten envelope keys (action, resource, outcome, ' +
  'policy_decision, …): such an entry is not rebuildable from CloudEvents (formats/agentmesh.md §6) and lands here too.';

function envelopeProblems(env: JsonObject, at: { entryIndex: number; line?: number }): Finding[] {
  const problems: [string, string][] = [];
  if (env.specversion !== '1.0') problems.push(['specversion', 'specversion is not "1.0"']);
  if (env.datacontenttype !== 'application/json')
    problems.push(['datacontenttype', 'datacontenttype is not "application/json"']);
  if (typeof env.id !== 'string') problems.push(['id', 'id (the entry_id) is missing or not a string']);
  if (typeof env.source !== 'string')
    problems.push(['source', 'source (the agent_did) is missing or not a string']);
  if (typeof env.type !== 'string' || !env.type.startsWith(PREFIX))
    problems.push(['type', `type does not start with "${PREFIX}"`]);
  if (typeof env.time !== 'string' || !env.time.endsWith('Z'))
    problems.push(['time', 'time does not end in the "Z" the producer appends']);
  if (typeof env.agentmeshprevioushash !== 'string')
    problems.push(['agentmeshprevioushash', 'agentmeshprevioushash is missing or not a string']);
  for (const key of ['traceid', 'sessionid']) {
    if (Object.hasOwn(env, key) && (typeof env[key] !== 'string' || env[key] === '')) {
      problems.push([key, `${key} is present but empty or not a string; the producer omits it when empty`]);
    }
  }
  if (!isJsonObject(env.data)) problems.push(['data', 'data is not an object']);
  else {
    const missing = ALWAYS_IN_DATA.filter((k) => !Object.hasOwn(env.data as JsonObject, k));
    if (missing.length > 0)
      problems.push(['data', `data lacks ${missing.join(', ')}, which the producer always writes`]);
  }
  return problems.map(([field, detail]) => ({ kind: 'envelope_mismatch', ...at, field, detail }));
}

function entryData(data: JsonObject): JsonObject {
  const out = emptyObject();
  for (const key of Object.keys(data)) {
    if (!(CE_DATA_ENVELOPE_KEYS as readonly string[]).includes(key)) out[key] = data[key] ?? null;
  }
  return out;
}

export function cloudEventItem(value: JsonValue, entryIndex: number, line?: number): MeshItem {
  if (!isJsonObject(value)) return notAnObject(entryIndex, line, 'the envelope');
  const at = positionOf({ entryIndex, line });
  const data = isJsonObject(value.data) ? value.data : emptyObject();
  const time = value.time;
  const timestamp = typeof time === 'string' && time.endsWith('Z') ? time.slice(0, -1) : time;
  const types = typeof value.type === 'string' ? eventTypeCandidates(value.type) : [];
  const base = {
    entry_id: value.id,
    timestamp,
    agent_did: value.source,
    action: data.action,
    resource: data.resource,
    data: entryData(data),
    outcome: data.outcome,
    previous_hash: value.agentmeshprevioushash,
  };
  const candidates = (types.length > 0 ? types : [value.type ?? null]).map((t) =>
    buildEntryHashInput({ ...base, event_type: t }),
  );
  return {
    ok: true,
    ...at,
    candidates,
    storedHash: value.agentmeshentryhash,
    previousHash: value.agentmeshprevioushash,
    data: base.data,
    findings: envelopeProblems(value, at),
    mismatchNote: COLLISION_NOTE,
  };
}
