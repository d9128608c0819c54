/** LineIndex and lineOfOffset/columnOfOffset: 1-based lines split on \n only, columns in UTF-16 units. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnOfOffset, LineIndex, lineOfOffset } from '../../../shared/json/parse';

function naive(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset).split('\n');
  return [before.length, (before[before.length - 1]?.length ?? 0) + 1];
}

describe('line index', () => {
  it('small cases: CRLF keeps \\r on its line, a newline belongs to the line it ends', () => {
    const text = 'ab\r\ncd\n\nz';
    const index = new LineIndex(text);
    expect([0, 2, 3, 4, 6, 7, 8, 99].map((o) => index.line(o))).toEqual([1, 1, 1, 2, 2, 3, 4, 4]);
    expect([0, 3, 4, 8].map((o) => index.column(o))).toEqual([1, 4, 1, 1]);
    expect(lineOfOffset(text, 8)).toBe(4);
    expect(columnOfOffset('\nab', 0)).toBe(1);
    expect(columnOfOffset('\nab', 2)).toBe(2);
  });

  it('agrees with a naive split for random texts and offsets', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', '😀') }), fc.nat(), (text, raw) => {
        const offset = raw % (text.length + 1);
        const index = new LineIndex(text);
        const expected = naive(text, offset);
        expect([index.line(offset), index.column(offset)]).toEqual(expected);
        expect([lineOfOffset(text, offset), columnOfOffset(text, offset)]).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });
});
