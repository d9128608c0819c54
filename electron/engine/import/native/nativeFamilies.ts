/**
 * Families DuckDB can normalize by itself for plain rows (nativeJsonl.ts). Each entry restates
 * its JS mapper (shared/ingest/normalize/*) in SQL for the simple shapes only: `plain` is true
 * exactly when the mapper would map the row with no note and get what `columns` compute. Rows
 * that are not plain go to the JS mapper, which stays the reference; the equivalence tests import
 * every fixture both ways and compare every column.
 */
import {
  afterPrefix,
  decision,
  decisionPlain,
  integer,
  requiredIntegerPlain,
  requiredTextPlain,
  str,
  textPlain,
  utcTime,
  utcTimePlain,
  sqlText,
} from './sqlFields';

export interface NativeFamily {
  producer: string;
  /** Top-level members the SQL reads (each as `j_<name>`, JSON text). */
  members: readonly string[];
  /**
   * The format's other top-level members, which the SQL does not read. A record with a key named
   * in neither list goes to the JS path (nativeJsonl.ts, everyKeyKnownOnce).
   */
  others: readonly string[];
  /** SQL boolean over the members. */
  plain: string;
  /** Canonical column → SQL expression; columns not named are NULL. */
  columns: Readonly<Record<string, string>>;
}

/** mapRuntimeStepsEvent (shared/ingest/normalize/runtimeSteps.ts; formats/runtime-steps.md §2). */
const RUNTIME_STEPS_TEXT = [
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

const runtimeSteps: NativeFamily = {
  producer: 'runtime-steps',
  members: ['run_id', 'step_id', 'phase', 'timestamp', 'decision', ...RUNTIME_STEPS_TEXT],
  // formats/runtime-steps.md §2; verification reads these from the record itself.
  others: ['args_hash', 'sig'],
  plain: [
    requiredTextPlain('run_id'),
    requiredIntegerPlain('step_id'),
    requiredTextPlain('phase'),
    utcTimePlain('timestamp'),
    decisionPlain('decision'),
    ...RUNTIME_STEPS_TEXT.map(textPlain),
  ].join(' AND '),
  columns: {
    producer: sqlText('runtime-steps'),
    ts: utcTime('timestamp'),
    ts_raw: str('timestamp'),
    event_id: `${str('run_id')} || '/' || CAST(${integer('step_id')} AS VARCHAR) || '/' || ${str('phase')}`,
    event_type: str('phase'),
    agent_id: afterPrefix(str('actor'), 'agent:'),
    actor: str('actor'),
    user_id: afterPrefix(str('actor'), 'user:'),
    tenant: str('tenant_id'),
    run_id: str('run_id'),
    step: integer('step_id'),
    phase: str('phase'),
    action: str('action'),
    action_key: str('action_key'),
    decision: decision('decision'),
    decision_raw: str('decision'),
    outcome: str('result'),
    reason: str('reason'),
    scope: str('scope'),
    // §2: the approval phase is the operator's decision on a gated action.
    approver: `(CASE WHEN ${str('phase')} = 'approval' THEN ${str('actor')} END)`,
    record_hash: str('hash'),
    prev_hash: str('prev'),
  },
};

const FAMILIES: ReadonlyMap<string, NativeFamily> = new Map([[runtimeSteps.producer, runtimeSteps]]);

export function nativeFamily(producer: string): NativeFamily | undefined {
  return FAMILIES.get(producer);
}
