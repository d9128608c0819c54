/**
 * A named pipe (FIFO) for the tagged copy, so DuckDB's INSERT reads the copy while the copy pass
 * writes it (prepareNativeJsonl.ts), instead of after a whole copy was written to RAM or disk.
 * Writing a million-line copy (630 MB) into /dev/shm, then reading it, cost 2–5 s of kernel time
 * on this machine's VM (fresh pages for every byte), and the import 4.2–5.6 s; through a pipe
 * 0.9–1.1 s and 3.6–3.8 s (four alternating runs each). A 10M-event file no longer needs a
 * 6.3 GB copy either.
 *
 * Linux only: Node cannot make a FIFO, so `mkfifo` (coreutils) makes it, and the writer relies on
 * Linux pipe semantics. Elsewhere, or when `mkfifo` fails, the caller writes a copy file as before.
 *
 * The pipe must never hold the engine: opening the write end waits (on a libuv thread) for a
 * reader, and a write while the pipe is full and DuckDB is not reading, which it stops doing when
 * its statement fails or is interrupted. So abort() opens a non-blocking read end of its own, the
 * valve, and reads through it until the open or the write has gone through: nothing waits on
 * DuckDB.
 */
import { spawnSync } from 'node:child_process';
import { constants, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CopySink } from './taggedCopy';

const VALVE_READ_BYTES = 1024 * 1024;

export class CopyFifo implements CopySink {
  private pending: Promise<unknown>;
  private settled = false;
  private stopped = false;
  private closed = false;
  private valve: FileHandle | undefined;

  private constructor(
    readonly path: string,
    private readonly writer: Promise<FileHandle>,
  ) {
    this.pending = this.track(writer);
  }

  /** `work` as the pending operation: settled once it, and not an earlier one, has. */
  private track(work: Promise<unknown>): Promise<unknown> {
    this.settled = false;
    const tracked = work.finally(() => {
      if (this.pending === tracked) this.settled = true;
    });
    return tracked;
  }

  /** Makes a FIFO at `path` and starts opening it for writing, or answers undefined where it cannot. */
  static create(path: string): CopyFifo | undefined {
    if (process.platform !== 'linux') return undefined;
    const made = spawnSync('mkfifo', ['-m', '600', path], { stdio: 'ignore' });
    if (made.status !== 0) return undefined;
    // The write end opens once a reader has (fifo(7)): DuckDB, when the INSERT starts reading,
    // or the valve. Opened earlier, a copy that ended before DuckDB opened the FIFO would leave it
    // waiting for a writer forever.
    const writer = open(path, constants.O_WRONLY);
    writer.catch(() => undefined); // awaited by every write and by close
    return new CopyFifo(path, writer);
  }

  /** Appends `length` bytes of `buf`; resolves once the reader has taken all but the pipe's last 64 KiB. */
  write(buf: Buffer, length: number): Promise<unknown> {
    if (this.stopped || this.closed) return Promise.reject(new Error('the copy pipe is closed'));
    this.pending = this.track(this.writer.then((w) => w.write(buf, 0, length, null)));
    return this.pending;
  }

  /** Ends the copy: the reader sees the end of the file once it has read what is in the pipe. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pending.catch(() => undefined);
    await (await this.writer.catch(() => undefined))?.close();
  }

  /**
   * Ends the copy when the reader may have stopped, or never started: a read end of our own, the
   * valve, lets the write end open, and is read until a blocked write has gone through. The bytes
   * drained were never going to be read.
   */
  async abort(): Promise<void> {
    this.stopped = true;
    this.valve ??= await open(this.path, constants.O_RDONLY | constants.O_NONBLOCK);
    const buf = Buffer.allocUnsafe(VALVE_READ_BYTES);
    while (!this.settled) {
      try {
        await this.valve.read(buf, 0, buf.length, null);
      } catch {
        // EAGAIN: the pipe is empty for now; the blocked write fills it again.
        await sleep(1);
      }
    }
    await this.close();
  }

  /** Closes both ends and removes the FIFO. */
  async dispose(): Promise<void> {
    // A copy closed in full needs no valve; any other may still hold a write.
    if (!this.closed || !this.settled) await this.abort();
    await this.valve?.close();
    rmSync(this.path, { force: true });
  }
}
