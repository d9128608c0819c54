/**
 * Decides whether a JSON Lines file takes the native path (nativeJsonl.ts) and prepares it: the
 * family, detected from the first records like the JS path does, must have a SQL restatement,
 * and the file must be plain (taggedCopy.ts). Then its tagged copy is written and waits for its
 * family's INSERT (nativeFiles.ts), one for all the call's files of that family; a call's only
 * file instead streams its copy through a pipe into its own INSERT (streamNative). Otherwise
 * answers undefined and the caller imports the file through the JS path, which handles every file.
 */
import { createHash } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import type { JsonValue } from '../../../../shared/json/value';
import type { Db } from '../../case/db';
import type { Detection } from '../ingest';
import { detectionSample } from '../streamRecords';
import { jsonlRecords, type RawRecord } from '../textRecords';
import { trace } from '../../trace';
import { estimateCopyBytes, writeTaggedCopy, type CopyOptions } from './taggedCopy';
import { CopyFifo } from './copyFifo';
import { keyRulesOf } from './keyScan';
import { insertTaggedCopies } from './nativeJsonl';
import type { EventColumns } from '../../case/eventTable';
import { EVENT_ROWS } from '../../case/schema';
import { gzipTextBytes } from './gzipSize';
import { taggedCopyPlace } from './copyPlace';
import { nativeFamily, type NativeFamily } from './nativeFamilies';
import type { TaggedCopy } from './nativeJsonl';

export interface NativeAttemptContext {
  db: Db;
  columns: EventColumns;
  firstRowId: bigint;
  signal: AbortSignal;
  sampleSize: number;
  detect(sample: JsonValue[]): Detection;
  /**
   * Whether the file is already in the case (known once its hash is). True stops the copy pass
   * at once, or else before anything is inserted, and leaves the file to the caller.
   */
  duplicate(): Promise<boolean>;
  /** Whether a file of this SHA-256 is already in the case (for a hash the streamed pass made). */
  known(sha256: string): Promise<boolean>;
  /**
   * Insert while the copy is written, through a pipe (copyFifo.ts), rather than after: for a
   * call's only file, whose INSERT need not wait to share one with other files (nativeFiles.ts).
   */
  stream: boolean;
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
  /** Its rows are in already: the copy went through a pipe into its own INSERT. */
  inserted: boolean;
  /** The file's SHA-256, when the pass hashed it (streamed). */
  sha256?: string;
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
  const base = { detection, family, copy: { copyFile: place.path, archiveId, firstRowId: ctx.firstRowId } };
  const progress = (share: number) => {
    let copied = 0;
    return (n: number): void => {
      copied += n;
      ctx.onProgress(Math.min(copied, bytesTotal) * share, bytesTotal, 0);
    };
  };
  // Only a file the size of one already in the case can be one; such a file waits for its hash
  // before anything is inserted, so it takes the copy file.
  const fifo =
    ctx.stream && !(await sameSizeInCase(ctx.db, bytesTotal)) ? CopyFifo.create(place.path) : undefined;
  trace('native.copy.start', { path, streamed: fifo !== undefined });
  if (fifo) {
    const pass = { gzip, onBytes: progress(1), signal: ctx.signal, ...keyRulesFor(family) };
    return streamNative(fifo, base, path, bytesTotal, pass, ctx); // the FIFO is at place.path
  }
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
    let layout;
    try {
      layout = await writeTaggedCopy(path, place.path, {
        ...keyRulesFor(family),
        gzip,
        onBytes: progress(COPY_SHARE),
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
    prepared = { ...base, lines: layout.lines, copyBytes: statSync(place.path).size, inserted: false };
    return prepared;
  } finally {
    if (!prepared) rmSync(place.path, { force: true });
  }
}

/** The copy pass's option that scans for `family`'s refusing pattern, if its checks use one. */
function keyRulesFor(family: NativeFamily): Pick<CopyOptions, 'keyRules'> {
  const keyRules = keyRulesOf(family);
  return keyRules ? { keyRules } : {};
}

async function sameSizeInCase(db: Db, size: number): Promise<boolean> {
  return Number(await db.scalar('SELECT count(*) FROM archives WHERE size_bytes = ?', [size])) > 0;
}

/**
 * The copy pass into `fifo` while DuckDB's INSERT reads it. The pass reads the whole file anyway,
 * so it hashes it too, while the INSERT keeps DuckDB busy: a worker reading the file again to
 * hash it took ~0.45 CPU-s of a million-event import, hashing the bytes the pass has just read
 * ~0.3 s. A file that turns out not plain (or, it cannot happen, already in the case) has its
 * rows deleted again and goes to the JS path, which hashes it then.
 */
async function streamNative(
  fifo: CopyFifo,
  base: Omit<PreparedNative, 'lines' | 'copyBytes' | 'inserted'>,
  path: string,
  size: number,
  pass: CopyOptions,
  ctx: NativeAttemptContext,
): Promise<PreparedNative | undefined> {
  const { db } = ctx;
  const hash = createHash('sha256');
  let hashed = 0;
  let writerDone = false;
  try {
    // A failed or interrupted INSERT stops reading: the pipe is drained so the pass ends too.
    // Progress comes from the pass (its bytes read), so DuckDB's own is not polled.
    const inserting = insertTaggedCopies(db, ctx.columns, base.family, [base.copy], ctx.signal).finally(
      () => {
        if (!writerDone) void fifo.abort();
      },
    );
    const onRead = (bytes: Buffer): void => {
      hash.update(bytes);
      hashed += bytes.length;
    };
    const writing = writeTaggedCopy(path, fifo, { ...pass, onRead }).finally(() => (writerDone = true));
    const [written, inserted] = await Promise.allSettled([writing, inserting]);
    if (inserted.status === 'rejected') throw inserted.reason;
    if (written.status === 'rejected') throw written.reason;
    const layout = written.value;
    trace('native.copy.done', layout);
    // A plain file was read to its end; the check costs nothing and keeps a short read from
    // passing for the file's hash.
    const sha256 = layout.plain && hashed === size ? hash.digest('hex') : undefined;
    if (!layout.plain || !sha256 || (await ctx.known(sha256))) {
      trace('native.skip', {
        path,
        why: layout.plain ? 'not hashed whole, or already in the case' : layout.why,
      });
      await db.run(`DELETE FROM ${EVENT_ROWS} WHERE archive_id = ?`, [base.copy.archiveId]);
      return undefined;
    }
    return { ...base, lines: layout.lines, copyBytes: 0, inserted: true, sha256 };
  } finally {
    await fifo.dispose();
  }
}
