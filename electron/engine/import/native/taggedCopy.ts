/**
 * One pass over a JSON Lines file that decides whether DuckDB may read it directly
 * (nativeJsonl.ts) and, if so, writes a tagged copy for it: each line again, with its line
 * index, byte offset and length put in front as a first member,
 *
 *     {"run_id":"r1",…}   →   {"\u0001":"000000000000:000000000000000:000000019","run_id":"r1",…}
 *
 * DuckDB can only number rows by reading a file in order on one thread (WITH ORDINALITY, or a
 * POSITIONAL JOIN with an offsets file), which made the import single-threaded; a record that
 * carries its own place lets every DuckDB thread read and insert any part of the file. The tag has
 * a fixed width, so SQL reads it by position and the original text is the rest of the object.
 * (Writing it in parts for one INSERT each, to overlap this pass with DuckDB, was tried: DuckDB's
 * second and later INSERTs into the same transaction ran ~2× slower and held more memory.)
 *
 * DuckDB's JSON reader skips blank lines, trims whitespace around a record and stops at invalid
 * UTF-8, so the copy is only written for a "plain" file: valid UTF-8, no BOM, no CR, every line a
 * non-empty `{…}` with nothing around it, no oversized line, and a final newline (a torn last
 * line is the JS reader's job). Lines over NATIVE_MAX_LINE_BYTES are left out of the copy, so
 * the JS path reads them like the rows DuckDB leaves out. A file that holds the tag's key text
 * anywhere is not plain either, so no record can forge another line's place. Anything else goes
 * through the JS reader (lines.ts), which handles all of it.
 */
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { CLOSE_BRACE, COLON, OPEN_BRACE } from '../../../../shared/json/charCodes';
import { MAX_LINE_BYTES } from '../lines';

export type JsonlLayout = { plain: true; lines: number } | { plain: false; why: string };

/** The tag's key, as JSON text: `\u0001` spelled as an escape, so the file's own bytes show it. */
const TAG_KEY_CODE_POINT = 0x01;
const TAG_KEY = `"\\u${TAG_KEY_CODE_POINT.toString(16).padStart(4, '0')}"`;
const TAG_OPEN = Buffer.from(`{${TAG_KEY}:"`, 'latin1');
const INDEX_DIGITS = 12;
const OFFSET_DIGITS = 15;
const LENGTH_DIGITS = 9;
const TAG_CLOSE = Buffer.from('",', 'latin1');

/**
 * Where the tag's parts sit in a tagged record's text (1-based, for SQL substr): the line index,
 * the byte offset, the line's length, and where the original record continues after its `{`.
 */
export const TAG = (() => {
  const index = TAG_OPEN.length + 1;
  const offset = index + INDEX_DIGITS + 1;
  const length = offset + OFFSET_DIGITS + 1;
  const rest = length + LENGTH_DIGITS + TAG_CLOSE.length;
  return {
    open: TAG_OPEN.toString('latin1'),
    /** The key's code point once decoded (json_keys gives it so): U+0001. */
    keyCodePoint: TAG_KEY_CODE_POINT,
    index: { at: index, digits: INDEX_DIGITS },
    offset: { at: offset, digits: OFFSET_DIGITS },
    length: { at: length, digits: LENGTH_DIGITS },
    rest,
  };
})();

const TAG_BYTES = TAG.rest - 1;
const CHUNK = 8 * 1024 * 1024;
/**
 * Longer lines are left out of the copy and go to the JS path. DuckDB's JSON reader holds two
 * buffers of twice its maximum object size per thread: at the 64 MiB line limit that was 256 MiB
 * a thread, and the INSERT ran out of memory under a 512 MB limit; at 1 MiB it fits in 400 MB.
 */
export const NATIVE_MAX_LINE_BYTES = 1024 * 1024;
const LF = 0x0a;
const DIGIT_0 = 0x30;
const KEY_TEXT = Buffer.from(TAG_KEY.slice(1, -1), 'latin1');

/**
 * Writes `value` (below 10^digits, at most 2^53) as `digits` zero-padded decimal digits at `at`;
 * returns the end. Integer arithmetic on the low eight digits, the rest apart: a float `%` and
 * Math.floor per digit, with a Buffer.copy per constant (putBytes), cost ≈0.2 s of a 0.8 s pass
 * per million lines.
 */
