import { describe, expect, it } from 'vitest';
import { createPageLoader } from '../../../renderer/src/data/pageLoader';

/** A loader whose loads resolve only when the test says so. */
function harness(maxInFlight = 2) {
  const cached = new Set<number>();
  const started: number[] = [];
  const pending = new Map<number, () => void>();
  const loader = createPageLoader({
    maxInFlight,
    isCached: (p) => cached.has(p),
    load: (p) =>
      new Promise<void>((resolve) => {
        started.push(p);
        pending.set(p, () => {
          cached.add(p);
          pending.delete(p);
          resolve();
        });
      }),
  });
  const finish = async (p: number): Promise<void> => {
    pending.get(p)?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { loader, started, cached, finish };
}

describe('pageLoader', () => {
  it('runs at most maxInFlight loads and continues with the wish list as they finish', async () => {
    const h = harness(2);
    h.loader.want([5, 4, 6]);
    expect(h.started).toEqual([5, 4]);
    await h.finish(5);
    expect(h.started).toEqual([5, 4, 6]);
  });

  it('follows the latest wish: pages scrolled past while busy are never fetched', async () => {
    const h = harness(1);
    h.loader.want([0]);
    h.loader.want([10, 9, 11]);
    h.loader.want([500, 499, 501]);
    await h.finish(0);
    expect(h.started).toEqual([0, 500]);
  });

  it('skips cached and in-flight pages', async () => {
    const h = harness(2);
    h.cached.add(3);
    h.loader.want([3, 4]);
    h.loader.want([4, 5]);
    expect(h.started).toEqual([4, 5]);
  });

  it('forgets wishes on reset', async () => {
    const h = harness(1);
    h.loader.want([1, 2]);
    h.loader.reset();
    await h.finish(1);
    expect(h.started).toEqual([1]);
    h.loader.want([7]);
    expect(h.started).toEqual([1, 7]);
  });
});
