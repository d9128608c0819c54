/**
 * One `archive.import` call: every file in one transaction, so the case gains all of it or
 * none of it (a kill mid-import leaves only an uncommitted WAL tail that DuckDB discards).
 * A file that is not an archive is reported and skipped; the others still import.
 */
import { createHash, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { ImportReport } from '../../../shared/contract/model';
import type { Mapping } from '../../../shared/ingest/mapping';
import type { ImportProgress } from '../../../shared/contract/events';
import type { Db } from '../case/db';
import { appendCustody } from '../case/custody';
import { addEventColumns, EventColumns, MissingEventColumns } from '../case/eventTable';
import { Writeback } from '../case/writeback';
import { importFile } from './importFile';
import { importNativeFiles, type PendingNativeFile } from './native/nativeFiles';
import type { Ingest } from './ingest';
import { EventStaging, stagingPath } from './eventStaging';
import { defaultWorkerFile, NormalizerPool } from './normalizerPool';
import { TableWriter } from './rowWriter';
import { trace } from '../trace';

export interface ImportRequest {
  importId?: string;
  /** Absolute paths on this machine (uploads are resolved to paths by the caller). */
  /** `upload`: the bytes sit in the uploads folder; the case records the original name as the path. */
  files: { path: string; displayName?: string; upload?: boolean }[];
  producer?: string;
  mapping?: Mapping;
}

export interface ImportDeps {
  db: Db;
  ingest: Ingest;
  /** Worker threads for normalization; created per import when absent. */
  pool?: NormalizerPool;
  toolVersion: string;
  /** Let DuckDB import plain JSONL of families it can normalize (import/native/). */
  native: boolean;
  /** Tagged-copy bytes after which the native files read so far are inserted (NATIVE_BATCH_BYTES). */
  nativeBatchBytes?: number;
  signal: AbortSignal;
  progress(event: ImportProgress): void;
}

/** The quarantine table's columns, in order (schema.ts). */
export const QUARANTINE_COLUMNS = [
  'archive_id',
  'entry_index',
  'line',
  'byte_offset',
  'byte_length',
  'raw',
  'reason',
  'field',
];
const PROGRESS_EVERY_MS = 200;
/**
 * Native files wait for one INSERT per family (native/nativeFiles.ts) until their tagged copies
 * reach this size: past it an INSERT gives each DuckDB thread well over a row group, which it
 * writes as it goes, and a call of many large files need not hold all their copies at once.
 */
const NATIVE_BATCH_BYTES = 1024 ** 3;

/** Unique per file of the call, the same path given twice included (its tagged copy is named by it). */
function archiveIdFor(path: string, importId: string, fileIndex: number): string {
  return createHash('sha256').update(`${importId}\0${fileIndex}\0${path}`).digest('hex').slice(0, 16);
}

/**
 * Runs the call. An attempt that finds, after it has inserted events, that the case lacks a column
 * a record fills (eventTable.ts) is rolled back; the case then gets every canonical column and the
 * call runs again, which then cannot lack one.
 */
export async function runImport(req: ImportRequest, deps: ImportDeps): Promise<ImportReport> {
  const importId = req.importId ?? randomUUID();
  try {
    return await attemptImport(req, importId, deps);
  } catch (thrown) {
    if (!(thrown instanceof MissingEventColumns)) throw thrown;
    trace('import.retry', { columns: thrown.columns });
    const { db, ingest } = deps;
    await db.transaction(() =>
      addEventColumns(
        db,
        ingest.columns,
        ingest.columns.map((c) => c.name),
      ),
    );
    return attemptImport(req, importId, deps);
  }
}

async function attemptImport(req: ImportRequest, importId: string, deps: ImportDeps): Promise<ImportReport> {
  const started = Date.now();
  const { db } = deps;
  return db.transaction(async () => {
    const columns = await EventColumns.load(db, deps.ingest.columns);
    const events = new EventStaging(stagingPath(db.path, importId), deps.ingest.columns, columns);
    const pool = deps.pool ?? NormalizerPool.create(deps.ingest, defaultWorkerFile(import.meta.url));
    const quarantine = await TableWriter.open(db, 'quarantine', QUARANTINE_COLUMNS);
    const writeback = Writeback.start(db.path);
    // Plain JSON Lines files of a native family, each with its slot in `files`: they are inserted
    // together (native/nativeFiles.ts) once their copies are large enough or every file is read.
    const pending: { file: PendingNativeFile; slot: number }[] = [];
    const pendingBySha = new Map<string, string>();
    const files: (ImportReport['files'][number] | undefined)[] = [];
    const insertPending = async (): Promise<void> => {
      const batch = pending.splice(0);
      try {
        const reports = await importNativeFiles(
          batch.map((p) => p.file),
          { db, columns, events, quarantine, pool, signal: deps.signal },
        );
        batch.forEach(({ slot }, i) => (files[slot] = reports[i]));
      } finally {
        for (const { file } of batch) rmSync(file.prepared.copy.copyFile, { force: true });
      }
    };
    try {
      let nextRowId = BigInt(
        String((await db.scalar('SELECT coalesce(max(row_id), 0) + 1 FROM events')) ?? '1'),
      );
      let lastEmit = 0;
      for (const [fileIndex, file] of req.files.entries()) {
        const result = await importFile(
          file.path,
          file.displayName ?? file.path,
          archiveIdFor(file.path, importId, fileIndex),
          {
            recordedPath: file.upload ? (file.displayName ?? file.path) : file.path,
            db,
            columns,
            ingest: deps.ingest,
            events,
            quarantine,
            pool,
            nextRowId,
            pending: pendingBySha,
            ...(req.producer ? { producerOverride: req.producer } : {}),
            ...(req.mapping ? { mapping: req.mapping } : {}),
            toolVersion: deps.toolVersion,
            native: deps.native,
            streamNative: req.files.length === 1,
            signal: deps.signal,
            onProgress(bytesDone, bytesTotal, records, quarantined) {
              const now = Date.now();
              if (now - lastEmit < PROGRESS_EVERY_MS && bytesDone < bytesTotal) return;
              lastEmit = now;
              const seconds = Math.max((now - started) / 1000, 0.001);
              const rate = records / seconds;
              const bytesRate = bytesDone / seconds;
              const etaSeconds = bytesRate > 0 ? (bytesTotal - bytesDone) / bytesRate : null;
              deps.progress({
                type: 'import.progress',
                importId,
                file: file.displayName ?? file.path,
                fileIndex,
                fileCount: req.files.length,
                bytesDone,
                bytesTotal,
                records,
                quarantined,
                rate,
                etaSeconds,
              });
            },
          },
        );
        nextRowId = result.nextRowId;
        if (result.pending) {
          pending.push({ file: result.pending, slot: files.length });
          pendingBySha.set(result.pending.archive.sha256, result.pending.archive.recordedPath);
          files.push(undefined);
          const copies = pending.reduce((n, p) => n + p.file.prepared.copyBytes, 0);
          if (copies >= (deps.nativeBatchBytes ?? NATIVE_BATCH_BYTES)) await insertPending();
          continue;
        }
        files.push(result.report);
      }
      await insertPending();
      quarantine.flush();
      // Each report names its file as the user gave it (an upload's original name).
      files.forEach((report, i) => {
        const displayName = req.files[i]?.displayName;
        if (report && displayName) report.path = displayName;
      });
      const reports = files.filter((f) => f !== undefined);
      const imported = reports.filter((f) => f.archiveId);
      if (imported.length > 0) {
        await appendCustody(db, 'archive.import', {
          importId,
          files: imported.map((f) => ({
            path: f.path,
            sha256: f.sha256,
            producer: f.producer,
            records: f.records,
            quarantined: f.quarantined,
          })),
          toolVersion: deps.toolVersion,
        });
      }
      trace('import.commit.start');
      return { importId, files: reports, durationMs: Date.now() - started };
    } finally {
      for (const { file } of pending) rmSync(file.prepared.copy.copyFile, { force: true });
      await writeback.stop();
      events.dispose();
      quarantine.close();
      if (!deps.pool) await pool.close();
    }
  });
}
