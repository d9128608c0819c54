/** Line and column lookup for offsets into a text: one scan for newlines, then binary search per query. */

/**
 * Answers many offset → line questions on one text in O(log lines) each. Lines end at `\n` only
 * (a `\r` before it stays part of the line), matching how the archives are split
 * (formats/meshguard.md §1). Offsets are UTF-16 indices.
 */
export class LineIndex {
  private readonly newlines: number[] = [];

  constructor(private readonly text: string) {
    let at = text.indexOf('\n');
    while (at !== -1) {
      this.newlines.push(at);
      at = text.indexOf('\n', at + 1);
    }
  }

  /** 1-based line of `offset` (a newline belongs to the line it ends). */
  line(offset: number): number {
    const nl = this.newlines;
    let lo = 0;
    let hi = nl.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((nl[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }

  /** 1-based column of `offset` in UTF-16 units. */
  column(offset: number): number {
    const line = this.line(offset);
    const lineStart = line === 1 ? 0 : (this.newlines[line - 2] as number) + 1;
    return Math.min(offset, this.text.length) - lineStart + 1;
  }
}

/** 1-based line of `offset` in `text` for a single query (a linear scan; build a LineIndex for many). */
export function lineOfOffset(text: string, offset: number): number {
  const end = Math.min(Math.max(offset, 0), text.length);
  let line = 1;
  let at = text.indexOf('\n');
  while (at !== -1 && at < end) {
    line++;
    at = text.indexOf('\n', at + 1);
  }
  return line;
}

/** 1-based column of `offset` in UTF-16 units, for a single query. */
export function columnOfOffset(text: string, offset: number): number {
  const end = Math.min(Math.max(offset, 0), text.length);
  if (end === 0) return 1;
  return end - (text.lastIndexOf('\n', end - 1) + 1) + 1;
}
