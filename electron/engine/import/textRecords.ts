/**
 * Reads a text archive (optionally gzip) as records with provenance. JSON Lines stream in
 * constant memory; a JSON document (an export, a CloudEvents batch) is read whole and each
 * array element becomes a record with the line and byte offset where it starts.
 */
import { constants as bufferLimits, isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { constants as zlibConstants, createGunzip, gunzipSync } from 'node:zlib';
import { hasUtf8Bom } from '../../../shared/ingest/containerShape';
import { isJsonWhitespace } from '../../../shared/json/charCodes';
import { locateArrayElements, parseJson } from '../../../shared/json/parse';
import { isJsonArray, isJsonObject } from '../../../shared/json/value';
import { LineSplitter, type LineRecord } from './lines';

export type RawRecord = LineRecord;

/** zlib's errors carry a Z_* code (Z_BUF_ERROR for a cut stream, Z_DATA_ERROR for damage). */
export function isZlibError(thrown: unknown): thrown is Error {
  return thrown instanceof Error && /^Z_/.test(String((thrown as { code?: unknown }).code));
}

export interface JsonlReadOptions {
  /** Bytes of the file read (compressed ones for gzip), for progress. */
  onBytes?: (n: number) => void;
  signal?: AbortSignal;
  /** What the reader noticed about the file itself (a broken gzip stream). */
  onNote?: (note: string) => void;
  /** Only the records this answers true for are emitted (lines.ts LineSplitter). */
  keep?: (entryIndex: number) => boolean;
}

/**
 * Streams JSONL records. A gzip stream that breaks (a cut copy, damage) ends the records there:
 * the line it cut is the torn last line (quarantined by the caller), and `onNote` says where and
 * why, so the records before the break are imported rather than the whole file failing.
 */
export async function* jsonlRecords(
  path: string,
  gzip: boolean,
  options: JsonlReadOptions = {},
): AsyncGenerator<RawRecord[]> {
  const { onBytes = () => undefined, signal, onNote = () => undefined } = options;
  const file = createReadStream(path, { highWaterMark: 4 * 1024 * 1024 });
  file.on('data', (chunk) => onBytes(chunk.length));
  const stream = gzip ? file.pipe(createGunzip()) : file;
  let batch: RawRecord[] = [];
  let decompressed = 0;
  const splitter = new LineSplitter((r) => batch.push(r), options.keep);
  try {
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (signal?.aborted) throw signal.reason ?? new Error('cancelled');
        decompressed += chunk.length;
        splitter.push(chunk);
        if (batch.length > 0) {
          yield batch;
          batch = [];
        }
      }
    } catch (thrown) {
      if (!gzip || !isZlibError(thrown)) throw thrown;
      onNote(
        `gzip: the compressed stream breaks after ${decompressed} decompressed bytes (${thrown.message}); the records before the break were read, and the rest is only in the original file, whose SHA-256 is recorded`,
      );
    }
    splitter.end();
    if (batch.length > 0) yield batch;
  } finally {
    file.destroy();
  }
}

export interface JsonDocument {
  /** The document's own members besides the records (an export's header), as text. */
  header: Record<string, string>;
  records: RawRecord[];
  /** Where the records were found: `[]` (top-level array), `entries`, or `.` (a single object). */
  container: string;
  /** What the reader noticed about the file itself (a broken gzip stream). */
  notes: string[];
}

export type DocumentResult = { ok: true; doc: JsonDocument } | { ok: false; message: string; line?: number };

/** A document is read as one string, and V8 holds no longer string. */
export const MAX_DOCUMENT_BYTES = bufferLimits.MAX_STRING_LENGTH;

function tooLarge(size: string): { ok: false; message: string } {
  return {
    ok: false,
    message: `the document is ${size}, more than the ${MAX_DOCUMENT_BYTES} bytes Casefile reads as one JSON document; export or split it as JSON Lines`,
  };
}

/**
 * The document's bytes (decompressed), or why they cannot be read as one document. A gzip stream
 * that breaks yields what it held before the break, and a note: the broken document's reader then
 * keeps the cut remainder in quarantine (readJsonDocument).
 */
