/**
 * Imports one file into the open transaction: hash and sniff it, prepare the native path for
 * plain JSON Lines (native/prepareNativeJsonl.ts: the file then waits for its family's INSERT,
 * native/nativeFiles.ts), else refuse a duplicate or a file that is no archive, open it
 * (recordSource.ts) and stream its records (streamRecords.ts); then record the archive
 * (archiveRow.ts). Returns the file's report line, or the prepared native file.
 */
import { stat } from 'node:fs/promises';
import type { ImportFileReport } from '../../../shared/contract/model';
import type { Mapping } from '../../../shared/ingest/mapping';
import type { JsonValue } from '../../../shared/json/value';
import type { Db } from '../case/db';
import type { EventColumns } from '../case/eventTable';
import { trace } from '../trace';
import { messageOf } from './archiveReadError';
import { recordArchive } from './archiveRow';
import type { EventStaging } from './eventStaging';
import { sha256FileOnWorker } from './fileHash';
import type { Detection, Ingest } from './ingest';
import type { PendingNativeFile } from './native/nativeFiles';
import { prepareNativeJsonl } from './native/prepareNativeJsonl';
import type { NormalizerPool } from './normalizerPool';
import { containerOf, openRecordSource, reportedContainer, type Container } from './recordSource';
import type { TableWriter } from './rowWriter';
import { sniffFile } from './sniff';
import { SAMPLE_SIZE, streamRecords } from './streamRecords';

export interface FileImportContext {
  db: Db;
  columns: EventColumns;
  ingest: Ingest;
  events: EventStaging;
  quarantine: TableWriter;
  pool: NormalizerPool;
  nextRowId: bigint;
  /**
   * Files of this call that wait for their family's INSERT, by SHA-256, with the path the case
   * will record for them: a later copy of one is a duplicate, as of a file already in the case.
   */
  pending: ReadonlyMap<string, string>;
  /** The path the case records (the original name of an upload; else the file's path). */
  recordedPath: string;
  producerOverride?: string;
  /** The user's field mapping for an unknown producer. */
  mapping?: Mapping;
  toolVersion: string;
  native: boolean;
  /** The native path may insert while it copies (prepareNativeJsonl.ts): the call's only file. */
  streamNative: boolean;
  signal: AbortSignal;
  onProgress(bytesDone: number, bytesTotal: number, records: number, quarantined: number): void;
}

export type FileImportResult =
  | { report: ImportFileReport; pending?: undefined; nextRowId: bigint }
  | { pending: PendingNativeFile; report?: undefined; nextRowId: bigint };

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

