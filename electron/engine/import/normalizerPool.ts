/**
 * Runs normalizeBatch on worker threads (both cores parse while the main thread reads and
 * writes), falling back to the calling thread when the worker bundle is absent (tests run the
 * engine from source) or a worker cannot start.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Ingest } from './ingest';
import { normalizeBatch, packRecords, type BatchJob, type BatchResult } from './normalizeBatch';
import type { WorkerJob } from './normalizeWorker';

interface Pending {
  resolve(result: BatchResult): void;
  reject(error: Error): void;
}

export class NormalizerPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private turn = 0;

  private constructor(
    private readonly ingest: Ingest,
    /** Workers still to start, on the first batch: a file DuckDB imports whole needs none. */
    private toSpawn: { file: string; size: number } | null,
  ) {}

  /** `workerFile` is the bundled worker next to the engine bundle (dist/node/importWorker.mjs). */
  static create(
    ingest: Ingest,
    workerFile: string | null,
    size = Math.max(1, Math.min(availableParallelism(), 4)),
  ): NormalizerPool {
    const usable = workerFile && existsSync(workerFile) && process.env.CASEFILE_IMPORT_WORKERS !== '0';
    return new NormalizerPool(ingest, usable ? { file: workerFile, size } : null);
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
    const worker = new Worker(file);
    worker.on('message', (msg: { id: number; result: BatchResult }) => {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      p?.resolve(msg.result);
    });
    worker.on('error', (error) => {
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.reject(error);
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
      this.pending.set(id, { resolve, reject });
      worker.postMessage(message, [message.packed.buf.buffer, message.packed.meta.buffer]);
    });
  }

  async close(): Promise<void> {
    this.toSpawn = null;
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}

/** The worker bundle beside this module once built; null when running from TypeScript sources. */
export function defaultWorkerFile(moduleUrl: string): string | null {
  if (!moduleUrl.endsWith('.mjs')) return null;
  return fileURLToPath(new URL('./importWorker.mjs', moduleUrl));
}
