/**
 * Orders daily files by their links, not only by name (formats/meshguard.md §4.4: line 1 of each
 * later file names the hash of the previous day's last line). A file whose link predecessor is not
 * its name predecessor is reported as an `out_of_order` notice; a gap shows later as a chain_break.
 */
import type { Finding } from '../types';
import { ZERO_PREV } from './records';

export interface FileEnds {
  path: string;
  firstPrev: string | undefined;
  lastHash: string | undefined;
}

export interface FileOrder {
  /** Indexes into the input, in chain order. */
  order: number[];
  /** Per input index: a notice when the file is not where its name puts it. */
  notices: Map<number, Finding>;
  /** Per input index: the file whose last hash its first event names. */
  predecessor: Map<number, number>;
  /**
   * Files that start from the same prev as a file before them by name and continue no given file:
   * another copy of the same segment (two tampered copies of one day), verified on its own
   * rather than as the continuation of the file before it.
   */
  parallel: Set<number>;
}

function byName(files: readonly FileEnds[]): number[] {
  return files
    .map((_, i) => i)
    .sort((a, b) =>
      (files[a]?.path ?? '') < (files[b]?.path ?? '')
        ? -1
        : (files[a]?.path ?? '') > (files[b]?.path ?? '')
          ? 1
          : a - b,
    );
}

export function orderByLinks(files: readonly FileEnds[]): FileOrder {
  const names = byName(files);
  const predecessorOf = (i: number): number | undefined => {
    const prev = files[i]?.firstPrev;
    if (prev === undefined || prev === ZERO_PREV) return undefined;
    return names.find((j) => j !== i && files[j]?.lastHash === prev);
  };
  const starts = names.filter((i) => predecessorOf(i) === undefined);
  starts.sort(
    (a, b) => Number(files[b]?.firstPrev === ZERO_PREV) - Number(files[a]?.firstPrev === ZERO_PREV),
  );
  const order: number[] = [];
  const visited = new Set<number>();
  const walk = (start: number): void => {
    let current: number | undefined = start;
    while (current !== undefined && !visited.has(current)) {
      visited.add(current);
      order.push(current);
      const from: number = current;
      current = names.find((j) => !visited.has(j) && predecessorOf(j) === from);
    }
  };
  starts.forEach(walk);
  names.forEach(walk); // files caught in a cycle of links, in name order
  const notices = new Map<number, Finding>();
  const predecessor = new Map<number, number>();
  const parallel = new Set<number>();
  names.forEach((i, position) => {
    const linked = predecessorOf(i);
    const named = position > 0 ? names[position - 1] : undefined;
    const firstPrev = files[i]?.firstPrev;
    if (linked !== undefined) predecessor.set(i, linked);
    else if (
      firstPrev !== undefined &&
      names.slice(0, position).some((j) => files[j]?.firstPrev === firstPrev)
    )
      parallel.add(i);
    const sibling = named !== undefined && files[named]?.firstPrev === firstPrev;
    if (linked !== undefined && linked !== named && !sibling) {
      notices.set(i, {
        kind: 'out_of_order',
        detail: `by its first link this file continues ${files[linked]?.path ?? '?'}, not ${named === undefined ? 'nothing (it sorts first by name)' : (files[named]?.path ?? '?')}: the files' names do not match their chain order; verified in chain order`,
      });
    }
  });
  return { order, notices, predecessor, parallel };
}
