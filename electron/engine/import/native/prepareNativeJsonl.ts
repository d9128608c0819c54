/**
 * Decides whether a JSON Lines file takes the native path (nativeJsonl.ts) and prepares it: the
 * family, detected from the first records like the JS path does, must have a SQL restatement,
 * and the file must be plain (taggedCopy.ts). Then its tagged copy is written and waits for its
 * family's INSERT (nativeFiles.ts), one for all the call's files of that family. Otherwise
 * answers undefined and the caller imports the file through the JS path, which handles every file.
 */
import { rmSync, statSync } from 'node:fs';
import type { JsonValue } from '../../../../shared/json/value';
import type { Db } from '../../case/db';
import type { Detection } from '../ingest';
import { detectionSample } from '../streamRecords';
import { jsonlRecords, type RawRecord } from '../textRecords';
import { trace } from '../../trace';
import { estimateCopyBytes, writeTaggedCopy } from './taggedCopy';
import { gzipTextBytes } from './gzipSize';
import { taggedCopyPlace } from './copyPlace';
import { nativeFamily, type NativeFamily } from './nativeFamilies';
import type { TaggedCopy } from './nativeJsonl';

export interface NativeAttemptContext {
  db: Db;
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

/** Writing the tagged copy is the first of two passes: it counts as this share of the progress bar. */
export const COPY_SHARE = 0.2;

/** A file ready for its family's INSERT: its tagged copy, which the caller removes once it is done. */
export interface PreparedNative {
  detection: Detection;
  family: NativeFamily;
  copy: TaggedCopy;
  /** Records (non-blank lines) in the file: its entries take row ids firstRowId … + lines - 1. */
  lines: number;
  /** The tagged copy's size. */
  copyBytes: number;
}

/**
 * The JS path's detection sample (streamRecords.ts detectionSample) from whole first batches until
 * `size` records, and those records' average length in bytes with the newline.
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
  const values = detectionSample(records);
  const bytes = records.reduce((sum, r) => sum + (r.fullLength ?? r.bytes.length) + 1, 0);
  return { values, lineBytes: bytes / Math.max(records.length, 1) };
}

/** `bytesTotal` is the file's size; for gzip, the text's is estimated (gzipTextBytes). */
export async function prepareNativeJsonl(
  path: string,
  gzip: boolean,
  bytesTotal: number,
  archiveId: string,
  ctx: NativeAttemptContext,
): Promise<PreparedNative | undefined> {
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
  let prepared: PreparedNative | undefined;
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
    prepared = {
      detection,
      family,
      copy: { copyFile, archiveId, firstRowId: ctx.firstRowId },
      lines: layout.lines,
      copyBytes: statSync(copyFile).size,
    };
    return prepared;
  } finally {
    if (!prepared) rmSync(copyFile, { force: true });
  }
}
