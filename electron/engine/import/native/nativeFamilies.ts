/**
 * Families DuckDB can normalize by itself for plain rows (nativeJsonl.ts). Each entry restates
 * its JS mapper (shared/ingest/normalize/*) in SQL for the simple shapes only: `plain` is true
 * exactly when the mapper would map the row with no note and get what `columns` compute. Rows
 * that are not plain go to the JS mapper, which stays the reference; the equivalence tests import
 * every fixture both ways and compare every column.
 */
import { SINK_LINE_MEMBERS } from '../../../../shared/verify/agentmesh/sinkPayload';
import { agentmeshDecisionColumns, agentmeshDelegationColumns } from './agentmeshSql';
import {
  afterPrefix,
  decision,
  emptyAsNull,
  decisionPlain,
  integer,
  member,
  nestedMember,
  requiredIntegerPlain,
  requiredTextPlain,
  utcTime,
  utcTimePlain,
  sqlText,
} from './sqlFields';

export interface NativeFamily {
  producer: string;
  /**
   * Top-level members the columns read (each as `v_<name>`, sqlFields.ts). `strings` must hold a
   * JSON string or null when present (recordShape.ts checks). `tokens` are read from their JSON
   * text, so their plain rule must accept only text both readers read alike (step_id: an integer
   * token, or the same digits in a string, which RecordReader.requireInteger also takes), and no
   * rendering longer than the token itself (recordShape.ts compactLength counts on it).
   */
  strings: readonly string[];
  tokens: readonly string[];
  /**
   * The format's other top-level members, all strings, which no column reads. They are read and
   * type-checked all the same, so that a record's length can be accounted for (recordShape.ts);
   * a record with a key named in none of the lists goes to the JS path.
   */
  others: readonly string[];
  /**
   * Top-level members of any JSON type that no column reads (AgentMesh's free-form `data`). They
   * are counted among the format's keys but not read; a family with any is shown read alike by
   * the general check only (recordShape.ts), since their text has no fixed length.
   */
  free: readonly string[];
  /**
   * Text fields read inside a free-form member (AgentMesh `data.reason`), each as
   * `v_<member>__<field>` (sqlFields.ts nestedMember). Like `strings` they must hold a string or
   * null wherever their key appears, and appear at most once in the whole record: DuckDB reads a
   * repeated key first-wins, the JS parser last-wins (recordShape.ts).
   */
  nested: Readonly<Record<string, readonly string[]>>;
  /** SQL boolean over the members (and `record`), given their types (recordShape.ts). */
  plain: string;
  /** Canonical column → SQL expression; columns not named are NULL. */
  columns: Readonly<Record<string, string>>;
}

/** mapRuntimeStepsEvent (shared/ingest/normalize/runtimeSteps.ts; formats/runtime-steps.md §2). */
const runtimeSteps: NativeFamily = {
  producer: 'runtime-steps',
  strings: [
    'run_id',
    'phase',
    'timestamp',
    'decision',
    'actor',
    'tenant_id',
    'action',
    'action_key',
    'result',
    'reason',
    'scope',
    'hash',
    'prev',
  ],
  tokens: ['step_id'],
  // formats/runtime-steps.md §2; verification reads these from the record itself.
  others: ['args_hash', 'sig'],
  free: [],
  nested: {},
  plain: [
    requiredTextPlain('run_id'),
    requiredIntegerPlain('step_id'),
    requiredTextPlain('phase'),
    utcTimePlain('timestamp'),
    decisionPlain('decision'),
  ].join(' AND '),
  columns: {
    producer: sqlText('runtime-steps'),
    ts: utcTime('timestamp'),
    ts_raw: member('timestamp'),
    event_id: `${member('run_id')} || '/' || CAST(${integer('step_id')} AS VARCHAR) || '/' || ${member('phase')}`,
    event_type: member('phase'),
    agent_id: afterPrefix(member('actor'), 'agent:'),
    actor: member('actor'),
    user_id: afterPrefix(member('actor'), 'user:'),
    tenant: member('tenant_id'),
    run_id: member('run_id'),
    step: integer('step_id'),
    phase: member('phase'),
    action: member('action'),
    action_key: member('action_key'),
    decision: decision('decision'),
    decision_raw: member('decision'),
    outcome: member('result'),
    reason: member('reason'),
    scope: member('scope'),
    // §2: the approval phase is the operator's decision on a gated action.
    approver: `(CASE WHEN ${member('phase')} = 'approval' THEN ${member('actor')} END)`,
    record_hash: member('hash'),
    prev_hash: member('prev'),
  },
};

