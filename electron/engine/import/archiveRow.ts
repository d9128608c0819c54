/**
 * Writes an imported file's row in `archives` (custody: SHA-256, size, path, times, tool
 * version, what was detected and noticed) and answers the file's line of the import report.
 */
import type { ImportFileReport } from '../../../shared/contract/model';
import type { Db } from '../case/db';
import { jsonColumnText } from '../case/jsonColumn';
import { stat } from 'node:fs/promises';
import { ArchiveReadError } from './archiveReadError';
import type { Detection } from './ingest';
import { reportedContainer, type Container } from './recordSource';

export interface ArchiveFacts {
  /** Where the bytes were read. */
  path: string;
  /** The path the case records (the original name of an upload; else the file's path). */
  recordedPath: string;
  /** What the user knows the file as. */
  displayName: string;
  archiveId: string;
  sha256: string;
  /** Size and modification time when the import began. */
  size: number;
  mtimeMs: number;
  toolVersion: string;
  detection: Detection;
  container: Container;
  compressed: boolean;
  counts: { records: number; quarantined: number };
  notes: string[];
  header: Record<string, string>;
}

/**
 * The SHA-256 and size the case records must be of the bytes the records came from. A file
 * written to while it was read (a live log) breaks that, so the import stops and names it: the
 * size or modification time it had when the import began must still be what it has now.
 */
async function assertUnchanged(f: ArchiveFacts): Promise<void> {
  const now = await stat(f.path);
  if (now.size !== f.size || now.mtimeMs !== f.mtimeMs)
    throw new ArchiveReadError(
      f.displayName,
      `the file changed while it was imported (${f.size} → ${now.size} bytes): import a copy that is no longer written to`,
    );
}

export async function recordArchive(db: Db, f: ArchiveFacts): Promise<ImportFileReport> {
  await assertUnchanged(f);
  const notes = [...f.notes];
  if (f.compressed) notes.push('gzip: line numbers and byte offsets refer to the decompressed text');
  if (f.container === 'parquet')
    notes.push(
      'Parquet has no record bytes: raw holds DuckDB to_json() of each row; the file SHA-256 is the evidence',
    );
  await db.run(
    `INSERT INTO archives VALUES (?, ?, ?, ?, ?, ?, to_timestamp(?), now(), ?, ?, ?, ?, ?, ?, ?::JSON, ?::JSON)`,
    [
      f.archiveId,
      f.recordedPath,
      f.path,
      f.displayName.split(/[\\/]/).pop() ?? f.displayName,
      f.sha256,
      f.size,
      f.mtimeMs / 1000,
      f.toolVersion,
      f.detection.producer,
      f.container,
      f.compressed,
      f.counts.records,
      f.counts.quarantined,
      jsonColumnText({ ...f.detection, header: f.header }),
      jsonColumnText(notes),
    ],
  );
  const report: ImportFileReport = {
    path: f.path,
    sha256: f.sha256,
    producer: f.detection.producer,
    container: reportedContainer(f.container, f.compressed),
    records: f.counts.records,
    quarantined: f.counts.quarantined,
    archiveId: f.archiveId,
    detection: { confidence: f.detection.confidence, evidence: f.detection.evidence },
  };
  if (notes.length > 0) report.notes = notes;
  return report;
}
