/**
 * One pass over a JSON Lines file that decides whether DuckDB may read it directly
 * (nativeJsonl.ts) and, if so, writes a tagged copy for it: each record again, with its entry
 * index, the number of blank lines before it, its byte offset, its length and whether the
 * family's refusing pattern matches it (keyScan.ts: 0 no, 1 yes, 2 not scanned) in front, each
 * ended by a U+0001 byte,
 *
 *     {"run_id":"r1",…}   →   0␁0␁0␁19␁2␁{"run_id":"r1",…}
 *
 * DuckDB can only number rows by reading a file in order on one thread (WITH ORDINALITY, or a
 * POSITIONAL JOIN with an offsets file), which made the import single-threaded; a line that
 * carries its own place lets every DuckDB thread read and insert any part of the file. DuckDB
 * reads the copy as CSV with U+0001 as the delimiter and no quoting (nativeJsonl.ts): the tag
 * arrives as three integer columns and the record as the fourth, untouched, so each record is
 * parsed once.
 *
 * Tried and dropped: a tag written as the record's first JSON member took a second parse, a
 * Unicode substring to cut the tag off and a concatenation to put the `{` back (≈0.6 s more per
 * million lines); writing the copy in parts for one INSERT each, to overlap this pass with
 * DuckDB, made DuckDB's second and later INSERTs into the same transaction ~2× slower and hold
 * more memory. A pipe overlaps them with one INSERT (copyFifo.ts).
 *
 * The copy holds each record exactly as the JS reader (lines.ts) cuts it and numbers it: after a
 * UTF-8 BOM (whose bytes the offsets still count), without a CRLF ending's CR, blank lines
 * counted but no record, and in the decompressed text of a gzip file (copySource.ts). Only a
 * record DuckDB reads as the JS reader does goes in: valid UTF-8 and a `{…}` with nothing around
 * it. The rest are left out of the copy but counted, so the JS path reads them like the rows
 * DuckDB leaves out: broken UTF-8, anything else around or instead of an object, a U+0001 or a CR
 * other than the ending's (DuckDB's CSV reader could split there; JSON allows a CR only as
 * whitespace), lines over NATIVE_MAX_LINE_BYTES, and a last line with no newline (torn, or merely
 * unended). A damaged or hostile line costs only itself the fast path. Files the pass cannot copy
 * at all (a line over the JS reader's own limit, a broken gzip stream, no records) go through
 * the JS reader whole.
 */
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { hasUtf8Bom } from '../../../../shared/ingest/containerShape';
import { CLOSE_BRACE, OPEN_BRACE } from '../../../../shared/json/charCodes';
import { isBlankLine, MAX_LINE_BYTES } from '../lines';
import { isZlibError } from '../textRecords';
import { openCopySource } from './copySource';
import { keyRuleTable, keyScanner, type KeyRules } from './keyScan';
import { createLineTagger, TagResult } from './lineTagger';

export type JsonlLayout = { plain: true; lines: number } | { plain: false; why: string };

/** Ends each part of the tag: a byte no JSON text holds outside an escape. */
export const TAG_SEPARATOR = 0x01;
/** The tag at its widest: four decimals up to 2^53 (16 digits), the scan's digit and their separators. */
const TAG_MAX_BYTES = 4 * 17 + 2;
const CHUNK = 8 * 1024 * 1024;
/**
 * Longer lines are left out of the copy and go to the JS path. DuckDB's readers hold buffers of
 * several times their maximum line size per thread: at the 64 MiB line limit the INSERT ran out
 * of memory under a 512 MB limit; at 1 MiB it fits in 400 MB.
 */
export const NATIVE_MAX_LINE_BYTES = 1024 * 1024;
/** The longest line of a tagged copy, for DuckDB's `max_line_size`. */
export const TAGGED_MAX_LINE_BYTES = NATIVE_MAX_LINE_BYTES + TAG_MAX_BYTES;
const LF = 0x0a;
const CR = 0x0d;
const DIGIT_0 = 0x30;
const DIGIT_1 = 0x31;
const DIGIT_2 = 0x32;
/** 10^0 … 10^16: enough for any offset up to 2^53. */
const POWERS_OF_TEN = Array.from({ length: 17 }, (_, i) => 10 ** i);

/**
 * Writes `value` (a non-negative integer, at most 2^53) in decimal at `at` and returns the end.
 * Integer arithmetic on the low eight digits, the rest apart: a float `%` and Math.floor per
 * digit, with a Buffer.copy per constant, cost ≈0.2 s of a 0.8 s pass per million lines.
 */
export function putDecimal(out: Buffer, at: number, value: number): number {
  let low = value % 100_000_000;
  let high = (value - low) / 100_000_000;
  let digits = 1;
  while (digits < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[digits]!) digits += 1;
  let i = at + digits - 1;
  for (let d = 0; d < 8 && i >= at; d++, i--) {
    const q = (low / 10) | 0;
    out[i] = DIGIT_0 + low - q * 10;
    low = q;
  }
  for (; i >= at; i--) {
    const q = Math.floor(high / 10);
    out[i] = DIGIT_0 + high - q * 10;
    high = q;
  }
  return at + digits;
}

