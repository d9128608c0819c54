/**
 * Decides how to read a file from its first bytes, never its name (issue #3): gzip by magic
 * number, Parquet by `PAR1`, otherwise text that is either one JSON document or JSON Lines.
 */
import { open } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { isGzipMagic, isParquetMagic, textShape } from '../../../shared/ingest/containerShape';

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
  const shape = textShape(text);
  if (!shape) {
    const sample = JSON.stringify(text.slice(0, 24));
    return { kind: 'unknown', reason: `not JSON, JSON Lines or Parquet (starts with ${sample})` };
  }
  return { kind: 'text', gzip, shape: shape === 'json' ? 'json-document' : 'jsonl' };
}
