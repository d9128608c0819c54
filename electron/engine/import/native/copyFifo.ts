/**
 * A named pipe (FIFO) for the tagged copy, so DuckDB's INSERT reads the copy while the copy pass
 * writes it (prepareNativeJsonl.ts), instead of after a whole copy was written to RAM or disk.
 * Writing a million-line copy (630 MB) into /dev/shm, then reading it, cost 2–5 s of kernel time
 * on this machine's VM (fresh pages for every byte), and the import 4.2–5.6 s; through a pipe
 * 0.9–1.1 s and 3.6–3.8 s (four alternating runs each). A 10M-event file no longer needs a
 * 6.3 GB copy either.
 *
 * Linux only: Node cannot make a FIFO, so `mkfifo` (coreutils) makes it, and the writer relies on
 * Linux pipe semantics (fifo(7)). Elsewhere, or when `mkfifo` fails, the caller writes a copy file
 * as before.
 *
 * The pipe must never hold the engine, nor its exit. Node's exit waits for every libuv thread's
 * work to end, DuckDB's statement included, so nothing may be left waiting on the pipe:
 * - The write end is opened only once DuckDB has opened the read end (a non-blocking open that
 *   fails with ENXIO until then, polled), never by a libuv thread that would wait for a reader
 *   that may not come. It is opened read-write, which Linux never makes wait.
 * - A write waits (on a libuv thread) while the pipe is full; if DuckDB stopped reading, because
 *   its statement failed or was interrupted, abort() reads the pipe through a non-blocking read
 *   end of its own, the valve, until the write has gone through.
 * - If the process exits mid-copy (an uncaught exception, process.exit), an exit hook releases
 *   the pipe synchronously (releaseAtExit), so DuckDB sees the copy end and its statement
 *   returns. Without it, a CLI import whose stderr closed mid-import hung for good.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, constants, openSync, readSync, rmSync, write } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CopySink } from './taggedCopy';

const VALVE_READ_BYTES = 1024 * 1024;
/** How often the write end tries to open while DuckDB has not opened the read end, at most. */
const OPEN_POLL_MAX_MS = 4;
/** At exit: a pipe empty for this long has no write blocked on it any more. */
const EXIT_DRAIN_IDLE_MS = 20;

/** Pipes whose copy has not been disposed of, for the exit hook. */
const live = new Set<CopyFifo>();
let exitHooked = false;