/**
 * The copy's size for a file whose lines average `lineBytes`: the tag adds five separators, the
 * blank count and the scan's answer (a digit each, as a rule) and three decimals no longer than
 * the file's size has digits.
 */
export function estimateCopyBytes(fileBytes: number, lineBytes: number): number {
  const tagBytes = 7 + 3 * String(Math.max(0, Math.trunc(fileBytes))).length;
  return fileBytes * (1 + tagBytes / Math.max(lineBytes, 1));
}

/** The first of `bytes` at or after `from` in `buf`, or Infinity: a memchr per chunk, not per line. */
function nextByte(buf: Buffer, bytes: number, from: number, end: number): number {
  const at = buf.indexOf(bytes, from);
  return at < 0 || at >= end ? Infinity : at;
}

class CopyTooLarge extends Error {}

/** Where a tagged copy goes, in order: each write starts once the one before has gone through. */
export interface CopySink {
  write(buf: Buffer, length: number): Promise<unknown>;
  /** Ends the copy once the last write has gone through. */
  close(): Promise<void>;
}

/** A copy file, written at increasing offsets. */
async function fileSink(copyFile: string): Promise<CopySink> {
  const out = await open(copyFile, 'w');
  let at = 0;
  return {
    write(buf, length) {
      const position = at;
      at += length;
      return out.write(buf, 0, length, position);
    },
    close: () => out.close(),
  };
}

export interface CopyOptions {
  /** The file is gzip: its decompressed text is read (copySource.ts). */
  gzip?: boolean;
  /** The file's own bytes read so far (compressed ones for gzip), for progress. */
  onBytes?: (n: number) => void;
  /** The file's own bytes as they are read, in order, e.g. for its hash; the buffer is reused. */
  onRead?: (bytes: Buffer) => void;
  signal?: AbortSignal;
  /** The most the copy may take (copyPlace.ts). */
  maxBytes?: number;
  /** Tag every chunk with the JS loop, the reference the WebAssembly one is tested against. */
  reference?: boolean;
  /** The family's refusing pattern, to scan each record for (keyScan.ts). */
  keyRules?: KeyRules;
}

/**
 * Scans `path`, writing the tagged copy to `copy` (a file's path, or a sink such as a pipe,
 * copyFifo.ts); stops at the first reason the file is not plain, or when the copy would outgrow
 * `maxBytes` (a file of short lines grows most: the place was chosen from the first lines'
 * length, copyPlace.ts). A sink is closed at the end however the pass ends.
 */
