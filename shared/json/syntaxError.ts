/** The error value every JSON scanner here returns instead of throwing. */

/** Where and why a text is not (our strict dialect of) JSON. */
export interface JsonSyntaxError {
  /** Plain words: `unterminated string`, `unexpected character ','`, `trailing comma`, … */
  message: string;
  /** UTF-16 index into the text where parsing failed. */
  offset: number;
  /** JSON path reached when it failed (`data.items[2].sku`), `''` at top level. */
  path: string;
}

/** A character named for an error message: printable ASCII quoted, anything else as U+XXXX. */
export function describeChar(code: number): string {
  if (code >= 0x21 && code <= 0x7e) return `'${String.fromCharCode(code)}'`;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
