/**
 * Fetches the pages a table wants, at most a few at a time and always for the latest wish, so
 * dragging the scrollbar across a million rows asks for where it stops, not every page it passed.
 */
export interface PageLoaderOptions {
  /** Fetches and stores one page; resolves when done (errors are the caller's to report). */
  load(page: number): Promise<void>;
  isCached(page: number): boolean;
  maxInFlight?: number;
}

export interface PageLoader {
  /** Replaces the wish list (nearest first); pages already cached or in flight are skipped. */
  want(pages: readonly number[]): void;
  /** Forgets wishes and in-flight bookkeeping (after a query change; stale answers are dropped by key). */
  reset(): void;
}

export function createPageLoader(options: PageLoaderOptions): PageLoader {
  const maxInFlight = options.maxInFlight ?? 2;
  let wanted: readonly number[] = [];
  let inFlight = new Set<number>();

  function pump(): void {
    for (const page of wanted) {
      if (inFlight.size >= maxInFlight) return;
      if (inFlight.has(page) || options.isCached(page)) continue;
      const batch = inFlight;
      batch.add(page);
      void options.load(page).finally(() => {
        batch.delete(page);
        pump();
      });
    }
  }

  return {
    want(pages) {
      wanted = pages;
      pump();
    },
    reset() {
      wanted = [];
      inFlight = new Set<number>();
    },
  };
}
