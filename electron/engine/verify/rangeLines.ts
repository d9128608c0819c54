/**
 * The records of a byte range of a JSONL file as jsonlFileRecords.ts reads them from the whole
 * file: the same texts, with entryIndex and line local to the range (from 0 and 1). `start` is 0
 * or just after a `\n`, `end` just after one or the file's end (precheckSteps.ts lineRanges).
 * A range of ordinary size is decoded in one go and cut into lines in the string, which costs a
 * fraction of one decode per line (issue #4, "Speed"); a larger one (a line beyond the probe that
 * cuts ranges) goes through the import's LineSplitter as the whole-file reader does.
 */
import { hasUtf8Bom } from '../../../shared/ingest/containerShape';
import { isAscii } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { LineSplitter } from '../import/lines';

export type OnLine = (text: string, entryIndex: number, line: number) => void;

/** Above this a range is read in chunks (a line of up to 64 MiB must stay possible, lines.ts). */
const WHOLE_RANGE_BYTES = 32 * 1024 * 1024;
const CHUNK = 4 * 1024 * 1024;
const LF = 0x0a;
const CR = 13;
const TAB = 9;
const SPACE = 32;
const BOM = 0xfeff;

let scratch = Buffer.alloc(0);

function readRange(fd: number, start: number, length: number): Buffer {
  if (scratch.length < length) scratch = Buffer.allocUnsafe(length);
  let n = 0;
  while (n < length) {
    const got = readSync(fd, scratch, n, length - n, start + n);
    if (got <= 0) break;
    n += got;
  }
  return scratch.subarray(0, n);
}

/** The line splitter's blank line: spaces, tabs and carriage returns only. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== CR) return false;
  }
  return true;
}

/** Decoded a piece at a time: a whole range as one string would be an external string of its size, freed late. */
const PIECE_BYTES = 512 * 1024;

function decodePiece(data: Buffer): string {
  // ASCII decodes the same as Latin-1, which is a plain copy (the usual case: several times faster).
  return isAscii(data) ? data.toString('latin1') : new TextDecoder('utf-8', { ignoreBOM: true }).decode(data);
}

/**
 * Equal to decoding each line on its own: pieces end at a `\n`, the UTF-8 decoder never takes a
 * `\n` into a broken sequence, and a per-line decode drops one leading BOM, as this does by hand.
 */
function wholeRange(bytes: Buffer, atFileStart: boolean, onLine: OnLine, pieceBytes: number): number {
  // LineSplitter drops a BOM at the start of the file (its first chunk) only.
  const skip = atFileStart && hasUtf8Bom(bytes);
  let line = 0;
  let entry = 0;
  for (let at = skip ? 3 : 0; at < bytes.length;) {
    let cut = bytes.length;
    if (at + pieceBytes < bytes.length) {
      const nl = bytes.lastIndexOf(LF, at + pieceBytes - 1);
      const next = nl >= at ? nl : bytes.indexOf(LF, at + pieceBytes);
      if (next >= 0) cut = next + 1;
    }
    const text = decodePiece(bytes.subarray(at, cut));
    at = cut;
    for (let p = 0; p < text.length;) {
      let nl = text.indexOf('\n', p);
      if (nl < 0) nl = text.length;
      line++;
      const end = nl > p && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      if (!isBlank(text, p, end)) {
        const from = text.charCodeAt(p) === BOM ? p + 1 : p;
        onLine(text.slice(from, end), entry++, line);
      }
      p = nl + 1;
    }
  }
  return line;
}

function inChunks(fd: number, start: number, end: number, onLine: OnLine): number {
  const decoder = new TextDecoder('utf-8');
  const splitter = new LineSplitter((r) => onLine(decoder.decode(r.bytes), r.entryIndex, r.line));
  // Past the file's start a leading BOM is data: spend the splitter's first-chunk check on nothing.
  if (start > 0) splitter.push(new Uint8Array(0));
  const chunk = new Uint8Array(CHUNK);
  let lines = 0;
  let lastByte = LF;
  for (let pos = start; pos < end;) {
    const n = readSync(fd, chunk, 0, Math.min(CHUNK, end - pos), pos);
    if (n <= 0) break;
    const data = chunk.subarray(0, n);
    for (let i = data.indexOf(LF); i >= 0; i = data.indexOf(LF, i + 1)) lines++;
    lastByte = data[n - 1] ?? LF;
    splitter.push(data);
    pos += n;
  }
  splitter.end();
  return lastByte === LF ? lines : lines + 1;
}

/** Calls `onLine` for each record of the range in order; returns its physical line count. */
export function forEachRangeLine(
  path: string,
  start: number,
  end: number,
  onLine: OnLine,
  sizes: { piece: number; wholeRange: number } = { piece: PIECE_BYTES, wholeRange: WHOLE_RANGE_BYTES },
): number {
  const fd = openSync(path, 'r');
  try {
    if (end - start > sizes.wholeRange) return inChunks(fd, start, end, onLine);
    return wholeRange(readRange(fd, start, end - start), start === 0, onLine, sizes.piece);
  } finally {
    closeSync(fd);
  }
}
