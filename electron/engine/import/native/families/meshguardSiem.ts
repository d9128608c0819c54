/**
 * mapMeshguardSiemRecord (shared/ingest/normalize/meshguardSiem.ts; formats/meshguard.md §6): the
 * flat SIEM projection, its event's fields inside `meshguard`. The projection writes nulls, which
 * read as absent on both paths; `delegation_depth` is kept as written (0 without a delegation).
 */
import type { NativeFamily } from '../nativeFamilies';
import {
  decisionOf,
  decisionWordPlain,
  integer,
  member,
  nestedMember,
  optionalIntegerPlain,
  requiredTextPlain,
  sqlText,
  utcTime,
  utcTimePlain,
} from '../sqlFields';

const field = (name: string): string => nestedMember('meshguard', name);
const depth = field('delegation_depth');

export const meshguardSiem: NativeFamily = {
  producer: 'meshguard-siem',
  strings: ['timestamp', 'source', 'event_type', 'severity'],
  tokens: [],
  others: [],
  // §6: `tags` is the agent's tag list, which no column reads.
  free: ['meshguard', 'tags'],
  nested: {
    meshguard: {
      event_id: 'text',
      agent_id: 'text',
      agent_name: 'text',
      trust_tier: 'text',
      action: 'text',
      resource: 'text',
      decision: 'text',
      policy_id: 'text',
      delegation_depth: 'integer',
    },
  },
  closed: [],
  refused: [],
  plain: [
    requiredTextPlain(field('event_id')),
    utcTimePlain(member('timestamp')),
    requiredTextPlain(member('event_type')),
    decisionWordPlain(field('decision')),
    optionalIntegerPlain(depth),
  ].join(' AND '),
  columns: {
    producer: sqlText('meshguard-siem'),
    ts: utcTime(member('timestamp')),
    ts_raw: member('timestamp'),
    event_id: field('event_id'),
    event_type: member('event_type'),
    agent_id: field('agent_id'),
    agent_name: field('agent_name'),
    trust_tier: field('trust_tier'),
    actor: field('agent_id'),
    action: field('action'),
    resource: field('resource'),
    decision: decisionOf(field('decision')),
    decision_raw: field('decision'),
    severity: member('severity'),
    policy_id: field('policy_id'),
    delegation_depth: integer(depth),
    source: member('source'),
  },
  mapperAlsoFills: [],
};
