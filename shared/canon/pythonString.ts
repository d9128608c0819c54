/** Python json string literals: ensure_ascii escaping per UTF-16 unit (formats/agentmesh.md §1). */

const ASCII_SAFE = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

const HEX = '0123456789abcdef';

function shortEscape(c: number): string | undefined {
  switch (c) {
    case 0x22:
      return '\\"';
    case 0x5c:
      return '\\\\';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    default:
      return undefined;
  }
}

/** True when `s` holds `"`, `\\` or a unit below 0x20 (a loop: lint forbids control ranges in regexes). */
function needsUnicodeEscaping(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c) return true;
  }
  return false;
}

function unicodeEscape(c: number): string {
  return '\\u' + HEX[c >> 12] + HEX[(c >> 8) & 15] + HEX[(c >> 4) & 15] + HEX[c & 15];
}

/**
 * `ensure_ascii=True`: `"` `\` and `\n \r \t \b \f` short; every other unit below 0x20, DEL and every
 * non-ASCII unit as lowercase `\uXXXX` (an astral character as two escaped surrogates, a lone
 * surrogate as one); `/` is not escaped.
 */
export function pythonAsciiString(s: string): string {
  if (ASCII_SAFE.test(s)) return '"' + s + '"';
  let out = '"';
  let segment = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(segment, i) + (shortEscape(c) ?? unicodeEscape(c));
    segment = i + 1;
  }
  return out + s.slice(segment) + '"';
}

/** `ensure_ascii=False`: only `"`, `\` and units below 0x20 escaped; everything else literal. */
export function pythonUnicodeString(s: string): string {
  if (!needsUnicodeEscaping(s)) return '"' + s + '"';
  let out = '"';
  let segment = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(segment, i) + (shortEscape(c) ?? unicodeEscape(c));
    segment = i + 1;
  }
  return out + s.slice(segment) + '"';
}