function detect(ctx: FileImportContext, container: Container, sample: JsonValue[], extra = {}): Detection {
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
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (thrown) {
    // Like a directory or an unreadable file, a missing one is reported on its own line and the
    // call's other files still import (docs/cli.md).
    const missing = (thrown as NodeJS.ErrnoException).code === 'ENOENT';
    const report = missing
      ? failure(displayName, '', 'NOT_FOUND', `${displayName} does not exist`)
      : failure(displayName, '', 'NOT_AN_ARCHIVE', `${displayName} cannot be read: ${messageOf(thrown)}`);
    return { report, nextRowId: ctx.nextRowId };
  }
  if (!info.isFile())
    return {
      report: failure(displayName, '', 'NOT_AN_ARCHIVE', `${displayName} is not a file`),
      nextRowId: ctx.nextRowId,
    };
  // The file's hash, on a worker from when it is first asked for: beside the native path's copy
  // pass, whose `duplicate` stops as soon as the hash is known, or before anything else on the JS
  // path. A streamed native pass hashes the file itself (prepareNativeJsonl.ts) and asks for none.
  let hashing: Promise<string> | undefined;
  const hash = (): Promise<string> => {
    if (!hashing) {
      trace('import.hash.start', { path });
      hashing = sha256FileOnWorker(path, ctx.signal);
      hashing.catch(() => undefined); // awaited by whoever asked; must not surface unhandled meanwhile
    }
    return hashing;
  };
  const pathOf = async (sha256: string): Promise<string | undefined> => {
    const dup = await ctx.db.objects('SELECT path FROM archives WHERE sha256 = ?', [sha256]);
    return dup[0] ? String(dup[0].path) : ctx.pending.get(sha256);
  };
  // One query, shared by the native path's early stop and the check below.
  let known: Promise<string | undefined> | undefined;
  const duplicateOf = (): Promise<string | undefined> => {
    known ??= hash().then(pathOf);
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
  const file = {
    path,
    recordedPath: ctx.recordedPath,
    displayName,
    archiveId,
    size: info.size,
    mtimeMs: info.mtimeMs,
    toolVersion: ctx.toolVersion,
  };
  if (sniffed.kind === 'text' && sniffed.shape === 'jsonl' && !ctx.mapping && ctx.native) {
    const prepared = await prepareNativeJsonl(path, sniffed.gzip, info.size, archiveId, {
      db: ctx.db,
      columns: ctx.columns,
      firstRowId: ctx.nextRowId,
      signal: ctx.signal,
      sampleSize: SAMPLE_SIZE,
      detect: (sample) => detect(ctx, 'jsonl', sample),
      duplicate: async () => (await duplicateOf()) !== undefined,
      known: async (sha256) => (await pathOf(sha256)) !== undefined,
      stream: ctx.streamNative,
      onProgress: (done, total, records) => ctx.onProgress(done, total, records, 0),
    });
    if (prepared) {
      const sha256 = prepared.sha256 ?? (await hash());
      const archive = {
        ...file,
        sha256,
        detection: prepared.detection,
        container: 'jsonl' as const,
        compressed: sniffed.gzip,
        header: {},
      };
      return {
        pending: { prepared, path, gzip: sniffed.gzip, archive, onProgress: ctx.onProgress },
        nextRowId: ctx.nextRowId + BigInt(prepared.lines),
      };
    }
  }
  const sha256 = await hash();
  trace('import.hash.done', { sha256 });
  const dup = await duplicateOf();
  if (dup !== undefined && sniffed.kind !== 'unknown') {
    const report: ImportFileReport = {
      path,
      sha256,
      producer: 'unknown',
      container: reportedContainer(containerOf(sniffed), sniffed.kind === 'text' && sniffed.gzip),
      records: 0,
      quarantined: 0,
      duplicateOf: dup,
    };
    return { report, nextRowId: ctx.nextRowId };
  }
  const refused = (message: string, line?: number): FileImportResult => ({
    report: failure(displayName, sha256, 'NOT_AN_ARCHIVE', message, line),
    nextRowId: ctx.nextRowId,
  });
  if (sniffed.kind === 'unknown') return refused(`${displayName} is not an audit archive: ${sniffed.reason}`);
  const opened = await openRecordSource(ctx.db, path, displayName, sniffed, ctx.signal);
  if (!opened.ok) return refused(opened.message, opened.line);
  const source = opened.source;
  // The JS mappers may fill any canonical column: the case gets them all before the first row
  // (eventTable.ts), rather than finding one missing halfway through a file.
  await ctx.columns.need(ctx.columns.all);
  const streamed = await streamRecords(source, {
    ...ctx,
    firstRowId: ctx.nextRowId,
    archiveId,
    size: info.size,
    detect: (sample, extra) => detect(ctx, source.container, sample, extra),
  });
  if (streamed.counts.records === 0 && streamed.counts.quarantined === 0)
    return refused(`${displayName} holds no records`);
  await ctx.events.flushInto(ctx.db, ctx.nextRowId);
  const notes = [...source.notes, ...streamed.counts.notes];
  if (streamed.suggestedMapping)
    notes.push(
      'unknown producer: fields were mapped with a suggested mapping; review it and re-import with your own (--mapping)',
    );
  const report = await recordArchive(ctx.db, {
    ...file,
    sha256,
    detection: streamed.detection,
    container: source.container,
    compressed: source.compressed,
    counts: streamed.counts,
    notes,
    header: source.header,
  });
  return { report, nextRowId: ctx.nextRowId + BigInt(streamed.entries) };
}
