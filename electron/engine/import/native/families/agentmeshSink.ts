import { SINK_LINE_MEMBERS } from '../../../../../shared/verify/agentmesh/sinkPayload';
import { agentmeshDecisionColumns, agentmeshDelegationColumns } from '../agentmeshSql';
import type { NativeFamily } from '../nativeFamilies';
import {
  decisionWordPlain,
  emptyAsNull,
  member,
  nestedMember,
  requiredTextPlain,
  sqlText,
  utcTime,
  utcTimePlain,
} from '../sqlFields';

/** AgentMesh `data` members the delegation columns read (agentmeshShared.ts): rows holding any go to JS. */
const AGENTMESH_DELEGATION_DATA = ['delegation_chain', 'delegation_depth'];

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
/** The free-form member: a JSON value of whatever type, read inside only (`nested`). */
const AGENTMESH_SINK_FREE = ['data'];

/**
 * mapAgentMeshSinkLine (shared/ingest/normalize/agentmeshEntry.ts; formats/agentmesh.md §5): the
 * FileAuditSink's 19 members. `data.reason` and `data.severity` are read as text; plain rows
 * have no delegation chain or depth inside `data` (agentmeshSql.ts) and decision words already
 * folded.
 */
export const agentmeshSink: NativeFamily = {
  producer: 'agentmesh-sink',
  strings: AGENTMESH_SINK_READ,
  tokens: [],
  // The format's other members (verification reads them from the record itself): derived from
  // the verifier's member list, so the two name the same 19 members.
  others: [...SINK_LINE_MEMBERS].filter(
    (m) => !AGENTMESH_SINK_READ.includes(m) && !AGENTMESH_SINK_FREE.includes(m),
  ),
  free: AGENTMESH_SINK_FREE,
  closed: [],
  nested: { data: { reason: 'text', severity: 'text' } },
  refused: AGENTMESH_DELEGATION_DATA,
  plain: [
    requiredTextPlain(member('entry_id')),
    utcTimePlain(member('timestamp')),
    requiredTextPlain(member('event_type')),
    requiredTextPlain(member('agent_did')),
    decisionWordPlain(member('policy_decision')),
    decisionWordPlain(member('action')),
  ].join(' AND '),
  columns: {
    producer: sqlText('agentmesh-sink'),
    ts: utcTime(member('timestamp')),
    ts_raw: member('timestamp'),
    event_id: member('entry_id'),
    event_type: member('event_type'),
    agent_id: member('agent_did'),
    actor: member('agent_did'),
    action: member('action'),
    resource: member('resource'),
    target: emptyAsNull(member('target_did')),
    outcome: member('outcome'),
    ...agentmeshDecisionColumns(),
    reason: nestedMember('data', 'reason'),
    severity: nestedMember('data', 'severity'),
    matched_rule: emptyAsNull(member('matched_rule')),
    ...agentmeshDelegationColumns(),
    trace_id: emptyAsNull(member('trace_id')),
    session_id: emptyAsNull(member('session_id')),
    record_hash: emptyAsNull(member('content_hash')),
    prev_hash: member('previous_hash'),
  },
  // Delegation records with a chain or depth in `data`, and the members the SQL leaves to JS
  // (`refused`), take the JS path (shared/ingest/normalize/agentmeshEntry.ts, agentmeshShared.ts).
  mapperAlsoFills: ['policy_version', 'approver', 'delegation_depth', 'delegation_root', 'delegation_path'],
};
