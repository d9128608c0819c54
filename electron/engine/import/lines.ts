/**
 * Splits a byte stream into JSONL records with their provenance: 1-based line number, byte
 * offset and length of the record's bytes (without the line ending). Handles a UTF-8 BOM,
 * CRLF endings, blank lines (counted, not emitted) and a torn last line (emitted, flagged).
 */
import { hasUtf8Bom } from '../../../shared/ingest/containerShape';

export interface LineRecord {
  /** 0-based among non-blank lines. */
  entryIndex: number;
  /** 1-based physical line number. */
  line: number;
  /** Offset of the record's first byte in the (decompressed) stream. */
  byteOffset: number;
  /** The record's exact bytes, without `\n` or a trailing `\r`. */
  bytes: Uint8Array;
  /** True for a last line with no terminating newline (a writer may have crashed mid-line). */
  unterminated: boolean;
  /** The record's length in the file when only a head of it is kept (an oversized line). */
  fullLength?: number;
  /** Set when the reader already knows the record is broken (the rest of an unparseable document). */
  problem?: { reason: string; field: string | null };
}

const LF = 0x0a;
const CR = 0x0d;

/** Only spaces, tabs and CRs: a line the reader counts but does not emit. */
export function isBlankLine(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== CR) return false;
  return true;
}

/** A line longer than this is hostile or broken: only its head is kept (see `record`). */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
const KEPT_HEAD_BYTES = 1024 * 1024;

/** Stateful splitter: feed chunks in order, then call `end()`. */
export class LineSplitter {
  /** The pieces of a line that spans chunks, kept as a list so long lines are not re-copied per chunk. */
  private parts: Uint8Array[] = [];
  private carryLength = 0;
  private carryOffset = 0;
  private nextLine = 1;
  private nextEntry = 0;
  private consumed = 0;
  private first = true;

  /**
   * `keep` picks records by entry index: the others are counted but not copied out, which is most
   * of the cost when only a few lines are wanted (the native path's left-out lines, nativeJsonl.ts).
   */
  constructor(
    private readonly emit: (record: LineRecord) => void,
    private readonly keep: (entryIndex: number) => boolean = () => true,
  ) {}

  push(chunk: Uint8Array): void {
    let data = chunk;
    let base = this.consumed;
    this.consumed += chunk.length;
    if (this.first) {
      this.first = false;
      // A UTF-8 BOM is not part of the first record; offsets still count it.
      if (hasUtf8Bom(data)) {
        data = data.subarray(3);
        base += 3;
        this.carryOffset = 3;
      }
    }
    let start = 0;
    let nl = data.indexOf(LF, start);
    if (nl >= 0 && this.carryLength > 0) {
      this.carry(data.subarray(0, nl));
      this.flushCarry(false);
      start = nl + 1;
      nl = data.indexOf(LF, start);
    }
    while (nl >= 0) {
      this.record(data.subarray(start, nl), base + start, false, nl - start);
      start = nl + 1;
      nl = data.indexOf(LF, start);
    }
    if (start < data.length) {
      if (this.carryLength === 0) this.carryOffset = base + start;
      this.carry(data.subarray(start));
    }
  }

  end(): void {
    if (this.carryLength > 0) this.flushCarry(true);
  }

  /** Keeps a piece of the pending line; past MAX_LINE_BYTES only the length is counted. */
  private carry(piece: Uint8Array): void {
    const room = Math.max(0, MAX_LINE_BYTES - this.carryLength);
    if (room > 0) this.parts.push(piece.slice(0, room));
    this.carryLength += piece.length;
  }

  private flushCarry(unterminated: boolean): void {
    const kept = this.parts.length === 1 ? (this.parts[0] as Uint8Array) : joinParts(this.parts);
    this.record(kept, this.carryOffset, unterminated, this.carryLength);
    this.parts = [];
    this.carryLength = 0;
  }

  private record(raw: Uint8Array, offset: number, unterminated: boolean, fullLength: number): void {
    const line = this.nextLine++;
    if (fullLength > MAX_LINE_BYTES) {
      // Nothing is dropped silently: the head is quarantined with the reason, and the whole line
      // stays in the original file, whose SHA-256 the case recorded, at this offset.
      this.emit({
        entryIndex: this.nextEntry++,
        line,
        byteOffset: offset,
        bytes: raw.slice(0, KEPT_HEAD_BYTES),
        unterminated,
        fullLength,
        problem: {
          reason: `line of ${fullLength} bytes is longer than ${MAX_LINE_BYTES} bytes: its first ${KEPT_HEAD_BYTES} bytes are kept here; the whole line is in the original file at byte offset ${offset}`,
          field: null,
        },
      });
      return;
    }
    const bytes = raw.length > 0 && raw[raw.length - 1] === CR ? raw.subarray(0, raw.length - 1) : raw;
    if (isBlankLine(bytes)) return;
    if (!this.keep(this.nextEntry)) {
      this.nextEntry += 1;
      return;
    }
    // Copy: the chunk buffer is reused by the stream; the record outlives it.
    this.emit({ entryIndex: this.nextEntry++, line, byteOffset: offset, bytes: bytes.slice(), unterminated });
  }
}

function joinParts(parts: Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}
