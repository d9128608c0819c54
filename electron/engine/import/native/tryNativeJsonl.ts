/**
 * Decides whether a JSON Lines file takes the native path (nativeJsonl.ts) and runs it: the
 * family, detected from the first records like the JS path does, must have a SQL restatement,
 * and the file must be plain (taggedCopy.ts). Otherwise answers undefined and the caller
 * imports the file through the JS path, which handles every file.
 */
import { rmSync } from 'node:fs';
import type { JsonValue } from '../../../../shared/json/value';
import type { Db } from '../../case/db';
import type { EventStaging } from '../eventStaging';
import type { Detection } from '../ingest';
import type { NormalizerPool } from '../normalizerPool';
import { parseRecord, type ProcessorCounts } from '../recordProcessor';
import type { TableWriter } from '../rowWriter';
import { jsonlRecords, type RawRecord } from '../textRecords';
import { trace } from '../../trace';
import { estimateCopyBytes, writeTaggedCopy } from './taggedCopy';
import { gzipTextBytes } from './gzipSize';
import { taggedCopyPlace } from './copyPlace';
import { nativeFamily } from './nativeFamilies';
import { importPlainJsonl } from './nativeJsonl';

export interface NativeAttemptContext {
  db: Db;
  events: EventStaging;
  quarantine: TableWriter;
  pool: NormalizerPool;
  firstRowId: bigint;
  signal: AbortSignal;
  sampleSize: number;
  detect(sample: JsonValue[]): Detection;
  /**
   * Whether the file is already in the case (known once its hash is). True stops the copy pass
   * at once, or else before anything is inserted, and leaves the file to the caller.
   */
  duplicate(): Promise<boolean>;
  onProgress(bytesDone: number, bytesTotal: number, records: number): void;
}

export interface NativeAttempt {
  detection: Detection;
  counts: ProcessorCounts;
  nextRowId: bigint;
}

/** Writing the tagged copy is the first of two passes: it counts as this share of the progress bar. */
const COPY_SHARE = 0.2;

/**
 * The JS path's detection sample: whole first batches until `size` records (importFile.ts), and
 * their average length in bytes with the newline.
 */
async function sample(
  path: string,
  gzip: boolean,
  size: number,
  signal: AbortSignal,
): Promise<{ values: JsonValue[]; lineBytes: number }> {
  const records: RawRecord[] = [];
  for await (const batch of jsonlRecords(path, gzip, { signal })) {
    records.push(...batch);
    if (records.length >= size) break;
  }
  const values = records.flatMap((r) => {
    const parsed = parseRecord(r);
    return parsed.ok ? [parsed.value] : [];
  });
  const bytes = records.reduce((sum, r) => sum + (r.fullLength ?? r.bytes.length) + 1, 0);
  return { values, lineBytes: bytes / Math.max(records.length, 1) };
}

/** `bytesTotal` is the file's size; for gzip, the text's is estimated (gzipTextBytes). */
export async function tryNativeJsonl(
  path: string,
  gzip: boolean,
  bytesTotal: number,
  archiveId: string,
  ctx: NativeAttemptContext,
): Promise<NativeAttempt | undefined> {
  const first = await sample(path, gzip, ctx.sampleSize, ctx.signal);
  const detection = ctx.detect(first.values);
  const family = nativeFamily(detection.producer);
  if (!family) return undefined;
  const textBytes = gzip ? await gzipTextBytes(path, bytesTotal) : bytesTotal;
  const place = taggedCopyPlace(ctx.db.path, archiveId, estimateCopyBytes(textBytes, first.lineBytes));
  const copyFile = place.path;
  const alreadyIn = new AbortController();
  const isDuplicate = ctx.duplicate();
  isDuplicate.then(
    (found) => {
      if (found) alreadyIn.abort(new Error('already in the case'));
    },
    () => undefined, // the caller awaits the hash itself and reports its failure
  );
  try {
    let copied = 0;
    trace('native.copy.start', { path });
    let layout;
    try {
      layout = await writeTaggedCopy(path, copyFile, {
        gzip,
        onBytes: (n) => {
          copied += n;
          ctx.onProgress(Math.min(copied, bytesTotal) * COPY_SHARE, bytesTotal, 0);
        },
        signal: AbortSignal.any([ctx.signal, alreadyIn.signal]),
        maxBytes: place.maxBytes,
      });
    } catch (thrown) {
      if (alreadyIn.signal.aborted && !ctx.signal.aborted) return undefined;
      throw thrown;
    }
    trace('native.copy.done', layout);
    if (!layout.plain) {
      trace('native.skip', { path, why: layout.why });
      return undefined;
    }
    if (await isDuplicate) return undefined;
    const result = await importPlainJsonl({
      db: ctx.db,
      path,
      gzip,
      copyFile,
      lines: layout.lines,
      archiveId,
      family,
      firstRowId: ctx.firstRowId,
      events: ctx.events,
      quarantine: ctx.quarantine,
      pool: ctx.pool,
      signal: ctx.signal,
      onProgress: (fraction) =>
        ctx.onProgress(
          bytesTotal * (COPY_SHARE + (1 - COPY_SHARE) * fraction),
          bytesTotal,
          Math.round(fraction * layout.lines),
        ),
    });
    return { detection, ...result };
  } finally {
    rmSync(copyFile, { force: true });
  }
}
