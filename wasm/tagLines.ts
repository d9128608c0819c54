/**
 * The tagged copy's inner loop (electron/engine/import/native/taggedCopy.ts), in AssemblyScript
 * compiled to WebAssembly (scripts/build-wasm.mjs): for each complete line of a chunk already
 * checked as UTF-8, the same decisions and the same bytes as the JS loop there, which stays the
 * reference (test/engine/taggedCopy.test.ts compares the two on random files). In JS each line
 * cost two Node bindings (indexOf, copy) and an allocation: ≈0.45 CPU-s per million lines, where
 * this takes ≈0.1 (16 bytes per step for LF, CR and U+0001; memory.copy for the record).
 *
 * Each copied line's tag also says whether a family's refusing pattern matches the record
 * (electron/engine/import/native/keyScan.ts, the reference this scan follows step by step), over
 * a table of names the caller places with setRules().
 *
 * Addresses are offsets in the memory the caller gives (--importMemory). State the caller reads
 * and sets between calls: `lines` (records so far) and `blanks` (blank lines so far).
 */

export let lines: f64 = 0;
export let blanks: f64 = 0;
/** Where the last call stopped: the next line's start, and the end of what it wrote. */
export let stoppedAt: i32 = 0;
export let written: i32 = 0;

/** tag()'s answers. */
export const DONE: i32 = 0;
export const OUTPUT_FULL: i32 = 1;
export const LINE_TOO_LONG: i32 = 2;

const LF: u8 = 0x0a;
const CR: u8 = 0x0d;
const SEPARATOR: u8 = 0x01;
const OPEN_BRACE: u8 = 0x7b;
const CLOSE_BRACE: u8 = 0x7d;
/** The tag at its widest: four decimals up to 2^53, the scan's digit and their separators (taggedCopy.ts). */
const TAG_MAX_BYTES: i32 = 4 * 17 + 2;

const QUOTE: u8 = 0x22;
const COMMA: u8 = 0x2c;
const COLON: u8 = 0x3a;
const OPEN_BRACKET: u8 = 0x5b;
const CLOSE_BRACKET: u8 = 0x5d;
const MINUS: u8 = 0x2d;
const MUST_BE_TEXT: i32 = 1;
const REFUSED: i32 = 2;
const ONCE: i32 = 4;

/** The rule table (keyScan.ts keyRuleTable), 0 for none; an i32 per `once` name; this line's mark. */
let rules: i32 = 0;
let stamps: i32 = 0;
let stamp: i32 = 0;
let longest: i32 = 0;

/** Scans each copied line with the rule table at `table` (0: none), marking names at `stampArea`. */
export function setRules(table: i32, stampArea: i32): void {
  rules = table;
  stamps = stampArea;
  stamp = 0;
  longest = table == 0 ? 0 : load<i32>(table + 8);
}

function skipBlanks(p: i32, end: i32): i32 {
  while (p < end) {
    const c = load<u8>(p);
    if (c != 0x20 && c != 0x09) break;
    p++;
  }
  return p;
}

function nanOrInf(p: i32, end: i32): bool {
  if (p + 3 > end) return false;
  const a = load<u8>(p) | 0x20;
  const b = load<u8>(p + 1) | 0x20;
  const c = load<u8>(p + 2) | 0x20;
  return (a == 0x6e && b == 0x61 && c == 0x6e) || (a == 0x69 && b == 0x6e && c == 0x66);
}

/** Where the table's bitmap of lengths and first bytes, and its slots, start (keyScan.ts keyRuleTable). */
const BITMAP: i32 = 16;
const SLOTS: i32 = BITMAP + (32 * 256) / 8;

