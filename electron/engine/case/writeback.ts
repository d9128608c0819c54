/**
 * Writes the case file's dirty pages to disk while an import runs, so that its COMMIT finds
 * little left to flush. DuckDB writes an import's row groups into the case file as it goes
 * (optimistic writes), and the kernel keeps them as dirty pages until the commit's fsync: for a
 * million runtime-steps events that fsync wrote ~0.8 GB in 0.4 s while both cores idled. An
 * fdatasync every 200 ms moves that writing under DuckDB's own work (INSERT and COMMIT of 1M
 * events, alternating runs: 3.50 s → 3.28 s; the COMMIT itself 0.40 → 0.02 s).
 *
 * It only hastens writes DuckDB has already made; what the commit makes durable, and what a crash
 * leaves, is unchanged. It is best effort: a file it cannot open or sync (an in-memory case, a
 * platform that refuses) is simply left to the commit.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { trace } from '../trace';

const EVERY_MS = 200;

export class Writeback {
  private timer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> = Promise.resolve();
  private stopped = false;

  private constructor(private readonly file: Promise<FileHandle | undefined>) {
    this.schedule();
  }

  /** Starts flushing `path` (a case file) until stop(). */
  static start(path: string): Writeback {
    const file = path === ':memory:' ? Promise.resolve(undefined) : open(path, 'r+').catch(() => undefined);
    return new Writeback(file);
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
    }, EVERY_MS);
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
