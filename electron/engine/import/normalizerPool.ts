/**
 * Runs normalizeBatch on worker threads (both cores parse while the main thread reads and
 * writes), falling back to the calling thread when the worker bundle is absent (tests run the
 * engine from source) or a worker cannot start, and for the batches of a worker that died (it ran
 * out of its capped heap, see WORKER_HEAP_MB).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Ingest } from './ingest';
import { normalizeBatch, packRecords, type BatchJob, type BatchResult } from './normalizeBatch';
import type { WorkerJob } from './normalizeWorker';

interface Pending {
  job: BatchJob;
  worker: Worker;
  resolve(result: BatchResult): void;
  reject(error: Error): void;
}

/**
 * Each worker's V8 old generation. Left to V8's own limit, a worker's heap held batches long
 * dead: 1M meshguard events on the JS path peaked at 1026 MiB RSS with two workers, and at
 * 761 MiB (46.6 s) without them. Capped at 256 MiB, the import peaked at 904 MiB and took no
 * longer (40.0 s against 41.2 s); 1M runtime-steps CloudEvents at 879 MiB against 1062 (128 MiB
 * saved no more). A batch that needs more (a crafted record near
 * MAX_EVENT_RECORD_BYTES can take hundreds of MiB once parsed) kills its worker; its batches
 * then run on the calling thread, whose heap is not capped, and nothing is lost.
 */
export const WORKER_HEAP_MB = 256;

export class NormalizerPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private turn = 0;

  private constructor(
    private readonly ingest: Ingest,
    /** Workers still to start, on the first batch: a file DuckDB imports whole needs none. */
    private toSpawn: { file: string; size: number } | null,
    private readonly heapMb: number,
  ) {}

  /** `workerFile` is the bundled worker next to the engine bundle (dist/node/importWorker.mjs). */
  static create(
    ingest: Ingest,
    workerFile: string | null,
    size = Math.max(1, Math.min(availableParallelism(), 4)),
    heapMb = WORKER_HEAP_MB,
  ): NormalizerPool {
    const usable = workerFile && existsSync(workerFile) && process.env.CASEFILE_IMPORT_WORKERS !== '0';
    return new NormalizerPool(ingest, usable ? { file: workerFile, size } : null, heapMb);
  }

  /** Threads the pool parses on, once started. */
  get threads(): number {
    return this.toSpawn?.size ?? this.workers.length;
  }

  /** Workers started so far. */
  get running(): number {
    return this.workers.length;
  }

  private spawn(file: string): void {
    const worker = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    worker.on('message', (msg: { id: number; result: BatchResult }) => {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      p?.resolve(msg.result);
    });
    // 'exit' follows every end, an 'error' (ERR_WORKER_OUT_OF_MEMORY, a throw) included; a
    // batch that failed for a reason of its own fails here again, with its own error.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      const at = this.workers.indexOf(worker);
      if (at >= 0) this.workers.splice(at, 1);
      for (const [id, p] of this.pending) {
        if (p.worker !== worker) continue;
        this.pending.delete(id);
        try {
          p.resolve(normalizeBatch(p.job, this.ingest));
        } catch (thrown) {
          p.reject(thrown instanceof Error ? thrown : new Error(String(thrown)));
        }
      }
    });
    this.workers.push(worker);
  }

  run(job: BatchJob): Promise<BatchResult> {
    if (this.toSpawn) {
      const { file, size } = this.toSpawn;
      this.toSpawn = null;
      for (let i = 0; i < size; i++) this.spawn(file);
    }
    const worker = this.workers[this.turn++ % Math.max(this.workers.length, 1)];
    if (!worker) return Promise.resolve(normalizeBatch(job, this.ingest));
    const id = this.nextId++;
    const message: WorkerJob = {
      id,
      producer: job.producer,
      archiveId: job.archiveId,
      packed: packRecords(job.records),
      ...(job.mapping ? { mapping: job.mapping } : {}),
    };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { job, worker, resolve, reject });
      worker.postMessage(message, [message.packed.buf.buffer, message.packed.meta.buffer]);
    });
  }

  async close(): Promise<void> {
    this.toSpawn = null;
    // Closed mid-import (a cancel): the batches in flight are not wanted any more, not even here.
    this.pending.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}

/** The worker bundle beside this module once built; null when running from TypeScript sources. */
export function defaultWorkerFile(moduleUrl: string): string | null {
  if (!moduleUrl.endsWith('.mjs')) return null;
  return fileURLToPath(new URL('./importWorker.mjs', moduleUrl));
}
