/** The `runtime-steps` profile: per-tenant JSONL files, a SHA-256 chain per run, HMAC-SHA256 per event (formats/runtime-steps.md). */
import { positionOf, readRecord, sourceRecords } from '../meshguard/records';
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import { verifyStepSources, type PreparedStep, type PreparedSteps } from './verifySteps';

export function prepareStepsFile(source: VerifySource): PreparedSteps {
  const records = sourceRecords(source);
  const steps = records.map((record): PreparedStep => {
    const read = readRecord(record);
    return read.ok ? { ...positionOf(read), ok: true, event: read.value, findings: [] } : read;
  });
  return { path: source.path, records: records.length, steps, uncoveredFields: [] };
}

export function verifyRuntimeSteps(sources: VerifySource[], ctx: VerifyContext): FileOutcome[] {
  return verifyStepSources(sources.map(prepareStepsFile), ctx);
}

export const runtimeStepsProfile: Profile = { id: 'runtime-steps', verify: verifyRuntimeSteps };
