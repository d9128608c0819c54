/**
 * Imports one file into the open transaction: sniff, hash, detect the family from the first
 * records, then stream every record into events or quarantine. Returns the file's report line.
 */
import { stat } from 'node:fs/promises';
import type { ImportFileReport } from '../../../shared/contract/model';
import type { Mapping } from '../../../shared/ingest/mapping';
import type { JsonValue } from '../../../shared/json/value';
import type { Db } from '../case/db';
import { ArchiveReadError, messageOf } from './archiveReadError';
import { sha256FileOnWorker } from './fileHash';
import type { Detection, Ingest } from './ingest';
import { readParquetRecords } from './parquetRecords';
import type { NormalizerPool } from './normalizerPool';
import { parseRecord, RecordProcessor } from './recordProcessor';
import type { EventStaging } from './eventStaging';
import type { TableWriter } from './rowWriter';
import { sniffFile } from './sniff';
import { trace } from '../trace';
import { tryNativeJsonl } from './native/tryNativeJsonl';
import { jsonlRecords, readJsonDocument, type RawRecord } from './textRecords';
import { jsonColumnText } from '../case/jsonColumn';

const SAMPLE_SIZE = 20;
const STAGE_ROWS = 100_000;

export interface FileImportContext {
  db: Db;
  ingest: Ingest;
  events: EventStaging;
  quarantine: TableWriter;
  pool: NormalizerPool;
  nextRowId: bigint;
  /** The path the case records (the original name of an upload; else the file's path). */
  recordedPath: string;
  producerOverride?: string;
  /** The user's field mapping for an unknown producer. */
  mapping?: Mapping;
  toolVersion: string;
  native: boolean;
  signal: AbortSignal;
  onProgress(bytesDone: number, bytesTotal: number, records: number, quarantined: number): void;
}

export interface FileImportResult {
  report: ImportFileReport;
  nextRowId: bigint;
}

/** `path` here is the name the user knows the file by (an upload's original name, a CLI argument). */
function failure(
  path: string,
  sha256: string,
  code: string,
  message: string,
  line?: number,
): ImportFileReport {
  const where = line !== undefined ? { file: path, line } : { file: path };
  return {
    path,
    sha256,
    producer: 'unknown',
    container: 'unknown',
    records: 0,
    quarantined: 0,
    error: { code, message, where },
  };
}

function detect(
  ctx: FileImportContext,
  container: 'jsonl' | 'json' | 'parquet',
  sample: JsonValue[],
  extra = {},
): Detection {
  if (ctx.producerOverride)
    return { producer: ctx.producerOverride, confidence: 'override', evidence: ['named by the user'] };
  return ctx.ingest.detect({ container, sample, ...extra });
}

