/**
 * Decides how to read a file from its first bytes, never its name (issue #3): gzip by magic
 * number, Parquet by `PAR1`, otherwise text that is either one JSON document or JSON Lines.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { hasUtf8Bom, isGzipMagic, isParquetMagic, textShape } from '../../../shared/ingest/containerShape';
import { isJsonWhitespace } from '../../../shared/json/charCodes';

export type Sniffed =
  | { kind: 'parquet' }
  | { kind: 'text'; gzip: boolean; shape: 'jsonl' | 'json-document' }
  | { kind: 'unknown'; reason: string };

const SNIFF_BYTES = 64 * 1024;

async function head(path: string, n: number): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = new Uint8Array(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Decompresses as much of a gzip head as possible (a truncated member still yields a prefix). */
function gunzipPrefix(b: Uint8Array): Uint8Array {
  try {
    return gunzipSync(b, { finishFlush: 2 /* Z_SYNC_FLUSH: tolerate the cut */ });
  } catch {
    return new Uint8Array(0);
  }
}

export async function sniffFile(path: string): Promise<Sniffed> {
  const bytes = await head(path, SNIFF_BYTES);
  if (bytes.length === 0) return { kind: 'unknown', reason: 'the file is empty' };
  if (isParquetMagic(bytes)) return { kind: 'parquet' };
  const gzip = isGzipMagic(bytes);
  const textBytes = gzip ? gunzipPrefix(bytes) : bytes;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(textBytes);
  let shape = textShape(text);
  if (shape === 'json' && bytes.length === SNIFF_BYTES && firstLineOpen(text)) {
    // The first line runs past the head, so the head cannot show whether it is a whole record.
    // A next line starting another object makes the file JSON Lines, as in textShape; without
    // this, one long first record would turn a JSONL archive into a broken JSON document.
    if ((await firstByteAfterFirstLine(path, gzip)) === 0x7b) shape = 'jsonl';
  }
  if (!shape) {
    const sample = JSON.stringify(text.slice(0, 24));
    return { kind: 'unknown', reason: `not JSON, JSON Lines or Parquet (starts with ${sample})` };
  }
  return { kind: 'text', gzip, shape: shape === 'json' ? 'json-document' : 'jsonl' };
}

/** True when the text's first record (after a BOM and blank lines) has no line end in `text`. */
function firstLineOpen(text: string): boolean {
  return !text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .includes('\n');
}

const LF = 0x0a;

/**
 * The first byte that is not whitespace after the end of the file's first record line, or
 * undefined at the end of the file (or of what a damaged gzip stream yields). Streams the file
 * and keeps none of it.
 */
async function firstByteAfterFirstLine(path: string, gzip: boolean): Promise<number | undefined> {
  const file = createReadStream(path, { highWaterMark: 1024 * 1024 });
  const stream = gzip ? file.pipe(createGunzip()) : file;
  let state: 'before-record' | 'in-line' | 'after-line' = 'before-record';
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      // A UTF-8 BOM may open the file (lines.ts skips it too).
      let i = first && hasUtf8Bom(chunk) ? 3 : 0;
      first = false;
      while (i < chunk.length) {
        if (state === 'in-line') {
          const lf = chunk.indexOf(LF, i);
          if (lf < 0) break;
          state = 'after-line';
          i = lf + 1;
        } else {
          const b = chunk[i] as number;
          if (!isJsonWhitespace(b)) {
            if (state === 'after-line') return b;
            state = 'in-line';
          }
          i += 1;
        }
      }
    }
  } catch {
    return undefined; // a damaged gzip stream: keep what the head showed
  } finally {
    file.destroy();
  }
  return undefined;
}