function errorCode(thrown: unknown): string | undefined {
  return (thrown as NodeJS.ErrnoException | undefined)?.code;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export class CopyFifo implements CopySink {
  /** The read-write end the copy is written through, once DuckDB has opened the pipe. */
  private writeEnd: number | undefined;
  private readonly opened: Promise<number>;
  private lastWrite: Promise<unknown> = Promise.resolve();
  /** A write is on a libuv thread, where it waits while the pipe is full. */
  private writing = false;
  private stopped = false;
  private closed = false;

  private constructor(readonly path: string) {
    this.opened = this.openOnceRead();
    this.opened.catch(() => undefined); // awaited by every write and by close
  }

  /** Makes a FIFO at `path`, or answers undefined where it cannot. */
  static create(path: string): CopyFifo | undefined {
    if (process.platform !== 'linux') return undefined;
    const made = spawnSync('mkfifo', ['-m', '600', path], { stdio: 'ignore' });
    if (made.status !== 0) return undefined;
    if (!exitHooked) {
      exitHooked = true;
      process.on('exit', () => {
        for (const fifo of live) fifo.releaseAtExit();
      });
    }
    const fifo = new CopyFifo(path);
    live.add(fifo);
    return fifo;
  }

  /**
   * Opens the write end once a reader has opened the pipe: until then a non-blocking open fails
   * with ENXIO (fifo(7)). Opened earlier, a copy that ended before DuckDB opened the FIFO would
   * leave DuckDB waiting for a writer forever. The probe's own end is non-blocking, so the copy
   * goes through a read-write end, which opens at once and waits only while the pipe is full.
   */
  private async openOnceRead(): Promise<number> {
    for (let wait = 1; ; wait = Math.min(wait * 2, OPEN_POLL_MAX_MS)) {
      if (this.stopped) throw new Error('the copy pipe is closed');
      let probe: number;
      try {
        probe = openSync(this.path, constants.O_WRONLY | constants.O_NONBLOCK);
      } catch (thrown) {
        if (errorCode(thrown) !== 'ENXIO') throw thrown;
        await sleep(wait);
        continue;
      }
      try {
        this.writeEnd = openSync(this.path, constants.O_RDWR);
      } finally {
        closeSync(probe);
      }
      return this.writeEnd;
    }
  }

  /** Appends `length` bytes of `buf`; resolves once the reader has taken all but the pipe's last 64 KiB. */
  write(buf: Buffer, length: number): Promise<unknown> {
    if (this.stopped || this.closed) return Promise.reject(new Error('the copy pipe is closed'));
    this.lastWrite = this.opened.then(
      (fd) =>
        new Promise<void>((resolve, reject) => {
          // Queued behind the open when abort() came: the pipe may have no reader any more.
          if (this.stopped) return reject(new Error('the copy pipe is closed'));
          this.writing = true;
          write(fd, buf, 0, length, null, (error) => {
            this.writing = false;
            if (error) reject(error);
            else resolve();
          });
        }),
    );
    return this.lastWrite;
  }

  /** Ends the copy: the reader sees the end of the file once it has read what is in the pipe. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lastWrite.catch(() => undefined);
    await this.opened.catch(() => undefined);
    this.closeWriteEnd();
  }

  private closeWriteEnd(): void {
    if (this.writeEnd === undefined) return;
    closeSync(this.writeEnd);
    this.writeEnd = undefined;
  }

  /**
   * Ends the copy when the reader may have stopped, or never started: stops waiting for a reader,
   * and reads a blocked write through the valve until it has gone through. The bytes drained were
   * never going to be read.
   */
  async abort(): Promise<void> {
    this.stopped = true;
    if (this.writing) {
      const valve = openSync(this.path, constants.O_RDONLY | constants.O_NONBLOCK);
      const buf = Buffer.allocUnsafe(VALVE_READ_BYTES);
      try {
        while (this.writing) {
          if (this.drainOnce(valve, buf) === 0) await sleep(1); // the blocked write fills it again
        }
      } finally {
        closeSync(valve);
      }
    }
    await this.close();
  }

  /** Bytes read through the valve now, 0 when the pipe is empty. */
  private drainOnce(valve: number, buf: Buffer): number {
    try {
      return readSync(valve, buf, 0, buf.length, null);
    } catch (thrown) {
      if (errorCode(thrown) === 'EAGAIN') return 0;
      throw thrown;
    }
  }

  /** Closes the pipe and removes it. */
  async dispose(): Promise<void> {
    // A copy closed in full needs no valve; any other may still hold a write.
    if (!this.closed || this.writing) await this.abort();
    rmSync(this.path, { force: true });
    live.delete(this);
  }

  /**
   * The process is exiting mid-copy and no callback will run again. Synchronously: a read-write
   * end of our own gives a DuckDB reader waiting in open() a writer, the path goes (so no one opens
   * the pipe from now on), the copy's write end closes, and a blocked write is drained; then the
   * last write ends close and the reader sees the end. A write's callback cannot say now when it
   * is done, so the valve reads until the pipe stays empty.
   */
  private releaseAtExit(): void {
    this.stopped = true;
    const tryOpen = (flags: number): number | undefined => {
      try {
        return openSync(this.path, flags);
      } catch {
        return undefined;
      }
    };
    const hold = tryOpen(constants.O_RDWR);
    const valve = tryOpen(constants.O_RDONLY | constants.O_NONBLOCK);
    rmSync(this.path, { force: true });
    this.closeWriteEnd();
    if (this.writing && valve !== undefined) {
      const buf = Buffer.allocUnsafe(VALVE_READ_BYTES);
      for (let idle = 0; idle < EXIT_DRAIN_IDLE_MS;) {
        if (this.drainOnce(valve, buf) > 0) idle = 0;
        else {
          sleepSync(1);
          idle += 1;
        }
      }
    }
    for (const fd of [valve, hold]) if (fd !== undefined) closeSync(fd);
  }
}