/** `displayName` is what the user knows the file as (an upload's original name, a CLI argument). */
export async function importFile(
  path: string,
  displayName: string,
  archiveId: string,
  ctx: FileImportContext,
): Promise<FileImportResult> {
  const info = await stat(path);
  if (!info.isFile())
    return {
      report: failure(displayName, '', 'NOT_AN_ARCHIVE', `${displayName} is not a file`),
      nextRowId: ctx.nextRowId,
    };
  // The hash runs on a worker beside the native path's copy pass; a duplicate stops that path as
  // soon as the hash is known (its `duplicate`), and is reported by the check below on every path.
  trace('import.hash.start', { path });
  const hashing = sha256FileOnWorker(path, ctx.signal);
  hashing.catch(() => undefined); // awaited below; a failure must not surface unhandled meanwhile
  // One query, shared by the native path's early stop and the check below.
  let known: Promise<string | undefined> | undefined;
  const duplicateOf = (): Promise<string | undefined> => {
    known ??= hashing.then(async (sha256) => {
      const dup = await ctx.db.objects('SELECT path FROM archives WHERE sha256 = ?', [sha256]);
      return dup[0] ? String(dup[0].path) : undefined;
    });
    known.catch(() => undefined); // awaited by the check below, which reports a failure
    return known;
  };
  let sniffed: Awaited<ReturnType<typeof sniffFile>>;
  try {
    sniffed = await sniffFile(path);
  } catch (thrown) {
    const message = `${displayName} cannot be read: ${messageOf(thrown)}`;
    return { report: failure(displayName, '', 'NOT_AN_ARCHIVE', message), nextRowId: ctx.nextRowId };
  }
  const file = { path, displayName, archiveId, size: info.size, mtimeMs: info.mtimeMs };
  if (sniffed.kind === 'text' && sniffed.shape === 'jsonl' && !sniffed.gzip && !ctx.mapping && ctx.native) {
    const native = await tryNativeJsonl(path, info.size, archiveId, {
      db: ctx.db,
      events: ctx.events,
      quarantine: ctx.quarantine,
      pool: ctx.pool,
      firstRowId: ctx.nextRowId,
      signal: ctx.signal,
      sampleSize: SAMPLE_SIZE,
      detect: (sample) => detect(ctx, 'jsonl', sample),
      duplicate: async () => (await duplicateOf()) !== undefined,
      onProgress: (done, total, records) => ctx.onProgress(done, total, records, 0),
    });
    if (native) {
      const report = await recordArchive(ctx, {
        ...file,
        sha256: await hashing,
        detection: native.detection,
        container: 'jsonl',
        compressed: false,
        counts: native.counts,
        notes: [...native.counts.notes],
        header: {},
      });
      return { report, nextRowId: native.nextRowId };
    }
  }
  const sha256 = await hashing;
  trace('import.hash.done', { sha256 });
  const dup = await duplicateOf();
  if (dup !== undefined) {
    const container = sniffed.kind === 'text' ? (sniffed.shape === 'jsonl' ? 'jsonl' : 'json') : 'parquet';
    const report: ImportFileReport = {
      path,
      sha256,
      producer: 'unknown',
      container,
      records: 0,
      quarantined: 0,
      duplicateOf: dup,
    };
    return { report, nextRowId: ctx.nextRowId };
  }
  if (sniffed.kind === 'unknown') {
    return {
      report: failure(
        displayName,
        sha256,
        'NOT_AN_ARCHIVE',
        `${displayName} is not an audit archive: ${sniffed.reason}`,
      ),
      nextRowId: ctx.nextRowId,
    };
  }

  let records: AsyncIterable<RawRecord[]>;
  let container: 'jsonl' | 'json' | 'parquet';
  let compressed = false;
  let header: Record<string, string> = {};
  let parquetMeta: { columns: string[]; kv: Record<string, string> } | undefined;
  let bytesDone = 0;
  /** What the reader noticed about the file itself (a broken gzip stream). */
  const readNotes: string[] = [];
  if (sniffed.kind === 'parquet') {
    container = 'parquet';
    const pq = await readParquetRecords(ctx.db, displayName, path);
    if (!pq.ok)
      return {
        report: failure(displayName, sha256, 'NOT_AN_ARCHIVE', `${displayName}: ${pq.message}`),
        nextRowId: ctx.nextRowId,
      };
    parquetMeta = { columns: pq.source.columns, kv: pq.source.kvMetadata };
    records = pq.source.batches;
  } else if (sniffed.shape === 'jsonl') {
    container = 'jsonl';
    compressed = sniffed.gzip;
    records = jsonlRecords(
      path,
      sniffed.gzip,
      (n) => (bytesDone += n),
      ctx.signal,
      (note) => readNotes.push(note),
    );
  } else {
    container = 'json';
    compressed = sniffed.gzip;
    const doc = await readJsonDocument(path, sniffed.gzip);
    if (!doc.ok) {
      return {
        report: failure(
          displayName,
          sha256,
          'NOT_AN_ARCHIVE',
          `${displayName}: not a readable JSON document: ${doc.message}`,
          doc.line,
        ),
        nextRowId: ctx.nextRowId,
      };
    }
    header = doc.doc.header;
    readNotes.push(...doc.doc.notes);
    records = (async function* () {
      yield doc.doc.records;
    })();
  }

  // Detection looks at the first records; they are then normalized with the rest.
  const pending: RawRecord[] = [];
  let processor: RecordProcessor | undefined;
  let detection: Detection | undefined;
  let suggested = false;
  const start = async (): Promise<RecordProcessor> => {
    const sample = pending.flatMap((r) => {
      const parsed = parseRecord(r);
      return parsed.ok ? [parsed.value] : [];
    });
    const extra = parquetMeta
      ? { parquetColumns: parquetMeta.columns, parquetKvMetadata: parquetMeta.kv }
      : {};
    detection = detect(ctx, container, sample, extra);
    let mapping = ctx.mapping;
    if (detection.producer === 'mapped' && !mapping) {
      // No mapping given for an unknown producer: map with a suggestion so the records are
      // searchable at once; the raw records are kept whole, and the report says so.
      mapping = ctx.ingest.suggestMapping(sample);
      suggested = true;
    }
    const p = new RecordProcessor(
      ctx.pool,
      detection.producer,
      archiveId,
      ctx.events,
      ctx.quarantine,
      mapping,
    );
    await p.addBatch(pending.splice(0));
    return p;
  };
  for await (const batch of records) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('cancelled');
    if (processor) await processor.addBatch(batch);
    else {
      pending.push(...batch);
      if (pending.length >= SAMPLE_SIZE) processor = await start();
    }
    // Bound the staging file: hand DuckDB what is staged every STAGE_ROWS records.
    if (processor && ctx.events.stagedRows >= STAGE_ROWS) {
      await processor.drain();
      await ctx.events.flushInto(ctx.db, ctx.nextRowId);
    }
    const c = processor?.counts;
    ctx.onProgress(
      sniffed.kind === 'parquet' ? info.size : Math.min(bytesDone, info.size) || info.size,
      info.size,
      c?.records ?? 0,
      c?.quarantined ?? 0,
    );
  }
  processor ??= await start();
  await processor.drain();
  const det = detection as Detection | undefined;
  if (!det) throw new Error('detection did not run');
  if (processor.counts.records === 0 && processor.counts.quarantined === 0) {
    return {
      report: failure(displayName, sha256, 'NOT_AN_ARCHIVE', `${displayName} holds no records`),
      nextRowId: ctx.nextRowId,
    };
  }
  await ctx.events.flushInto(ctx.db, ctx.nextRowId);
  const notes = [...readNotes, ...processor.counts.notes];
  if (suggested)
    notes.push(
      'unknown producer: fields were mapped with a suggested mapping; review it and re-import with your own (--mapping)',
    );
  const report = await recordArchive(ctx, {
    ...file,
    sha256,
    detection: det,
    container,
    compressed,
    counts: processor.counts,
    notes,
    header,
  });
  return { report, nextRowId: ctx.nextRowId + BigInt(processor.entries) };
}

