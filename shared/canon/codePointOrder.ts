/** Member-name orders: Python's code point order and JCS's UTF-16 unit order (formats/meshguard.md §3.2). */

const SURROGATE_OR_ABOVE = /[\ud800-\uffff]/;

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Compares by Unicode code point as Python's `sorted` on str does. A paired surrogate is one code point
 * above U+FFFF; a lone surrogate is its own code point (U+D800–U+DFFF), as in a Python str.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  // A difference in a low surrogate after a shared high one is a difference in that whole code point.
  if (
    i > 0 &&
    isHighSurrogate(a.charCodeAt(i - 1)) &&
    (isLowSurrogate(a.charCodeAt(i)) || isLowSurrogate(b.charCodeAt(i)))
  )
    i--;
  return codePointAt(a, i) - codePointAt(b, i);
}

function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (isHighSurrogate(c)) {
    const d = s.charCodeAt(i + 1);
    if (isLowSurrogate(d)) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** Below this many names an insertion sort with `<` beats Array#sort, whose default compare converts each pair. */
const INSERTION_SORT_LIMIT = 24;

/** Sorts `keys` in place by UTF-16 code units (JS `<` on strings compares exactly that). */
function sortByUtf16Units(keys: string[]): string[] {
  if (keys.length > INSERTION_SORT_LIMIT) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/** Object member names in Python `sort_keys` order (sorts `keys` in place). */
export function keysInCodePointOrder(keys: string[]): string[] {
  // UTF-16 unit order equals code point order unless a name holds a unit ≥ U+D800.
  for (const key of keys) if (SURROGATE_OR_ABOVE.test(key)) return keys.sort(compareCodePoints);
  return sortByUtf16Units(keys);
}

/** Object member names in JCS order: UTF-16 code units (sorts `keys` in place). */
export function keysInUtf16Order(keys: string[]): string[] {
  return sortByUtf16Units(keys);
}