/** The slot of the name at [p, p + len), or 0. */
function lookup(p: i32, len: i32): i32 {
  const bit = (len & 31) * 256 + <i32>load<u8>(p);
  if ((load<u8>(rules + BITMAP + (bit >> 3)) & (1 << (bit & 7))) == 0) return 0;
  const mask = load<i32>(rules) - 1;
  let slot = (len * 31 + <i32>load<u8>(p) * 7 + <i32>load<u8>(p + len - 1)) & mask;
  let base = rules + SLOTS + slot * 16;
  while (load<i32>(base) != 0) {
    if (load<i32>(base + 4) == len) {
      const at = rules + load<i32>(base);
      let k = 0;
      while (k < len && load<u8>(at + k) == load<u8>(p + k)) k++;
      if (k == len) return base;
    }
    slot = (slot + 1) & mask;
    base = rules + SLOTS + slot * 16;
  }
  return 0;
}

/**
 * Whether the name between the quotes at `i` and `q` makes the refusing pattern match: keyScan.ts
 * `refused` checks the same for the candidate that starts at `i`.
 */
function candidate(i: i32, q: i32, end: i32): bool {
  const len = q - i - 1;
  if (len == 0 || len > longest) return false;
  const slot = lookup(i + 1, len);
  if (slot == 0) return false;
  const flags = load<i32>(slot + 8);
  if (flags & REFUSED) return true;
  const colon = skipBlanks(q + 1, end);
  if (colon >= end || load<u8>(colon) != COLON) return false;
  if (flags & MUST_BE_TEXT) {
    const v = skipBlanks(colon + 1, end);
    if (v < end) {
      const d = load<u8>(v);
      if (d != QUOTE && d != 0x6e) return true;
      if (d == 0x6e && v + 1 < end && load<u8>(v + 1) != 0x75) return true;
    }
  }
  if (flags & ONCE) {
    const at = stamps + load<i32>(slot + 12) * 4;
    if (load<i32>(at) == stamp) return true;
    store<i32>(at, stamp);
  }
  return false;
}

/**
 * Whether the refusing pattern matches [start, end): the bytes it turns on (quotes, commas, colons,
 * opening brackets) found 16 at a time, in order. Each quote ends the candidate name that the
 * quote before it started; the answer does not depend on the order of the checks.
 */
function refused(start: i32, end: i32): bool {
  stamp++;
  const quotes = i8x16.splat(QUOTE);
  const commas = i8x16.splat(COMMA);
  const colons = i8x16.splat(COLON);
  const brackets = i8x16.splat(OPEN_BRACKET);
  let previousQuote = -1;
  for (let p = start; p < end; p += 16) {
    let bits: i32 = 0;
    if (p + 16 <= end) {
      const v = v128.load(p);
      bits = i8x16.bitmask(
        v128.or(
          v128.or(i8x16.eq(v, quotes), i8x16.eq(v, commas)),
          v128.or(i8x16.eq(v, colons), i8x16.eq(v, brackets)),
        ),
      );
    } else {
      for (let k = 0; p + k < end; k++) {
        const c = load<u8>(p + k);
        if (c == QUOTE || c == COMMA || c == COLON || c == OPEN_BRACKET) bits |= 1 << k;
      }
    }
    while (bits != 0) {
      const i = p + ctz(bits);
      bits &= bits - 1;
      const c = load<u8>(i);
      if (c == QUOTE) {
        if (previousQuote >= 0 && candidate(previousQuote, i, end)) return true;
        previousQuote = i;
        continue;
      }
      // After a comma a closing bracket or brace; after any of the three, nan or inf.
      let j = skipBlanks(i + 1, end);
      if (j >= end) continue;
      let d = load<u8>(j);
      if (c == COMMA && (d == CLOSE_BRACKET || d == CLOSE_BRACE)) return true;
      if (d == MINUS && j + 1 < end) d = load<u8>(++j);
      if ((d | 0x20) != 0x6e && (d | 0x20) != 0x69) continue;
      if (nanOrInf(j, end)) return true;
    }
  }
  return false;
}

