/**
 * The JS import path for one opened file (recordSource.ts): detects the family from the first
 * records, then streams every record through the normalizer pool into the staged events or the
 * quarantine, handing DuckDB what is staged every STAGE_ROWS records so staging stays bounded.
 */
import type { Mapping } from '../../../shared/ingest/mapping';
import type { JsonValue } from '../../../shared/json/value';
import type { Db } from '../case/db';
import type { EventStaging } from './eventStaging';
import type { Detection, Ingest } from './ingest';
import type { NormalizerPool } from './normalizerPool';
import { parseRecord, RecordProcessor, type ProcessorCounts } from './recordProcessor';
import type { RecordSource } from './recordSource';
import type { TableWriter } from './rowWriter';
import type { RawRecord } from './textRecords';

/** Records detection waits for, here and on the native path: whole batches until this many. */
export const SAMPLE_SIZE = 20;
/**
 * The most of those records detection parses: a first batch (4 MiB of text, textRecords.ts)
 * held ~7,000 of the import benchmark's records, and parsing them all took ~90 ms of the import.
 */
const SAMPLE_MAX = 1000;

/** What detection sees of the first records (`records`, as read): the first that parse as JSON. */
export function detectionSample(records: readonly RawRecord[]): JsonValue[] {
  return records.slice(0, SAMPLE_MAX).flatMap((r) => {
    const parsed = parseRecord(r);
    return parsed.ok ? [parsed.value] : [];
  });
}
const STAGE_ROWS = 100_000;

export interface StreamContext {
  db: Db;
  ingest: Ingest;
  events: EventStaging;
  quarantine: TableWriter;
  pool: NormalizerPool;
  /** The row id of the file's first entry. */
  firstRowId: bigint;
  archiveId: string;
  /** The file's size, for progress. */
  size: number;
  /** The family: from the user's choice or the first records. */
  detect(sample: JsonValue[], extra: object): Detection;
  /** The user's field mapping for an unknown producer. */
  mapping?: Mapping;
  signal: AbortSignal;
  onProgress(bytesDone: number, bytesTotal: number, records: number, quarantined: number): void;
}

export interface Streamed {
  detection: Detection;
  counts: ProcessorCounts;
  /** One past the highest entry index: the file's row ids run below firstRowId + this. */
  entries: number;
  /** No mapping was given for an unknown producer, so a suggested one was used. */
  suggestedMapping: boolean;
}

export async function streamRecords(source: RecordSource, ctx: StreamContext): Promise<Streamed> {
  const pending: RawRecord[] = [];
  let processor: RecordProcessor | undefined;
  let detection: Detection | undefined;
  let suggestedMapping = false;
  const start = async (): Promise<RecordProcessor> => {
    const sample = detectionSample(pending);
    const extra = source.parquet
      ? { parquetColumns: source.parquet.columns, parquetKvMetadata: source.parquet.kv }
      : {};
    detection = ctx.detect(sample, extra);
    let mapping = ctx.mapping;
    if (detection.producer === 'mapped' && !mapping) {
      // No mapping given for an unknown producer: map with a suggestion so the records are
      // searchable at once; the raw records are kept whole, and the report says so.
      mapping = ctx.ingest.suggestMapping(sample);
      suggestedMapping = true;
    }
    const p = new RecordProcessor(
      ctx.pool,
      detection.producer,
      ctx.archiveId,
      ctx.events,
      ctx.quarantine,
      mapping,
    );
    await p.addBatch(pending.splice(0));
    return p;
  };
  for await (const batch of source.records) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('cancelled');
    if (processor) await processor.addBatch(batch);
    else {
      pending.push(...batch);
      if (pending.length >= SAMPLE_SIZE) processor = await start();
    }
    if (processor && ctx.events.stagedRows >= STAGE_ROWS) {
      await processor.drain();
      await ctx.events.flushInto(ctx.db, ctx.firstRowId);
    }
    const c = processor?.counts;
    // A source read whole (a document, Parquet) reports no bytes: it has all been read.
    const done = Math.min(source.bytesRead(), ctx.size) || ctx.size;
    ctx.onProgress(done, ctx.size, c?.records ?? 0, c?.quarantined ?? 0);
  }
  processor ??= await start();
  await processor.drain();
  // start() has run, so detection is set; the compiler cannot follow the closure.
  const detected = detection as Detection | undefined;
  if (!detected) throw new Error('detection did not run');
  return { detection: detected, counts: processor.counts, entries: processor.entries, suggestedMapping };
}
