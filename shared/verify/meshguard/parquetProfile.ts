/**
 * The `meshguard-parquet` profile (formats/meshguard.md §8): rows rebuilt to audit events
 * (parquetRow.ts) verify as one chain from genesis, findings by row (`entryIndex`, no line), and
 * the whole-log anchor `*` applies.
 */
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import { meshguardRowToEvent } from './parquetRow';
import { readRecord, sourceRecords } from './records';
import { positionOf } from '../chain/position';
import { verifyMeshguardFiles, type PreparedFile, type PreparedItem } from './verifyFiles';

export function prepareParquetFile(source: VerifySource): PreparedFile {
  const records = sourceRecords(source);
  const items = records.map((record): PreparedItem => {
    const read = readRecord({ ...record, line: undefined });
    const at = positionOf({ entryIndex: record.entryIndex });
    if (!read.ok) return read;
    const rebuilt = meshguardRowToEvent(read.value);
    if (!rebuilt.ok)
      return {
        ...at,
        ok: false,
        finding: { kind: 'parse_error', ...at, detail: `schema_error: ${rebuilt.reason}` },
      };
    return { ...at, ok: true, event: rebuilt.event, findings: [] };
  });
  return { path: source.path, records: records.length, items, uncoveredFields: [] };
}

export function verifyMeshguardParquet(sources: VerifySource[], ctx: VerifyContext): FileOutcome[] {
  return verifyMeshguardFiles(sources.map(prepareParquetFile), ctx);
}

export const meshguardParquetProfile: Profile = { id: 'meshguard-parquet', verify: verifyMeshguardParquet };
