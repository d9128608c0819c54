/**
 * mapMeshguardEvent (shared/ingest/normalize/meshguard.ts; formats/meshguard.md §2) for the
 * events a gateway writes most: policy decisions, context access and delegation start and end.
 * Rows holding a `policy`, `lifecycle` or `anomaly` member (policy updates, lifecycle changes,
 * anomalies: a few per thousand) go to the JS mapper, which reads reason, target and actor from
 * them.
 */
import type { NativeFamily } from '../nativeFamilies';
import {
  decisionOf,
  decisionWordPlain,
  member,
  nestedMember,
  optionalIntegerPlain,
  present,
  requiredTextPlain,
  sqlText,
  utcTime,
  utcTimePlain,
} from '../sqlFields';

const agent = (f: string): string => nestedMember('agent', f);
const delegation = (f: string): string => nestedMember('delegation', f);
const hops = delegation('chain');

/** Members whose rows go to JS (see above): not read here. */
const LEFT_TO_JS = ['policy', 'lifecycle', 'anomaly'];

/**
 * §2 delegation: the path is the hops' delegators, root first, then `agent.id`. The JS mapper
 * takes the hops only when every one is an object with a string `agent_id` (recordShape.ts has
 * shown each element holds exactly one such key, a string or null); then the delegator is the
 * last hop.
 */
const complete = `(len(${hops}) > 0 AND len(list_filter(${hops}, x -> x IS NOT NULL)) = len(${hops}))`;
const pathIds = `list_append(${hops}, ${agent('id')})`;
const hasPath = `(${present('delegation')} AND ${complete} AND ${agent('id')} IS NOT NULL)`;

/**
 * delegationPathJson() is JSON.stringify of the ids; joined in SQL it is the same text when no id
 * holds a character JSON escapes (a quote, a backslash, a control character: those rows go to
 * JS, as does DEL, which [:cntrl:] also names).
 */
const pathPlain = `NOT (${hasPath} AND regexp_matches(array_to_string(${pathIds}, ''), '[[:cntrl:]"\\\\]'))`;
const pathJson = `'["' || array_to_string(${pathIds}, '","') || '"]'`;

/** RecordReader.integer(): a canonical integer token (or the same digits in a string), else JS. */
const depthPlain = optionalIntegerPlain(delegation('depth'));

const whenDelegated = (sql: string): string => `(CASE WHEN ${present('delegation')} THEN ${sql} END)`;

export const meshguard: NativeFamily = {
  producer: 'meshguard',
  strings: ['event_id', 'timestamp', 'event_type'],
  tokens: [],
  others: [],
  // §2: every other member is an object.
  free: [
    'agent',
    'action',
    'decision',
    'context',
    'delegation',
    'result',
    'metadata',
    'integrity',
    ...LEFT_TO_JS,
  ],
  nested: {
    agent: { id: 'text', name: 'text', trust_tier: 'text', session_id: 'text' },
    action: { type: 'text', resource: 'text' },
    decision: { effect: 'text', policy_id: 'text', rule_matched: 'text' },
    context: { data_subject_id: 'text', data_classification: 'text' },
    delegation: { chain: { listOf: 'agent_id' }, depth: 'integer', chain_id: 'text', root_agent: 'text' },
    result: { status: 'text' },
    metadata: { client_ip: 'text' },
    integrity: { hash: 'text', prev: 'text' },
  },
  closed: [],
  refused: LEFT_TO_JS,
  plain: [
    requiredTextPlain(member('event_id')),
    utcTimePlain(member('timestamp')),
    requiredTextPlain(member('event_type')),
    decisionWordPlain(nestedMember('decision', 'effect')),
    depthPlain,
    pathPlain,
  ].join(' AND '),
  columns: {
    producer: sqlText('meshguard'),
    ts: utcTime(member('timestamp')),
    ts_raw: member('timestamp'),
    event_id: member('event_id'),
    event_type: member('event_type'),
    agent_id: agent('id'),
    agent_name: agent('name'),
    trust_tier: agent('trust_tier'),
    // People act only in policy updates and lifecycle changes, which go to JS.
    actor: agent('id'),
    action: nestedMember('action', 'type'),
    resource: nestedMember('action', 'resource'),
    decision: decisionOf(nestedMember('decision', 'effect')),
    decision_raw: nestedMember('decision', 'effect'),
    outcome: nestedMember('result', 'status'),
    policy_id: nestedMember('decision', 'policy_id'),
    matched_rule: nestedMember('decision', 'rule_matched'),
    delegator: `(CASE WHEN ${present('delegation')} AND ${complete} THEN ${hops}[-1] END)`,
    delegate: whenDelegated(agent('id')),
    delegation_depth: whenDelegated(`CAST(${delegation('depth')} AS BIGINT)`),
    delegation_chain_id: whenDelegated(delegation('chain_id')),
    delegation_root: whenDelegated(delegation('root_agent')),
    delegation_path: `(CASE WHEN ${hasPath} THEN ${pathJson} END)`,
    data_subject: nestedMember('context', 'data_subject_id'),
    data_classification: nestedMember('context', 'data_classification'),
    session_id: agent('session_id'),
    client_ip: nestedMember('metadata', 'client_ip'),
    record_hash: nestedMember('integrity', 'hash'),
    prev_hash: nestedMember('integrity', 'prev'),
  },
  // Lifecycle, policy-update and anomaly events take the JS path (shared/ingest/normalize/meshguard.ts).
  mapperAlsoFills: ['target', 'reason', 'severity', 'policy_version'],
};