export async function writeTaggedCopy(
  path: string,
  copy: string | CopySink,
  options: CopyOptions = {},
): Promise<JsonlLayout> {
  const { signal, maxBytes = Infinity } = options;
  const { onBytes, onRead } = options;
  const source = await openCopySource(path, options.gzip ?? false, (bytes) => {
    onBytes?.(bytes.length);
    onRead?.(bytes);
  });
  const out = typeof copy === 'string' ? await fileSink(copy) : copy;
  let lines = 0; // records (non-blank lines), as the JS reader numbers entries
  let blanks = 0; // blank lines so far: a record's line is its entry index + blanks before it + 1
  let writing: Promise<unknown> = Promise.resolve();
  try {
    // Read into, and written from, the WebAssembly tagger's memory. Two output buffers: one is
    // written out while the next chunk is read and tagged into the other.
    const rules = options.keyRules;
    const tagger = createLineTagger(
      CHUNK + MAX_LINE_BYTES,
      2 * CHUNK,
      { maxLineBytes: MAX_LINE_BYTES, nativeMaxLineBytes: NATIVE_MAX_LINE_BYTES },
      rules && keyRuleTable(rules),
    );
    const scan = rules && keyScanner(rules);
    const buf = tagger.input;
    let output: 0 | 1 = 0;
    let tagged = tagger.outputs[output];
    let outAt = 0;
    const flush = async (length: number): Promise<void> => {
      if (outAt + length > maxBytes) throw new CopyTooLarge();
      await writing;
      writing = out.write(tagged, length);
      outAt += length;
      output = output === 0 ? 1 : 0;
      tagged = tagger.outputs[output];
    };
    let filled = 0; // bytes of a pending line carried to the front of buf
    let base = 0; // offset in the (decompressed) text of buf[0]
    // The JS reader skips a BOM at the very start; offsets still count it (lines.ts).
    const startOf = (end: number): number => (base === 0 && hasUtf8Bom(buf.subarray(0, end)) ? 3 : 0);
    // Each tags the lines of buf[start, lastLf] into the output (empty: each chunk's is flushed),
    // flushing it when full, and answers the bytes left in it, or undefined for a line over the JS
    // reader's limit.
    const tagWithWasm = async (start: number, lastLf: number): Promise<number | undefined> => {
      tagger.lines = lines;
      tagger.blanks = blanks;
      for (let from = start; ;) {
        const run = tagger.tag(from, lastLf + 1, output, base);
        if (run.result === TagResult.LineTooLong) return undefined;
        if (run.result === TagResult.Done) {
          [lines, blanks] = [tagger.lines, tagger.blanks];
          return run.written;
        }
        if (run.written === 0) throw new Error('a tagged line does not fit an empty output buffer');
        await flush(run.written);
        from = run.stoppedAt;
      }
    };
    // The reference: the same decisions and bytes as wasm/tagLines.ts, line by line in JS.
    const tagWithJs = async (start: number, lastLf: number, utf8: boolean): Promise<number | undefined> => {
      const complete = buf.subarray(0, lastLf + 1);
      let separator = nextByte(buf, TAG_SEPARATOR, 0, lastLf);
      let cr = nextByte(buf, CR, 0, lastLf);
      let w = 0;
      for (let nl = complete.indexOf(LF, start); nl >= 0; nl = complete.indexOf(LF, start)) {
        // The JS reader drops one CR before the newline (lines.ts); the copy holds the record without it.
        const recordEnd = nl > start && buf[nl - 1] === CR ? nl - 1 : nl;
        const length = recordEnd - start;
        if (length > MAX_LINE_BYTES) return undefined;
        const bare = length > 0 && buf[start] === OPEN_BRACE && buf[recordEnd - 1] === CLOSE_BRACE;
        const leftOut =
          !bare ||
          length > NATIVE_MAX_LINE_BYTES ||
          separator < nl ||
          cr < recordEnd ||
          (!utf8 && !isUtf8(buf.subarray(start, recordEnd)));
        if (separator < nl) separator = nextByte(buf, TAG_SEPARATOR, nl, lastLf);
        if (cr < nl) cr = nextByte(buf, CR, nl, lastLf);
        if (!bare && isBlankLine(buf.subarray(start, recordEnd))) {
          blanks += 1;
          start = nl + 1;
          continue;
        }
        if (!leftOut) {
          if (w + TAG_MAX_BYTES + length + 1 > tagged.length) {
            await flush(w);
            w = 0;
          }
          w = putDecimal(tagged, w, lines);
          tagged[w++] = TAG_SEPARATOR;
          w = putDecimal(tagged, w, blanks);
          tagged[w++] = TAG_SEPARATOR;
          w = putDecimal(tagged, w, base + start);
          tagged[w++] = TAG_SEPARATOR;
          w = putDecimal(tagged, w, length);
          tagged[w++] = TAG_SEPARATOR;
          tagged[w++] = !scan ? DIGIT_2 : scan(buf, start, recordEnd) ? DIGIT_1 : DIGIT_0;
          tagged[w++] = TAG_SEPARATOR;
          w += buf.copy(tagged, w, start, recordEnd);
          tagged[w++] = LF;
        }
        lines += 1;
        start = nl + 1;
      }
      return w;
    };
    for (;;) {
      if (signal?.aborted) throw signal.reason ?? new Error('cancelled');
      const bytesRead = await source.read(buf, filled, CHUNK);
      const end = filled + bytesRead;
      if (bytesRead === 0) {
        // A last line with no newline is a record for the JS reader (flagged as torn), unless blank.
        if (filled > 0 && !isBlankLine(buf.subarray(startOf(filled), filled))) lines += 1;
        break;
      }
      const lastLf = buf.lastIndexOf(LF, end - 1);
      if (lastLf < 0) {
        if (end > MAX_LINE_BYTES) return { plain: false, why: 'a line is longer than the line limit' };
        filled = end;
        continue;
      }
      // Node's isUtf8 is simdutf: validating here costs a few ms per 100 MB; a chunk that fails
      // is checked again line by line, by the JS loop.
      const utf8 = isUtf8(buf.subarray(0, lastLf + 1));
      const tagChunk = utf8 && !options.reference ? tagWithWasm : tagWithJs;
      const w = await tagChunk(startOf(end), lastLf, utf8);
      if (w === undefined) return { plain: false, why: 'a line is longer than the line limit' };
      await flush(w);
      const start = lastLf + 1;
      const rest = end - start;
      buf.copy(buf, 0, start, end);
      base += start;
      filled = rest;
    }
    await writing;
    return lines === 0 ? { plain: false, why: 'no records' } : { plain: true, lines };
  } catch (thrown) {
    if (thrown instanceof CopyTooLarge) return { plain: false, why: 'the tagged copy outgrew its space' };
    // The JS reader keeps the records before the break and says where it is (textRecords.ts).
    if (options.gzip && isZlibError(thrown)) return { plain: false, why: 'the gzip stream breaks' };
    throw thrown;
  } finally {
    await writing.catch(() => undefined);
    await source.close();
    await out.close();
  }
}
