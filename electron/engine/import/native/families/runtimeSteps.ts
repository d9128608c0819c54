import type { NativeFamily } from '../nativeFamilies';
import {
  afterPrefix,
  decisionOf,
  decisionWordPlain,
  integer,
  member,
  nestedMember,
  requiredIntegerPlain,
  requiredTextPlain,
  sqlText,
  utcTime,
  utcTimePlain,
} from '../sqlFields';

/** The event's members the mapper reads, besides the integer `step_id`; each a string or null. */
const EVENT_TEXT = [
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
] as const;
/** formats/runtime-steps.md §2: members no column reads (verification reads them from the record itself). */
const EVENT_OTHERS = ['args_hash', 'sig'];
/** formats/runtime-steps.md §1–§2: the producer's line, members in the order of §2; `result` in post_exec only. */
const EVENT_LAYOUT = [
  'run_id',
  'step_id',
  'tenant_id',
  'action',
  'action_key',
  'timestamp',
  'phase',
  'decision',
  'reason',
  'actor',
  'scope',
  'args_hash',
  'result?',
  'prev',
  'hash',
  'sig',
];

/**
 * runtimeStepsEvent (shared/ingest/normalize/runtimeSteps.ts; formats/runtime-steps.md §2) over
 * the event's members as `field(name)` reads them: at the top of the record, or inside a
 * CloudEvent's `data`.
 */
function eventSql(field: (name: string) => string): { plain: string[]; columns: Record<string, string> } {
  const actor = field('actor');
  const phase = field('phase');
  return {
    plain: [
      requiredTextPlain(field('run_id')),
      requiredIntegerPlain(field('step_id')),
      requiredTextPlain(phase),
      utcTimePlain(field('timestamp')),
      decisionWordPlain(field('decision')),
    ],
    columns: {
      producer: sqlText('runtime-steps'),
      ts: utcTime(field('timestamp')),
      ts_raw: field('timestamp'),
      // The plain rules leave run_id and phase non-empty and step_id a canonical integer, whose text
      // is its BigInt's: one concat, where `||` built three strings on the way.
      event_id: `concat(${field('run_id')}, '/', ${field('step_id')}, '/', ${phase})`,
      event_type: phase,
      agent_id: afterPrefix(actor, 'agent:'),
      actor,
      user_id: afterPrefix(actor, 'user:'),
      tenant: field('tenant_id'),
      run_id: field('run_id'),
      step: integer(field('step_id')),
      phase,
      action: field('action'),
      action_key: field('action_key'),
      decision: decisionOf(field('decision')),
      decision_raw: field('decision'),
      outcome: field('result'),
      reason: field('reason'),
      scope: field('scope'),
      // §2: the approval phase is the operator's decision on a gated action.
      approver: `(CASE WHEN ${phase} = 'approval' THEN ${actor} END)`,
      record_hash: field('hash'),
      prev_hash: field('prev'),
    },
  };
}

const topLevel = eventSql(member);

/** mapRuntimeStepsEvent: the per-tenant JSONL (§1–§2). */
export const runtimeSteps: NativeFamily = {
  producer: 'runtime-steps',
  strings: EVENT_TEXT,
  tokens: ['step_id'],
  others: EVENT_OTHERS,
  free: [],
  closed: [],
  nested: {},
  refused: [],
  layout: EVENT_LAYOUT,
  plain: topLevel.plain.join(' AND '),
  columns: topLevel.columns,
  mapperAlsoFills: [],
};

const inData = eventSql((name) => nestedMember('data', name));

/**
 * mapRuntimeStepsCloudEvent (wrappedCloudEvent.ts, cloudEventEnvelope.ts; §7): the event in
 * `data`, and from the envelope only `source` and `subject`; `specversion`, `id`, `type` and
 * `source` must be non-empty text and `time` a time, as readCloudEventEnvelope requires. The
 * tracing members the envelope reader also reads must be text, and any other envelope member
 * sends the row to JS (recordShape.ts counts the keys).
 */
export const runtimeStepsCloudEvents: NativeFamily = {
  producer: 'runtime-steps-cloudevents',
  strings: ['specversion', 'id', 'type', 'source', 'time', 'subject'],
  tokens: [],
  others: ['datacontenttype', 'traceparent', 'traceid', 'sessionid'],
  free: ['data'],
  // Every member of the event is read, the two no column needs too, so a compact line's length
  // accounts for all of it (recordShape.ts).
  nested: {
    data: {
      ...Object.fromEntries([...EVENT_TEXT, ...EVENT_OTHERS].map((name) => [name, 'text' as const])),
      step_id: 'integer',
    },
  },
  closed: ['data'],
  refused: [],
  // §7: the envelope's members in the order the producer writes them, the event in `data`.
  layout: [
    'specversion',
    'id',
    'source',
    'type',
    'subject',
    'time',
    'datacontenttype',
    { object: 'data', fields: EVENT_LAYOUT },
  ],
  plain: [
    requiredTextPlain(member('specversion')),
    requiredTextPlain(member('id')),
    requiredTextPlain(member('type')),
    requiredTextPlain(member('source')),
    utcTimePlain(member('time')),
    ...inData.plain,
  ].join(' AND '),
  columns: {
    ...inData.columns,
    producer: sqlText('runtime-steps-cloudevents'),
    source: member('source'),
    subject: member('subject'),
  },
  mapperAlsoFills: [],
};
