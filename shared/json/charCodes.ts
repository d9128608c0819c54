/** Character codes and small helpers shared by the JSON scanners (parse.ts, locate.ts). */
import { describeChar } from './syntaxError';

export const QUOTE = 34;
export const BACKSLASH = 92;
export const COMMA = 44;
export const COLON = 58;
export const MINUS = 45;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;

/** RFC 8259 §2 whitespace: space, tab, LF, CR (not NBSP, not a BOM, not form feed). */
export function isJsonWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The value of a hex digit, or -1. */
export function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** `X` for "found X" in messages, or `end of input` past the end (charCodeAt gives NaN there). */
export function found(c: number): string {
  return Number.isNaN(c) ? 'end of input' : describeChar(c);
}

/** The two-character escapes of RFC 8259 §7, by the code of the letter after the backslash. */
export const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  34: '"',
  92: '\\',
  47: '/',
  98: '\b',
  102: '\f',
  110: '\n',
  114: '\r',
  116: '\t',
};
