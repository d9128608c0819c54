import { describe, expect, it } from 'vitest';
import { otherPlaces, placeList } from '../../../shared/verify/chain/placeList';

describe('placeList', () => {
  it('names up to five places, then counts the rest', () => {
    expect(placeList([])).toBe('');
    expect(placeList(['line 1', 'line 2'])).toBe('line 1, line 2');
    expect(placeList(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c, d, e');
    expect(placeList(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('a, b, c, d, e and 2 more');
  });

  it('names the others of a group but one, visiting only as many as it names', () => {
    const all = Array.from({ length: 1000 }, (_, i) => i);
    let visited = 0;
    const name = (i: number): string => {
      visited += 1;
      return `row ${i}`;
    };
    expect(otherPlaces(all, 2, name)).toBe('row 0, row 1, row 3, row 4, row 5 and 994 more');
    expect(visited).toBe(5);
    expect(otherPlaces([7, 8], 8, String)).toBe('7');
    expect(otherPlaces([7], 7, String)).toBe('');
  });
});
