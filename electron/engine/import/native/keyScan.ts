/**
 * recordShape.ts's refusing pattern for families with free-form members (refusingPattern), as one
 * scan of the record's bytes in the copy pass instead of a regex in DuckDB's INSERT: RE2 spent
 * ≈3.3 of a million meshguard lines' ≈15 CPU-s on it (perf; 300k lines without it: 2.2 against
 * 3.1–3.3 user-s). The pass writes the answer into each line's tag (taggedCopy.ts); the regex stays
 * the definition, and the tests hold the scan to it on random lines.
 *
 * The pattern, and how the scan reads it (a "key" here is raw text: a quote, a name, a quote,
 * blanks, a colon; every quote of the line starts a candidate, as a regex would try it):
 *
 * - `"(mustBeText)"WS:WS([^"n \t]|n[^u])`: such a key whose value starts with anything but a
 *   quote, or with `n` not followed by `u`;
 * - `,WS[\]}]`: a comma before a closing bracket or brace;
 * - `[:,\[]WS-?(?i:nan|inf)`;
 * - `"(refused)"`: a refused name in quotes, key or not;
 * - `"f"WS:.*"f"WS:` for each `once` name: its key twice (two such keys cannot overlap, as the
 *   second starts after the first's colon).
 *
 * This file is the reference: the WebAssembly pass (wasm/tagLines.ts) scans the same way over a
 * table of the names (keyRuleTable).
 */
import type { NativeFamily } from './nativeFamilies';
import { refusingNames } from './recordShape';

export interface KeyRules {
  mustBeText: readonly string[];
  refused: readonly string[];
  once: readonly string[];
}

const MUST_BE_TEXT = 1;
const REFUSED = 2;
const ONCE = 4;

/** The rules of `family`'s refusing pattern, or undefined when its checks do not use one. */
export function keyRulesOf(family: NativeFamily): KeyRules | undefined {
  return family.free.length > 0 ? refusingNames(family) : undefined;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;
const SPACE = 0x20;
const TAB = 0x09;
const MINUS = 0x2d;

function skipBlanks(buf: Uint8Array, at: number, end: number): number {
  while (at < end && (buf[at] === SPACE || buf[at] === TAB)) at++;
  return at;
}

/**
 * `nan` or `inf` at `at`, in any ASCII case: `| 0x20` maps only a letter onto a lower-case letter,
 * and RE2's case folding adds no other character for n, a, i or f.
 */
function nanOrInf(buf: Uint8Array, at: number, end: number): boolean {
  if (at + 3 > end) return false;
  const word = String.fromCharCode(buf[at]! | 0x20, buf[at + 1]! | 0x20, buf[at + 2]! | 0x20);
  return word === 'nan' || word === 'inf';
}

/** Each name's flags. */
function flagsOf(rules: KeyRules): Map<string, number> {
  const flags = new Map<string, number>();
  const add = (names: readonly string[], flag: number): void =>
    names.forEach((n) => flags.set(n, (flags.get(n) ?? 0) | flag));
  add(rules.mustBeText, MUST_BE_TEXT);
  add(rules.refused, REFUSED);
  add(rules.once, ONCE);
  return flags;
}

/** A scanner that answers whether the refusing pattern matches buf[start, end). */
export function keyScanner(rules: KeyRules): (buf: Uint8Array, start: number, end: number) => boolean {
  const flags = flagsOf(rules);
  const longest = Math.max(0, ...[...flags.keys()].map((n) => n.length));
  return (buf, start, end) => refused(buf, start, end, flags, longest);
}

function refused(
  buf: Uint8Array,
  start: number,
  end: number,
  flags: ReadonlyMap<string, number>,
  longest: number,
): boolean {
  const seen = new Set<string>();
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c === COMMA) {
      const j = skipBlanks(buf, i + 1, end);
      if (j < end && (buf[j] === CLOSE_BRACKET || buf[j] === CLOSE_BRACE)) return true;
    }
    if (c === COLON || c === COMMA || c === OPEN_BRACKET) {
      let j = skipBlanks(buf, i + 1, end);
      if (j < end && buf[j] === MINUS) j++;
      if (nanOrInf(buf, j, end)) return true;
    }
    if (c !== QUOTE) continue;
    const q = buf.indexOf(QUOTE, i + 1);
    if (q < 0 || q >= end) continue;
    if (q - i - 1 > longest) continue;
    const name = Buffer.from(buf.buffer, buf.byteOffset + i + 1, q - i - 1).toString('latin1');
    const flag = flags.get(name) ?? 0;
    if (flag & REFUSED) return true;
    const colon = skipBlanks(buf, q + 1, end);
    if (flag === 0 || colon >= end || buf[colon] !== COLON) continue;
    if (flag & MUST_BE_TEXT) {
      const v = skipBlanks(buf, colon + 1, end);
      if (v < end && buf[v] !== QUOTE && buf[v] !== 0x6e /* n */) return true;
      if (v + 1 < end && buf[v] === 0x6e && buf[v + 1] !== 0x75 /* u */) return true;
    }
    if (flag & ONCE) {
      if (seen.has(name)) return true;
      seen.add(name);
    }
  }
  return false;
}

/**
 * The rules as the WebAssembly pass reads them (wasm/tagLines.ts): a header of four i32s (the slot
 * count, a power of two; the number of `once` names; the longest name's length; 0); a bitmap of
 * 32 × 256 bits with bit `(length & 31) * 256 + first byte` set for each name, which turns most
 * quoted text away before a lookup; then per slot four i32s (the name's offset from the table's
 * start, or 0 for an empty slot; its length; its flags; its `once` index), then the names' bytes.
 * A name sits at the first free slot from `(length * 31 + first * 7 + last) & (slots - 1)`.
 */
export function keyRuleTable(rules: KeyRules): Uint8Array {
  const entries = [...flagsOf(rules)];
  let slots = 16;
  while (slots < entries.length * 4) slots *= 2;
  const bitmap = 16;
  const header = bitmap + (32 * 256) / 8;
  const namesAt = header + slots * 16;
  const nameBytes = entries.reduce((n, [name]) => n + name.length, 0);
  const table = new Uint8Array(namesAt + nameBytes);
  const view = new DataView(table.buffer);
  view.setInt32(0, slots, true);
  let onceIndex = 0;
  let at = namesAt;
  for (const [name, flag] of entries) {
    if (name.length === 0 || !/^[\x21-\x7e]+$/.test(name) || name.includes('"'))
      throw new Error(`key rule name ${JSON.stringify(name)} is not printable ASCII`);
    let slot = (name.length * 31 + name.charCodeAt(0) * 7 + name.charCodeAt(name.length - 1)) & (slots - 1);
    while (view.getInt32(header + slot * 16, true) !== 0) slot = (slot + 1) & (slots - 1);
    const bit = (name.length & 31) * 256 + name.charCodeAt(0);
    table[bitmap + (bit >> 3)]! |= 1 << (bit & 7);
    const base = header + slot * 16;
    view.setInt32(base, at, true);
    view.setInt32(base + 4, name.length, true);
    view.setInt32(base + 8, flag, true);
    view.setInt32(base + 12, flag & ONCE ? onceIndex++ : -1, true);
    table.set(Buffer.from(name, 'latin1'), at);
    at += name.length;
  }
  view.setInt32(4, onceIndex, true);
  view.setInt32(8, Math.max(0, ...entries.map(([name]) => name.length)), true);
  return table;
}
