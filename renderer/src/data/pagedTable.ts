/**
 * A window of a large engine-side table: only the pages near what is on screen are held, so a
 * 1M-row case costs the renderer a few hundred rows of memory (issue #2).
 */
export type Row = (string | null)[];

export const PAGE_SIZE = 200;
/** Pages kept in memory; the farthest from the last wanted page are dropped first. */
export const MAX_CACHED_PAGES = 30;

export interface PagedTable {
  /** Bumped whenever the query changes; answers for an older key are dropped. */
  key: number;
  columns: string[];
  /** Rows matching the query in the whole case; null until the first page answers. */
  total: number | null;
  pages: Readonly<Record<number, Row[]>>;
}

export function emptyTable(key: number): PagedTable {
  return { key, columns: [], total: null, pages: {} };
}

export function pageOf(rowIndex: number): number {
  return Math.floor(rowIndex / PAGE_SIZE);
}

/** Pages covering rows first..last plus `overscan` pages either side, nearest first. */
export function pagesForRange(first: number, last: number, total: number | null, overscan = 1): number[] {
  const lastPage = total === null ? pageOf(Math.max(last, 0)) : Math.max(pageOf(Math.max(total - 1, 0)), 0);
  const from = Math.max(pageOf(Math.max(first, 0)) - overscan, 0);
  const to = Math.min(pageOf(Math.max(last, 0)) + overscan, lastPage);
  const visible: number[] = [];
  const around: number[] = [];
  for (let p = from; p <= to; p++) {
    if (p >= pageOf(Math.max(first, 0)) && p <= pageOf(Math.max(last, 0))) visible.push(p);
    else around.push(p);
  }
  return [...visible, ...around];
}

export function rowAt(table: PagedTable, index: number): Row | undefined {
  return table.pages[pageOf(index)]?.[index % PAGE_SIZE];
}

/** Stores one page, then evicts the pages farthest from it beyond MAX_CACHED_PAGES. */
export function withPage(
  table: PagedTable,
  page: number,
  columns: string[],
  rows: Row[],
  total: number,
): PagedTable {
  const pages: Record<number, Row[]> = { ...table.pages, [page]: rows };
  const held = Object.keys(pages).map(Number);
  if (held.length > MAX_CACHED_PAGES) {
    held.sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
    for (const far of held.slice(0, held.length - MAX_CACHED_PAGES)) delete pages[far];
  }
  // Keep the same columns array when unchanged so memoized rows need not re-render.
  const sameColumns =
    columns.length === table.columns.length && columns.every((c, i) => c === table.columns[i]);
  return { key: table.key, columns: sameColumns ? table.columns : columns, total, pages };
}

export function columnIndex(table: PagedTable, name: string): number {
  return table.columns.indexOf(name);
}
