import { describe, expect, it } from 'vitest';
import {
  emptyTable,
  MAX_CACHED_PAGES,
  PAGE_SIZE,
  pageOf,
  pagesForRange,
  rowAt,
  withPage,
  type Row,
} from '../../../renderer/src/data/pagedTable';

function rows(page: number, count = PAGE_SIZE): Row[] {
  return Array.from({ length: count }, (_, i) => [String(page * PAGE_SIZE + i + 1)]);
}

describe('pagedTable', () => {
  it('maps row indexes to pages', () => {
    expect(pageOf(0)).toBe(0);
    expect(pageOf(PAGE_SIZE - 1)).toBe(0);
    expect(pageOf(PAGE_SIZE)).toBe(1);
  });

  it('asks for the visible pages first, then one either side, never past the end', () => {
    expect(pagesForRange(450, 470, 10_000)).toEqual([2, 1, 3]);
    expect(pagesForRange(0, 30, 10_000)).toEqual([0, 1]);
    expect(pagesForRange(9_990, 9_999, 10_000)).toEqual([49, 48]);
    expect(pagesForRange(390, 410, 10_000)).toEqual([1, 2, 0, 3]);
    expect(pagesForRange(0, 0, 0)).toEqual([0]);
  });

  it('finds a row in its page and keeps the total from the engine', () => {
    const table = withPage(emptyTable(3), 2, ['row_id'], rows(2), 1_000_000);
    expect(table.key).toBe(3);
    expect(table.total).toBe(1_000_000);
    expect(rowAt(table, 2 * PAGE_SIZE + 5)).toEqual([String(2 * PAGE_SIZE + 6)]);
    expect(rowAt(table, 5)).toBeUndefined();
  });

  it('holds at most MAX_CACHED_PAGES, dropping the pages farthest from the newest', () => {
    let table = emptyTable(0);
    for (let p = 0; p <= MAX_CACHED_PAGES + 9; p++)
      table = withPage(table, p, ['row_id'], rows(p), 1_000_000);
    const held = Object.keys(table.pages).map(Number);
    expect(held).toHaveLength(MAX_CACHED_PAGES);
    expect(Math.min(...held)).toBe(10);
    expect(held).toContain(MAX_CACHED_PAGES + 9);
  });

  it('keeps the same columns array when the engine repeats it (memoized rows stay put)', () => {
    const a = withPage(emptyTable(0), 0, ['row_id', 'ts'], rows(0), 10);
    const b = withPage(a, 1, ['row_id', 'ts'], rows(1), 10);
    expect(b.columns).toBe(a.columns);
    const c = withPage(b, 2, ['row_id'], rows(2), 10);
    expect(c.columns).toEqual(['row_id']);
  });
});
