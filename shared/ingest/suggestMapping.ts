/**
 * Guesses a Mapping from sample records, like Timesketch's upload dialog (field/anchors.md A1):
 * each canonical column takes the source path whose name matches best and whose values have the
 * right shape (times parse, decisions are decision words, steps are integers). The user reviews it.
 */
import { isJsonArray, isJsonObject, JsonNumber, type JsonValue } from '../json/value';
import { decisionFromWord } from './decision';
import { formatPath, type PathSegment } from './jsonPath';
import type { FieldSpec, Mapping, MappableColumn, Transform } from './mapping';
import { normalizeEpoch, normalizeTimeText } from './time';

/** Name hints per column, best first, compared after lower-casing and dropping non-alphanumerics. */
const HINTS: Partial<Record<MappableColumn, readonly string[]>> = {
  ts: ['timestamp', 'time', 'ts', 'datetime', 'eventtime', 'createdat', 'occurredat', 'date', 'when'],
  event_id: ['eventid', 'id', 'uuid', 'entryid', 'recordid', 'logid'],
  event_type: ['eventtype', 'type', 'kind', 'eventname', 'category'],
  agent_id: ['agentid', 'agent', 'agentdid', 'botid'],
  agent_name: ['agentname', 'botname'],
  actor: ['actor', 'principal', 'caller', 'initiator'],
  user_id: ['userid', 'user', 'username'],
  tenant: ['tenantid', 'tenant', 'orgid', 'organization'],
  run_id: ['runid', 'run', 'executionid', 'taskid'],
  step: ['step', 'stepid', 'stepnumber', 'stepindex'],
  phase: ['phase', 'stage'],
  action: ['action', 'actiontype', 'operation', 'tool', 'toolname', 'method', 'verb', 'activity'],
  action_key: ['actionkey', 'idempotencykey', 'dedupkey'],
  resource: ['resource', 'resourceid', 'object', 'url', 'path'],
  decision: ['decision', 'effect', 'verdict', 'policydecision', 'allowed'],
  outcome: ['outcome', 'result', 'status'],
  reason: ['reason', 'error', 'errormessage', 'message'],
  severity: ['severity', 'level', 'loglevel'],
  policy_id: ['policyid', 'policy'],
  matched_rule: ['matchedrule', 'rulematched', 'rule', 'ruleid'],
  session_id: ['sessionid', 'session'],
  trace_id: ['traceid', 'correlationid', 'requestid'],
  data_subject: ['datasubjectid', 'datasubject', 'subjectid'],
  client_ip: ['clientip', 'ipaddress', 'ip', 'sourceip', 'remoteaddr'],
};

interface PathStats {
  segments: PathSegment[];
  /** Records holding the member at all (null included) and holding a non-null value. */
  seen: number;
  present: number;
  strings: number;
  times: number;
  epochSeconds: number;
  epochMillis: number;
  integers: number;
  decisions: number;
}

const MAX_RECORDS = 200;
const MAX_DEPTH = 4;

export function suggestMapping(sample: readonly JsonValue[], name = 'suggested mapping'): Mapping {
  const records = sample.filter(isJsonObject).slice(0, MAX_RECORDS);
  const stats = new Map<string, PathStats>();
  for (const record of records) collect(record, [], stats);
  const fields: Mapping['fields'] = {};
  for (const [column, hints] of Object.entries(HINTS) as [MappableColumn, readonly string[]][]) {
    const best = bestPath(column, hints, [...stats.values()], records.length);
    if (best) fields[column] = best;
  }
  return { name, version: 1, fields };
}

