/**
 * One cheap pass over a JSON Lines file that decides whether DuckDB may read it directly
 * (nativeJsonl.ts) and records where every line starts. DuckDB's JSON readers skip blank lines,
 * trim whitespace around a record and stop at invalid UTF-8, so their row N is line N only when
 * the file is "plain": valid UTF-8, no BOM, no CR, every line a non-empty `{…}` with nothing
 * around it, no oversized line, and a final newline (a torn last line is the JS reader's job).
 * Anything else goes through the exact JS reader (lines.ts), which handles all of it.
 */
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { MAX_LINE_BYTES } from '../lines';

/** For a plain file, `offsetsFile` holds "offset,length" per line in line order (DuckDB joins it by position). */
export type JsonlLayout = { plain: true; lines: number } | { plain: false; why: string };

const CHUNK = 8 * 1024 * 1024;
const LF = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Scans `path`, writing line offsets to `offsetsFile`; stops at the first reason the file is not plain. */
export async function scanJsonlLayout(
  path: string,
  offsetsFile: string,
  onBytes: (n: number) => void,
  signal?: AbortSignal,
): Promise<JsonlLayout> {
  const handle = await open(path, 'r');
  const out = await open(offsetsFile, 'w');
  let lines = 0;
  try {
    const buf = Buffer.allocUnsafe(CHUNK + MAX_LINE_BYTES);
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
      let start = 0;
      let csv = '';
      for (let nl = complete.indexOf(LF, 0); nl >= 0; nl = complete.indexOf(LF, start)) {
        const length = nl - start;
        if (length === 0 || buf[start] !== OPEN_BRACE || buf[nl - 1] !== CLOSE_BRACE)
          return { plain: false, why: `line ${lines + 1} is not a bare {…} record` };
        if (length > MAX_LINE_BYTES) return { plain: false, why: 'a line is longer than the line limit' };
        csv += `${base + start},${length}\n`;
        lines += 1;
        start = nl + 1;
      }
      await out.write(csv);
      const rest = end - start;
      buf.copy(buf, 0, start, end);
      base += start;
      filled = rest;
    }
  } finally {
    await handle.close();
    await out.close();
  }
  return lines === 0 ? { plain: false, why: 'no records' } : { plain: true, lines };
}
