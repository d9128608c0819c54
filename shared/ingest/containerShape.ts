/**
 * How to read an archive from its first bytes, never its name (issue #3). Shared by the engine's
 * importer and the renderer's import preview so both decide alike.
 */
import { parseJson } from '../json/parse';

/** "PAR1" starts every Parquet file. */
export function isParquetMagic(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
}

/** A UTF-8 byte order mark (EF BB BF), which is not part of the first record; offsets still count it. */
export function hasUtf8Bom(head: Uint8Array): boolean {
  return head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}

/** RFC 1952 member header. */
export function isGzipMagic(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * JSON Lines when the first non-blank line is a whole JSON value on its own (or, if that line is
 * broken, when the next line starts another record at column 0); a JSON document when the text
 * starts with `[` or with an object spread over lines (pretty-printed exports); null otherwise.
 */
export function textShape(text: string): 'jsonl' | 'json' | null {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  const first = trimmed[0];
  if (first !== '{' && first !== '[') return null;
  if (first === '[') return 'json';
  const lines = trimmed.split('\n', 2);
  if (parseJson((lines[0] ?? '').trim(), { allowNonFinite: true }).ok) return 'jsonl';
  return (lines[1] ?? '').startsWith('{') ? 'jsonl' : 'json';
}
