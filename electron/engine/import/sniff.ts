/**
 * Decides how to read a file from its first bytes, never its name (issue #3): gzip by magic
 * number, Parquet by `PAR1`, otherwise text that is either one JSON document or JSON Lines.
 */
import { open } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';

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

function isGzip(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

function isParquet(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31;
}

/** Decompresses as much of a gzip head as possible (a truncated member still yields a prefix). */
function gunzipPrefix(b: Uint8Array): Uint8Array {
  try {
    return gunzipSync(b, { finishFlush: 2 /* Z_SYNC_FLUSH: tolerate the cut */ });
  } catch {
    return new Uint8Array(0);
  }
}

/**
 * JSONL when the first non-blank line is itself a complete JSON object; a JSON document when
 * the text starts with `[` or `{` and the first line is not a whole value (pretty-printed
 * exports) or when it is a single-line array (a CloudEvents batch on one line).
 */
export function textShape(text: string): 'jsonl' | 'json-document' | null {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  const first = trimmed[0];
  if (first !== '{' && first !== '[') return null;
  if (first === '[') return 'json-document';
  const firstLine = trimmed.split('\n', 1)[0]?.trim() ?? '';
  if (firstLine.endsWith('}') && balanced(firstLine)) return 'jsonl';
  // A malformed first record followed by another record at column 0 is still JSON Lines;
  // a pretty-printed document continues with an indented member instead.
  const second = trimmed.split('\n', 2)[1] ?? '';
  return second.startsWith('{') ? 'jsonl' : 'json-document';
}

/** Cheap check that braces/brackets outside strings balance on this line. */
function balanced(line: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return depth === 0 && !inString;
}

export async function sniffFile(path: string): Promise<Sniffed> {
  const bytes = await head(path, SNIFF_BYTES);
  if (bytes.length === 0) return { kind: 'unknown', reason: 'the file is empty' };
  if (isParquet(bytes)) return { kind: 'parquet' };
  const gzip = isGzip(bytes);
  const textBytes = gzip ? gunzipPrefix(bytes) : bytes;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(textBytes);
  const shape = textShape(text);
  if (!shape) {
    const sample = JSON.stringify(text.slice(0, 24));
    return { kind: 'unknown', reason: `not JSON, JSON Lines or Parquet (starts with ${sample})` };
  }
  return { kind: 'text', gzip, shape };
}
