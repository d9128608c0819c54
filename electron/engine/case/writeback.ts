/**
 * Writes the case file's dirty pages to disk while an import runs, so that its COMMIT finds
 * little left to flush. DuckDB writes an import's row groups into the case file as it goes
 * (optimistic writes), and the kernel keeps them as dirty pages until the commit's fsync: for a
 * million runtime-steps events that fsync wrote ~0.8 GB in 0.4 s while both cores idled. An
 * fdatasync every second moves most of that writing under DuckDB's own work (the COMMIT of 1M
 * events: 0.40 → 0.13 s). Every 200 ms did no better on 1M events, and raised the peak RSS of a
 * 10M-event import from ~890 MiB to 970–1030 MiB (three runs; cause not established); every
 * second it stayed at ~880 MiB (10M: 48–50 s against 52–56 s without).
 *
 * It only hastens writes DuckDB has already made; what the commit makes durable, and what a crash
 * leaves, is unchanged. It is best effort: a file it cannot open or sync (an in-memory case, a
 * platform that refuses) is simply left to the commit.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { trace } from '../trace';

const EVERY_MS = 1000;

export class Writeback {
  private timer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> = Promise.resolve();
  private stopped = false;

  private constructor(
    private readonly file: Promise<FileHandle | undefined>,
    private readonly everyMs: number,
  ) {
    this.schedule();
  }

  /** Starts flushing `path` (a case file) every `everyMs` until stop(). */
  static start(path: string, everyMs = EVERY_MS): Writeback {
    const file = path === ':memory:' ? Promise.resolve(undefined) : open(path, 'r+').catch(() => undefined);
    return new Writeback(file, everyMs);
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.syncing = this.file
        .then((handle) => handle?.datasync())
        .catch((thrown: unknown) => {
          trace('writeback.failed', { message: String(thrown) });
          this.stopped = true;
        })
        .then(() => {
          if (!this.stopped) this.schedule();
        });
    }, this.everyMs);
    // Never what keeps the process alive.
    this.timer.unref();
  }

  /** Stops, once the flush under way (if any) has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.syncing;
    await (await this.file)?.close();
  }
}
