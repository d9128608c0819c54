/**
 * Splits a byte stream into JSONL records with their provenance: 1-based line number, byte
 * offset and length of the record's bytes (without the line ending). Handles a UTF-8 BOM,
 * CRLF endings, blank lines (counted, not emitted) and a torn last line (emitted, flagged).
 */

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
  /** Set when the reader already knows the record is broken (the rest of an unparseable document). */
  problem?: { reason: string; field: string | null };
}

const LF = 0x0a;
const CR = 0x0d;

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== CR) return false;
  return true;
}

/** Stateful splitter: feed chunks in order, then call `end()`. */
export class LineSplitter {
  private carry: Uint8Array = new Uint8Array(0);
  private carryOffset = 0;
  private nextLine = 1;
  private nextEntry = 0;
  private consumed = 0;
  private first = true;

  constructor(private readonly emit: (record: LineRecord) => void) {}

  push(chunk: Uint8Array): void {
    let data = chunk;
    let base = this.consumed;
    this.consumed += chunk.length;
    if (this.first) {
      this.first = false;
      // A UTF-8 BOM is not part of the first record; offsets still count it.
      if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
        data = data.subarray(3);
        base += 3;
        this.carryOffset = 3;
      }
    }
    let start = 0;
    let nl = data.indexOf(LF, start);
    if (nl >= 0 && this.carry.length > 0) {
      const joined = concat(this.carry, data.subarray(0, nl));
      this.record(joined, this.carryOffset, false);
      this.carry = new Uint8Array(0);
      start = nl + 1;
      nl = data.indexOf(LF, start);
    }
    while (nl >= 0) {
      this.record(data.subarray(start, nl), base + start, false);
      start = nl + 1;
      nl = data.indexOf(LF, start);
    }
    if (start < data.length) {
      if (this.carry.length === 0) this.carryOffset = base + start;
      this.carry = concat(this.carry, data.subarray(start));
    }
  }

  end(): void {
    if (this.carry.length > 0) this.record(this.carry, this.carryOffset, true);
    this.carry = new Uint8Array(0);
  }

  private record(raw: Uint8Array, offset: number, unterminated: boolean): void {
    const line = this.nextLine++;
    const bytes = raw.length > 0 && raw[raw.length - 1] === CR ? raw.subarray(0, raw.length - 1) : raw;
    if (isBlank(bytes)) return;
    // Copy: the chunk buffer is reused by the stream; the record outlives it.
    this.emit({ entryIndex: this.nextEntry++, line, byteOffset: offset, bytes: bytes.slice(), unterminated });
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b.slice();
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
