/**
 * The `runtime-steps-cloudevents` profile (formats/runtime-steps.md §7): `data` is the event with
 * prev, hash and sig and verifies as §5–§6; the envelope is covered by nothing, so `id`
 * (`run/step/phase`), `type`, `subject`, `time`, `specversion`, `datacontenttype` are checked against
 * `data`, and `source` must end with `data.tenant_id`. A disagreement is an `envelope_mismatch`.
 */
import type { JsonObject, JsonValue } from '../../json/value';
import type { Position } from '../chain/position';
import { prepareEnvelopes } from '../meshguard/prepared';
import { describeValue, sourceRecords } from '../meshguard/records';
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import type { Finding } from '../types';
import { verifyStepSources, type PreparedSteps } from './verifySteps';

const TYPE_PREFIX = 'io.agentruntime.step.';
const CHECKED = ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'data'];

function text(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function mismatch(at: Position, member: string, expected: string, actual: JsonValue | undefined): Finding {
  return {
    kind: 'envelope_mismatch',
    ...at,
    field: member,
    detail: `envelope_mismatch: "${member}" is ${describeValue(actual)}, data says ${expected}`,
    expected,
    actual: describeValue(actual),
  };
}

export function stepEnvelopeFindings(envelope: JsonObject, data: JsonObject, at: Position): Finding[] {
  const out: Finding[] = [];
  const runId = text(data.run_id);
  const phase = text(data.phase);
  const stepId = data.step_id;
  const expected: [string, string | undefined][] = [
    ['specversion', '1.0'],
    ['datacontenttype', 'application/json'],
    [
      'id',
      runId !== undefined && stepId !== undefined && phase !== undefined
        ? `${runId}/${String(stepId)}/${phase}`
        : undefined,
    ],
    ['type', phase === undefined ? undefined : TYPE_PREFIX + phase],
    ['subject', runId],
    ['time', text(data.timestamp)],
  ];
  for (const [member, value] of expected) {
    if (envelope[member] !== value)
      out.push(
        mismatch(
          at,
          member,
          value === undefined ? '(nothing to compare)' : JSON.stringify(value),
          envelope[member],
        ),
      );
  }
  const tenant = text(data.tenant_id);
  const source = text(envelope.source);
  if (tenant === undefined || source === undefined || !source.endsWith(tenant)) {
    out.push(
      mismatch(at, 'source', `a source ending with ${describeValue(data.tenant_id)}`, envelope.source),
    );
  }
  return out;
}

export function prepareStepCloudEvents(source: VerifySource): PreparedSteps {
  const records = sourceRecords(source);
  const { items, unchecked } = prepareEnvelopes(records, stepEnvelopeFindings, CHECKED);
  // Only the end of `source` is checked (it must name the tenant); its prefix is covered by nothing (§7).
  return {
    path: source.path,
    steps: items,
    uncoveredFields: ['source (the prefix before the tenant id)', ...unchecked],
  };
}

export function verifyRuntimeStepsCloudEvents(sources: VerifySource[], ctx: VerifyContext): FileOutcome[] {
  return verifyStepSources(sources.map(prepareStepCloudEvents), ctx);
}

export const runtimeStepsCloudEventsProfile: Profile = {
  id: 'runtime-steps-cloudevents',
  verify: verifyRuntimeStepsCloudEvents,
};
