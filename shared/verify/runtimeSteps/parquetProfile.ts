/**
 * The `runtime-steps-parquet` profile (formats/runtime-steps.md §8): rows rebuilt to events
 * (parquetRow.ts) verify exactly as §6, findings by row (`entryIndex`, no line). The copy holds
 * every tenant, so the per-run anchors of every tenant apply.
 */
import type { PreparedRecord } from '../meshguard/prepared';
import { readRecord, sourceRecords } from '../meshguard/records';
import { positionOf } from '../chain/position';
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import { stepRowToEvent } from './parquetRow';
import { verifyStepSources, type PreparedSteps } from './verifySteps';

export function prepareStepsParquet(source: VerifySource): PreparedSteps {
  const records = sourceRecords(source);
  const steps = records.map((record): PreparedRecord => {
    const at = positionOf({ entryIndex: record.entryIndex });
    const read = readRecord({ ...record, line: undefined });
    if (!read.ok) return read;
    const rebuilt = stepRowToEvent(read.value);
    if (!rebuilt.ok)
      return {
        ...at,
        ok: false,
        finding: {
          kind: 'parse_error',
          ...at,
          ...(rebuilt.field === undefined ? {} : { field: rebuilt.field }),
          detail: `schema_error: ${rebuilt.reason}`,
        },
      };
    return { ...at, ok: true, event: rebuilt.event, findings: [] };
  });
  return { path: source.path, steps, uncoveredFields: [] };
}

export function verifyRuntimeStepsParquet(sources: VerifySource[], ctx: VerifyContext): FileOutcome[] {
  return verifyStepSources(sources.map(prepareStepsParquet), ctx);
}

export const runtimeStepsParquetProfile: Profile = {
  id: 'runtime-steps-parquet',
  verify: verifyRuntimeStepsParquet,
};