export function putDigits(out: Buffer, at: number, value: number, digits: number): number {
  let low = value % 100_000_000;
  let high = (value - low) / 100_000_000;
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

/** Copies a short constant byte by byte: a Buffer.copy call costs more than its bytes here. */
function putBytes(out: Buffer, at: number, bytes: Buffer): number {
  for (let k = 0; k < bytes.length; k++) out[at + k] = bytes[k]!;
  return at + bytes.length;
}

/** Scans `path`, writing the tagged copy to `copyFile`; stops at the first reason the file is not plain. */
export async function writeTaggedCopy(
  path: string,
  copyFile: string,
  onBytes: (n: number) => void,
  signal?: AbortSignal,
): Promise<JsonlLayout> {
  const handle = await open(path, 'r');
  const out = await open(copyFile, 'w');
  let lines = 0;
  let writing: Promise<unknown> = Promise.resolve();
  try {
    const buf = Buffer.allocUnsafe(CHUNK + MAX_LINE_BYTES);
    // Two output buffers: one is written out while the next chunk is read and tagged into the other.
    const buffers = [Buffer.allocUnsafe(2 * CHUNK), Buffer.allocUnsafe(2 * CHUNK)] as const;
    let tagged: Buffer = buffers[0];
    let outAt = 0;
    const flush = async (length: number): Promise<void> => {
      await writing;
      writing = out.write(tagged, 0, length, outAt);
      outAt += length;
      tagged = tagged === buffers[0] ? buffers[1] : buffers[0];
    };
    let filled = 0; // bytes of a pending line carried to the front of buf
    let base = 0; // file offset of buf[0]
    for (;;) {
      if (signal?.aborted) throw signal.reason ?? new Error('cancelled');
      const { bytesRead } = await handle.read(buf, filled, CHUNK, base + filled);
      const end = filled + bytesRead;
      onBytes(bytesRead);
      if (bytesRead === 0) {
        if (filled > 0) return { plain: false, why: 'the last line has no newline' };
        break;
      }
      const lastLf = buf.lastIndexOf(LF, end - 1);
      if (lastLf < 0) {
        if (end > MAX_LINE_BYTES) return { plain: false, why: 'a line is longer than the line limit' };
        filled = end;
        continue;
      }
      const complete = buf.subarray(0, lastLf + 1);
      // Node's isUtf8 is simdutf: validating here costs a few ms per 100 MB.
      if (!isUtf8(complete)) return { plain: false, why: 'not valid UTF-8 throughout' };
      if (complete.indexOf(KEY_TEXT) >= 0) return { plain: false, why: 'a record holds the tag key text' };
      let start = 0;
      let w = 0;
      for (let nl = complete.indexOf(LF, 0); nl >= 0; nl = complete.indexOf(LF, start)) {
        const length = nl - start;
        if (length === 0 || buf[start] !== OPEN_BRACE || buf[nl - 1] !== CLOSE_BRACE)
          return { plain: false, why: `line ${lines + 1} is not a bare {…} record` };
        if (length > MAX_LINE_BYTES) return { plain: false, why: 'a line is longer than the line limit' };
        if (length > NATIVE_MAX_LINE_BYTES) {
          lines += 1;
          start = nl + 1;
          continue;
        }
        if (w + TAG_BYTES + length > tagged.length) {
          await flush(w);
          w = 0;
        }
        w = putBytes(tagged, w, TAG_OPEN);
        w = putDigits(tagged, w, lines, INDEX_DIGITS);
        tagged[w++] = COLON;
        w = putDigits(tagged, w, base + start, OFFSET_DIGITS);
        tagged[w++] = COLON;
        w = putDigits(tagged, w, length, LENGTH_DIGITS);
        w = putBytes(tagged, w, TAG_CLOSE);
        // The line after its `{`, with its newline. `{}` becomes `{"\u0001":"…",}`, which DuckDB
        // rejects, so that line goes to the JS path like any other row DuckDB leaves out.
        w += buf.copy(tagged, w, start + 1, nl + 1);
        lines += 1;
        start = nl + 1;
      }
      await flush(w);
      const rest = end - start;
      buf.copy(buf, 0, start, end);
      base += start;
      filled = rest;
    }
    await writing;
    return lines === 0 ? { plain: false, why: 'no records' } : { plain: true, lines };
  } finally {
    await writing.catch(() => undefined);
    await handle.close();
    await out.close();
  }
}
