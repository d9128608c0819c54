/**
 * The `meshguard-cloudevents` profile (formats/meshguard.md §7): one CloudEvents 1.0 envelope per
 * line whose `data` is the complete audit event. `data` verifies as the audit line does; the
 * envelope is covered by nothing, so `id`, `type`, `subject`, `time`, `specversion` and
 * `datacontenttype` are checked against `data` and a disagreement is an `envelope_mismatch`.
 */
import type { JsonObject } from '../../json/value';
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import type { Finding } from '../types';
import { prepareEnvelopes } from './prepared';
import { describeValue, sourceRecords, stringMember } from './records';
import type { Position } from '../chain/position';
import { verifyMeshguardFiles, type PreparedFile } from './verifyFiles';

const TYPE_PREFIX = 'com.meshguard.audit.';
/** Envelope members checked against `data`; any other member (`source`, extensions) is covered by nothing. */
const CHECKED = ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'data'];

function compare(
  out: Finding[],
  at: Position,
  envelope: JsonObject,
  member: string,
  expected: string | undefined,
): void {
  const actual = envelope[member];
  if (actual === expected) return;
  const detail =
    expected === undefined
      ? `envelope_mismatch: "${member}" is ${describeValue(actual)}, but data has nothing it could name`
      : `envelope_mismatch: "${member}" is ${describeValue(actual)}, data says ${JSON.stringify(expected)}`;
  out.push({
    kind: 'envelope_mismatch',
    ...at,
    field: member,
    detail,
    expected: expected ?? '(absent)',
    actual: describeValue(actual),
  });
}

/** Envelope members vs data (§7). `subject` is absent exactly when the event has no agent. */
export function meshguardEnvelopeFindings(envelope: JsonObject, data: JsonObject, at: Position): Finding[] {
  const out: Finding[] = [];
  compare(out, at, envelope, 'specversion', '1.0');
  compare(out, at, envelope, 'datacontenttype', 'application/json');
  compare(out, at, envelope, 'id', stringMember(data, 'event_id'));
  const eventType = stringMember(data, 'event_type');
  compare(out, at, envelope, 'type', eventType === undefined ? undefined : TYPE_PREFIX + eventType);
  compare(out, at, envelope, 'subject', stringMember(data.agent, 'id'));
  compare(out, at, envelope, 'time', stringMember(data, 'timestamp'));
  return out;
}

export function prepareCloudEventsFile(source: VerifySource): PreparedFile {
  const records = sourceRecords(source);
  const { items, unchecked } = prepareEnvelopes(records, meshguardEnvelopeFindings, CHECKED);
  // `source` is checked against nothing in data (§7).
  return { path: source.path, records: records.length, items, uncoveredFields: ['source', ...unchecked] };
}

export function verifyMeshguardCloudEvents(sources: VerifySource[], ctx: VerifyContext): FileOutcome[] {
  return verifyMeshguardFiles(sources.map(prepareCloudEventsFile), ctx);
}

export const meshguardCloudEventsProfile: Profile = {
  id: 'meshguard-cloudevents',
  verify: verifyMeshguardCloudEvents,
};