function putDecimal(at: i32, value: i64): i32 {
  let digits = 1;
  for (let v = value; v >= 10; v /= 10) digits++;
  let v = value;
  for (let i = at + digits - 1; i >= at; i--) {
    store<u8>(i, <u8>(0x30 + <i32>(v % 10)));
    v /= 10;
  }
  return at + digits;
}

/** Spaces, tabs and CRs only: isBlankLine in lines.ts. */
function isBlank(start: i32, end: i32): bool {
  for (let p = start; p < end; p++) {
    const c = load<u8>(p);
    if (c != 0x20 && c != 0x09 && c != CR) return false;
  }
  return true;
}

/** A CR or U+0001 in [start, end). */
function holdsSplitter(start: i32, end: i32): bool {
  for (let p = start; p < end; p++) {
    const c = load<u8>(p);
    if (c == CR || c == SEPARATOR) return true;
  }
  return false;
}

/**
 * Tags the lines of [start, end), which ends with a LF, into [out, outEnd). `offset` is the text
 * offset of address 0, so a line at `p` starts at text offset `offset + p`.
 */
export function tag(
  start: i32,
  end: i32,
  out: i32,
  outEnd: i32,
  offset: f64,
  maxLineBytes: i32,
  nativeMaxLineBytes: i32,
): i32 {
  const lf = i8x16.splat(LF);
  const cr = i8x16.splat(CR);
  const separator = i8x16.splat(SEPARATOR);
  const base = <i64>offset;
  let w = out;
  while (start < end) {
    // The line's end, and whether a CR or U+0001 comes before it (checked exactly below).
    let p = start;
    let nl = -1;
    let suspect = false;
    while (p + 16 <= end) {
      const v = v128.load(p);
      const lfs = i8x16.bitmask(i8x16.eq(v, lf));
      const others = i8x16.bitmask(v128.or(i8x16.eq(v, cr), i8x16.eq(v, separator)));
      if (lfs != 0) {
        const k = ctz(lfs);
        nl = p + k;
        if ((others & ((1 << k) - 1)) != 0) suspect = true;
        break;
      }
      if (others != 0) suspect = true;
      p += 16;
    }
    for (; nl < 0 && p < end; p++) {
      const c = load<u8>(p);
      if (c == LF) nl = p;
      else if (c == CR || c == SEPARATOR) suspect = true;
    }
    if (nl < 0) break; // not reached: `end` follows a LF
    // The JS reader drops one CR before the newline (lines.ts); the copy holds the record without it.
    const recordEnd = nl > start && load<u8>(nl - 1) == CR ? nl - 1 : nl;
    const length = recordEnd - start;
    if (length > maxLineBytes) {
      stoppedAt = start;
      written = w;
      return LINE_TOO_LONG;
    }
    const bare = length > 0 && load<u8>(start) == OPEN_BRACE && load<u8>(recordEnd - 1) == CLOSE_BRACE;
    if (!bare && isBlank(start, recordEnd)) {
      blanks += 1;
      start = nl + 1;
      continue;
    }
    const leftOut = !bare || length > nativeMaxLineBytes || (suspect && holdsSplitter(start, recordEnd));
    if (!leftOut) {
      if (w + TAG_MAX_BYTES + length + 1 > outEnd) {
        stoppedAt = start;
        written = w;
        return OUTPUT_FULL;
      }
      w = putDecimal(w, <i64>lines);
      store<u8>(w++, SEPARATOR);
      w = putDecimal(w, <i64>blanks);
      store<u8>(w++, SEPARATOR);
      w = putDecimal(w, base + <i64>start);
      store<u8>(w++, SEPARATOR);
      w = putDecimal(w, <i64>length);
      store<u8>(w++, SEPARATOR);
      store<u8>(w++, rules == 0 ? 0x32 : refused(start, recordEnd) ? 0x31 : 0x30);
      store<u8>(w++, SEPARATOR);
      memory.copy(w, start, length);
      w += length;
      store<u8>(w++, LF);
    }
    lines += 1;
    start = nl + 1;
  }
  stoppedAt = start;
  written = w;
  return DONE;
}