async function documentBytes(
  path: string,
  gzip: boolean,
): Promise<{ ok: true; bytes: Buffer; note?: string } | { ok: false; message: string }> {
  const size = (await stat(path)).size;
  if (!gzip && size > MAX_DOCUMENT_BYTES) return tooLarge(`${size} bytes`);
  if (!gzip) return { ok: true, bytes: await readFile(path) };
  const compressed = await readFile(path);
  try {
    return { ok: true, bytes: gunzipSync(compressed, { maxOutputLength: MAX_DOCUMENT_BYTES }) };
  } catch (thrown) {
    if (thrown instanceof RangeError) return tooLarge('larger decompressed');
    if (!isZlibError(thrown)) throw thrown;
    const bytes = gunzipSync(compressed, {
      maxOutputLength: MAX_DOCUMENT_BYTES,
      finishFlush: zlibConstants.Z_SYNC_FLUSH,
    });
    const note = `gzip: the compressed stream breaks after ${bytes.length} decompressed bytes (${thrown.message}); what came before the break was read`;
    return { ok: true, bytes, note };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** A header value read from latin1 text holds UTF-8 bytes as characters; decode them (best effort). */
function headerText(value: string, utf8: boolean): string {
  if (utf8) return value;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0xff) return value; // an escape: not bytes
  return Buffer.from(value, 'latin1').toString('utf8');
}

/** Where a lone top-level value starts and ends in `bytes`, without the whitespace around it. */
function valueSpan(bytes: Uint8Array, from: number): { start: number; end: number } {
  let start = from;
  let end = bytes.length;
  while (start < end && isJsonWhitespace(bytes[start] as number)) start += 1;
  while (end > start && isJsonWhitespace(bytes[end - 1] as number)) end -= 1;
  return { start, end };
}

function countLineFeeds(bytes: Uint8Array, before: number): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < before; i = bytes.indexOf(0x0a, i + 1)) n += 1;
  return n;
}

export async function readJsonDocument(path: string, gzip: boolean): Promise<DocumentResult> {
  const read = await documentBytes(path, gzip);
  if (!read.ok) return read;
  const { bytes } = read;
  const notes = read.note ? [read.note] : [];
  const bomBytes = hasUtf8Bom(bytes) ? 3 : 0;
  // Not UTF-8: one character per byte (latin1), so every offset below is the byte's own and each
  // record keeps its exact bytes (parseRecord then quarantines the ones that are not UTF-8).
  // Decoding with U+FFFD would change a record's bytes and shift every offset after it. JSON's
  // structure is ASCII, so the elements are found alike either way.
  const utf8 = isUtf8(bytes);
  const text = utf8 ? bytes.toString('utf8', bomBytes) : bytes.toString('latin1', bomBytes);
  const starts = lineStarts(text);
  const parsed = parseJson(text, { allowNonFinite: true });
  const header: Record<string, string> = {};
  let member: string | undefined;
  if (parsed.ok) {
    const root = parsed.value;
    if (isJsonObject(root) && isJsonArray(root.entries)) {
      member = 'entries';
      for (const [k, v] of Object.entries(root))
        if (k !== 'entries') header[k] = v === null ? 'null' : headerText(String(v), utf8);
    } else if (!isJsonArray(root)) {
      // The record is the value's own bytes: the whitespace around it (a final newline) is the
      // file's, not the event's, as for an array element or a JSON Lines record.
      const { start, end } = valueSpan(bytes, bomBytes);
      const record: RawRecord = {
        entryIndex: 0,
        line: 1 + countLineFeeds(bytes, start),
        byteOffset: start,
        bytes: bytes.subarray(start, end),
        unterminated: false,
      };
      return { ok: true, doc: { header, records: [record], container: '.', notes } };
    }
  } else {
    // A broken document still yields every element before the break (nothing is lost: the
    // rest is quarantined whole, with the parser's reason and line).
    member = text.trimStart().startsWith('{') ? 'entries' : undefined;
  }
  const located = locateArrayElements(text, member);
  if (!located.ok && located.spans.length === 0 && !parsed.ok) {
    return {
      ok: false,
      message: `${parsed.error.message} at ${parsed.error.path || 'top level'}`,
      line: lineAt(starts, parsed.error.offset),
    };
  }
  const encoder = new TextEncoder();
  let bytePos = bomBytes;
  let charPos = 0;
  const toRecord = (start: number, end: number, entryIndex: number): RawRecord => {
    if (!utf8) {
      const from = bomBytes + start;
      return {
        entryIndex,
        line: lineAt(starts, start),
        byteOffset: from,
        bytes: bytes.subarray(from, bomBytes + end),
        unterminated: false,
      };
    }
    // Byte offsets: UTF-8 length of the text before each span, computed incrementally; valid
    // UTF-8 re-encodes to the same bytes.
    bytePos += encoder.encode(text.slice(charPos, start)).length;
    charPos = start;
    return {
      entryIndex,
      line: lineAt(starts, start),
      byteOffset: bytePos,
      bytes: encoder.encode(text.slice(start, end)),
      unterminated: false,
    };
  };
  const records = located.spans.map((span, i) => toRecord(span.start, span.end, i));
  if (!located.ok) {
    const from = located.spans.at(-1)?.end ?? 0;
    const rest = toRecord(from, text.length, records.length);
    const error = parsed.ok ? located.error : parsed.error;
    rest.problem = {
      reason: `the document breaks here (line ${lineAt(starts, error.offset)}): ${error.message}; the remainder of the file is kept whole`,
      field: error.path || null,
    };
    records.push(rest);
  }
  return { ok: true, doc: { header, records, container: member ?? '[]', notes } };
}
