/**
 * runtime-steps events (formats/runtime-steps.md §2): per-tenant JSONL, Parquet rows (§8: a typed
 * TIMESTAMP rendered by DuckDB without zone, read as UTC) and CloudEvents `data` (§7). The event has
 * no id of its own; `<run_id>/<step_id>/<phase>` is the id its CloudEvents copy uses.
 */
import type { JsonValue } from '../../json/value';
import type { CanonicalEvent } from '../canonicalEvent';
import { decisionFromWord } from '../decision';
import { RecordReader } from './reader';
import { mapWrappedCloudEvent } from './wrappedCloudEvent';
import { isFailure, success, type MapContext, type MapFailure, type MapResult } from './types';

export function mapRuntimeStepsEvent(record: JsonValue, _ctx: MapContext): MapResult {
  const r = RecordReader.open(record, 'a runtime-steps event');
  if (isFailure(r)) return r;
  const event = runtimeStepsEvent(r);
  return isFailure(event) ? event : success(event, r.notes());
}

export function mapRuntimeStepsCloudEvent(record: JsonValue, _ctx: MapContext): MapResult {
  return mapWrappedCloudEvent(record, 'runtime-steps-cloudevents', runtimeStepsEvent);
}

function runtimeStepsEvent(r: RecordReader): CanonicalEvent | MapFailure {
  const runId = r.requireText('run_id');
  if (isFailure(runId)) return runId;
  const step = r.requireInteger('step_id');
  if (isFailure(step)) return step;
  const phase = r.requireText('phase');
  if (isFailure(phase)) return phase;
  const time = r.time('timestamp');
  if (isFailure(time)) return time;
  const actor = r.text('actor');
  const decision = r.text('decision');
  return {
    producer: 'runtime-steps',
    ts: time.iso,
    ts_raw: time.raw,
    event_id: `${runId}/${step}/${phase}`,
    event_type: phase,
    agent_id: afterPrefix(actor, 'agent:'),
    actor,
    user_id: afterPrefix(actor, 'user:'),
    tenant: r.text('tenant_id'),
    run_id: runId,
    step,
    phase,
    action: r.text('action'),
    action_key: r.text('action_key'),
    decision: decision === undefined ? undefined : decisionFromWord(decision),
    decision_raw: decision,
    outcome: r.text('result'),
    reason: r.text('reason'),
    scope: r.text('scope'),
    // §2: the approval phase is the operator's decision on a gated action.
    approver: phase === 'approval' ? actor : undefined,
    record_hash: r.text('hash'),
    prev_hash: r.text('prev'),
  };
}

function afterPrefix(actor: string | undefined, prefix: string): string | undefined {
  return actor?.startsWith(prefix) ? actor.slice(prefix.length) : undefined;
}