/** AgentMesh `data` members the delegation columns read (agentmeshShared.ts): rows holding any go to JS. */
const AGENTMESH_DELEGATION_DATA = ['delegation_chain', 'delegation_depth'];

/**
 * mapAgentMeshSinkLine (shared/ingest/normalize/agentmeshEntry.ts; formats/agentmesh.md §5): the
 * FileAuditSink's 19 members. `data.reason` and `data.severity` are read as text; plain rows
 * have no delegation chain or depth inside `data` (agentmeshSql.ts) and decision words already
 * folded.
 */
/** The sink members the columns below read; each a JSON string or null when present. */
const AGENTMESH_SINK_READ = [
  'entry_id',
  'timestamp',
  'event_type',
  'agent_did',
  'action',
  'resource',
  'outcome',
  'target_did',
  'policy_decision',
  'matched_rule',
  'trace_id',
  'session_id',
  'content_hash',
  'previous_hash',
];
/** The free-form member: any JSON value, read inside only (`nested`). */
const AGENTMESH_SINK_FREE = ['data'];

const agentmeshSink: NativeFamily = {
  producer: 'agentmesh-sink',
  strings: AGENTMESH_SINK_READ,
  tokens: [],
  // The format's other members (verification reads them from the record itself): derived from
  // the verifier's member list, so the two name the same 19 members.
  others: [...SINK_LINE_MEMBERS].filter(
    (m) => !AGENTMESH_SINK_READ.includes(m) && !AGENTMESH_SINK_FREE.includes(m),
  ),
  free: AGENTMESH_SINK_FREE,
  nested: { data: ['reason', 'severity'] },
  plain: [
    requiredTextPlain('entry_id'),
    utcTimePlain('timestamp'),
    requiredTextPlain('event_type'),
    requiredTextPlain('agent_did'),
    decisionPlain('policy_decision'),
    decisionPlain('action'),
    // Not the names in quotes anywhere (a key, or a value that only sends the row to JS).
    ...AGENTMESH_DELEGATION_DATA.map((name) => `NOT contains(record, '"${name}"')`),
  ].join(' AND '),
  columns: {
    producer: sqlText('agentmesh-sink'),
    ts: utcTime('timestamp'),
    ts_raw: member('timestamp'),
    event_id: member('entry_id'),
    event_type: member('event_type'),
    agent_id: member('agent_did'),
    actor: member('agent_did'),
    action: member('action'),
    resource: member('resource'),
    target: emptyAsNull('target_did'),
    outcome: member('outcome'),
    ...agentmeshDecisionColumns(),
    reason: nestedMember('data', 'reason'),
    severity: nestedMember('data', 'severity'),
    matched_rule: emptyAsNull('matched_rule'),
    ...agentmeshDelegationColumns(),
    trace_id: emptyAsNull('trace_id'),
    session_id: emptyAsNull('session_id'),
    record_hash: emptyAsNull('content_hash'),
    prev_hash: member('previous_hash'),
  },
};

const FAMILIES: ReadonlyMap<string, NativeFamily> = new Map([
  [runtimeSteps.producer, runtimeSteps],
  [agentmeshSink.producer, agentmeshSink],
]);

/** The top-level members the INSERT reads (json_transform): all but the free-form ones. */
export function readMembersOf(family: NativeFamily): readonly string[] {
  return [...family.strings, ...family.tokens, ...family.others];
}

/** Every top-level member the format names (recordShape.ts counts a record's keys against them). */
export function membersOf(family: NativeFamily): readonly string[] {
  return [...readMembersOf(family), ...family.free];
}

export function nativeFamily(producer: string): NativeFamily | undefined {
  return FAMILIES.get(producer);
}
