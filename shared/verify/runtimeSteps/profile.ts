/** The `runtime-steps` profile: per-tenant JSONL files, a SHA-256 chain per run, HMAC-SHA256 per event (formats/runtime-steps.md). */
import { prepareLines } from '../meshguard/prepared';
import { sourceRecords } from '../meshguard/records';
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import { verifyStepSources, type PreparedSteps } from './verifySteps';

/** Tenant lines as they are: each parsed line is the event (§1); a line that does not parse is a parse_error (§6 step 1). */
export function prepareStepsFile(source: VerifySource): PreparedSteps {
  const records = sourceRecords(source);
  return { path: source.path, records: records.length, steps: prepareLines(records), uncoveredFields: [] };
}

export function verifyRuntimeSteps(sources: VerifySource[], ctx: VerifyContext): FileOutcome[] {
  return verifyStepSources(sources.map(prepareStepsFile), ctx);
}

export const runtimeStepsProfile: Profile = { id: 'runtime-steps', verify: verifyRuntimeSteps };
