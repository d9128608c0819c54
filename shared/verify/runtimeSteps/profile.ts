/** The `runtime-steps` profile: per-tenant JSONL files, a SHA-256 chain per run, HMAC-SHA256 per event (formats/runtime-steps.md). */
import { positionOf } from '../chain/position';
import type { PreparedRecord } from '../meshguard/prepared';
import { readRecord, sourceRecords } from '../meshguard/records';
import type { FileOutcome, Profile, VerifyContext, VerifyRecord, VerifySource } from '../profile';
import type { CheckedStepsFile } from './checkedFile';
import { verifyStepSources, type PreparedSteps } from './verifySteps';

/** Each parsed line is the event (§1); a line that does not parse is a parse_error (§6 step 1). One line at a time. */
function* preparedLines(records: Iterable<VerifyRecord>): Generator<PreparedRecord> {
  for (const record of records) {
    const read = readRecord(record);
    yield read.ok ? { ...positionOf(read), ok: true, event: read.value, findings: [] } : read;
  }
}

/**
 * Tenant lines as they are; the source's records are iterated, never held, so a large file stays
 * out of memory. A file already checked elsewhere (`prechecked`) is not read at all.
 */
export function prepareStepsFile(source: VerifySource, prechecked?: CheckedStepsFile): PreparedSteps {
  if (prechecked !== undefined)
    return { path: source.path, steps: [], uncoveredFields: [], checked: prechecked };
  const records = source.records ?? sourceRecords(source);
  return {
    path: source.path,
    steps: { [Symbol.iterator]: () => preparedLines(records) },
    uncoveredFields: [],
  };
}

export function verifyRuntimeSteps(sources: VerifySource[], ctx: VerifyContext): FileOutcome[] {
  return verifyStepSources(
    sources.map((s) => prepareStepsFile(s, ctx.prechecked?.get(s.path))),
    ctx,
  );
}

export const runtimeStepsProfile: Profile = { id: 'runtime-steps', verify: verifyRuntimeSteps };