interface ArchiveFacts {
  path: string;
  displayName: string;
  archiveId: string;
  sha256: string;
  size: number;
  mtimeMs: number;
  detection: Detection;
  container: 'jsonl' | 'json' | 'parquet';
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

/** Writes the archive's row (custody: hash, size, times, tool version) and answers its report line. */
async function recordArchive(ctx: FileImportContext, f: ArchiveFacts): Promise<ImportFileReport> {
  await assertUnchanged(f);
  const notes = [...f.notes];
  if (f.compressed) notes.push('gzip: line numbers and byte offsets refer to the decompressed text');
  if (f.container === 'parquet')
    notes.push(
      'Parquet has no record bytes: raw holds DuckDB to_json() of each row; the file SHA-256 is the evidence',
    );
  await ctx.db.run(
    `INSERT INTO archives VALUES (?, ?, ?, ?, ?, ?, to_timestamp(?), now(), ?, ?, ?, ?, ?, ?, ?::JSON, ?::JSON)`,
    [
      f.archiveId,
      ctx.recordedPath,
      f.path,
      f.displayName.split(/[\\/]/).pop() ?? f.displayName,
      f.sha256,
      f.size,
      f.mtimeMs / 1000,
      ctx.toolVersion,
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
    container: f.compressed ? `${f.container}+gzip` : f.container,
    records: f.counts.records,
    quarantined: f.counts.quarantined,
    archiveId: f.archiveId,
    detection: { confidence: f.detection.confidence, evidence: f.detection.evidence },
  };
  if (notes.length > 0) report.notes = notes;
  return report;
}