function collect(value: JsonValue, segments: PathSegment[], stats: Map<string, PathStats>): void {
  if (isJsonObject(value)) {
    if (segments.length >= MAX_DEPTH) return;
    for (const key of Object.keys(value)) collect(value[key] ?? null, [...segments, { member: key }], stats);
    return;
  }
  if (isJsonArray(value) || segments.length === 0) return;
  const key = formatPath(segments);
  let s = stats.get(key);
  if (!s) {
    s = {
      segments,
      seen: 0,
      present: 0,
      strings: 0,
      times: 0,
      epochSeconds: 0,
      epochMillis: 0,
      integers: 0,
      decisions: 0,
    };
    stats.set(key, s);
  }
  s.seen++;
  if (value === null) return;
  s.present++;
  if (typeof value === 'string') {
    s.strings++;
    if (normalizeTimeText(value).ok) s.times++;
    if (decisionFromWord(value)) s.decisions++;
    if (/^-?\d{1,18}$/.test(value)) s.integers++;
  } else if (value instanceof JsonNumber) {
    if (value.isInteger) s.integers++;
    const n = value.toDouble();
    // Plausible epochs for 1973–2286: seconds 1e8..1e10, milliseconds 1e11..1e13.
    if (n >= 1e8 && n < 1e10 && normalizeEpoch(value.token, 'seconds').ok) s.epochSeconds++;
    if (n >= 1e11 && n < 1e13 && normalizeEpoch(value.token, 'millis').ok) s.epochMillis++;
  }
}

function bestPath(
  column: MappableColumn,
  hints: readonly string[],
  all: PathStats[],
  total: number,
): FieldSpec | undefined {
  let best: { score: number; spec: FieldSpec } | undefined;
  for (const s of all) {
    const rank = nameRank(s.segments, hints);
    if (rank < 0) continue;
    const shape = shapeOf(column, s);
    if (shape === undefined) continue;
    const coverage = total > 0 ? s.seen / total : 0;
    // Nested members are mostly the producer's payload (`parameters.reason`): a level costs more than a hint rank.
    const score = (hints.length - rank) * 10 + coverage * 5 - (s.segments.length - 1) * 15;
    const path = formatPath(s.segments);
    const spec: FieldSpec = shape.transform ? { path, transform: shape.transform } : path;
    if (!best || score > best.score) best = { score, spec };
  }
  return best?.spec;
}

/** Whether the values fit the column, and the transform they need (undefined = do not use). */
function shapeOf(column: MappableColumn, s: PathStats): { transform?: Transform } | undefined {
  const most = (n: number): boolean => n >= s.present * 0.9 && n > 0;
  if (column === 'ts') {
    if (most(s.times)) return { transform: 'iso' };
    if (most(s.epochSeconds)) return { transform: 'epoch-seconds' };
    if (most(s.epochMillis)) return { transform: 'epoch-millis' };
    return undefined;
  }
  if (column === 'step' || column === 'delegation_depth') return most(s.integers) ? {} : undefined;
  if (column === 'decision') return most(s.decisions) ? {} : undefined;
  return s.strings > 0 || s.integers > 0 ? {} : undefined;
}

/** Hints too generic to trust below the top level: `agent.id` is not the event id. */
const TOP_LEVEL_ONLY: ReadonlySet<string> = new Set([
  'id',
  'type',
  'kind',
  'time',
  'ts',
  'date',
  'when',
  'status',
  'result',
  'level',
  'path',
  'url',
  'object',
  'message',
]);

/** Index of the best hint the path's last member (or its last two joined: `agent.id` → agentid) matches; -1 if none. */
function nameRank(segments: PathSegment[], hints: readonly string[]): number {
  const names = segments.flatMap((seg) =>
    'member' in seg ? [seg.member.toLowerCase().replace(/[^a-z0-9]/g, '')] : [],
  );
  const last = names.at(-1) ?? '';
  const joined = names.length > 1 ? names.slice(-2).join('') : '';
  const byLast = names.length > 1 && TOP_LEVEL_ONLY.has(last) ? -1 : hints.indexOf(last);
  const byJoined = hints.indexOf(joined);
  if (byJoined >= 0 && (byLast < 0 || byJoined < byLast)) return byJoined;
  return byLast;
}
