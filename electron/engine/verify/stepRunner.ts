/**
 * Runs range jobs (stepRange.ts) on worker threads, or on the calling thread when there is no
 * worker bundle (engine run from sources, tests). Results are handed over in job order as they
 * line up, so the caller links the file's stretches as they come while the workers go on.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { StretchSteps } from '../../../shared/verify/runtimeSteps/linkStretches';
import type { StretchChecks } from '../../../shared/verify/runtimeSteps/stretch';
import { checkStretch, collectSteps, type CollectJob, type RangeJob } from './stepRange';

/**
 * A young generation of 8 MiB (V8's default is several times that per thread) measured as fast
 * and keeps ~100 MiB less resident with two workers; the old generation stays unbounded, as a
 * line of up to 64 MiB must still be readable.
 */
const LIMITS = { maxYoungGenerationSizeMb: 8 };

export type StepJob = (RangeJob & { kind: 'check' }) | (CollectJob & { kind: 'collect' });

export interface StepRunner {
  check(jobs: RangeJob[], onResult: (index: number, result: StretchChecks) => void): Promise<void>;
  collect(jobs: CollectJob[], onResult: (index: number, result: StretchSteps) => void): Promise<void>;
  close(): Promise<void>;
}

/** Wraps `onResult` so results arriving in any order are handed over in job order. */
function inOrder<R>(onResult: (index: number, result: R) => void): (index: number, result: R) => void {
  const waiting = new Map<number, R>();
  let next = 0;
  return (index, result) => {
    waiting.set(index, result);
    for (let r = waiting.get(next); r !== undefined; r = waiting.get(next)) {
      waiting.delete(next);
      onResult(next++, r);
    }
  };
}

function inThread(): StepRunner {
  return {
    check: async (jobs, onResult) => jobs.forEach((job, i) => onResult(i, checkStretch(job))),
    collect: async (jobs, onResult) => jobs.forEach((job, i) => onResult(i, collectSteps(job))),
    close: async () => undefined,
  };
}

function onWorkers(workerFile: string): StepRunner {
  const workers: Worker[] = [];
  async function run<R>(jobs: StepJob[], deliver: (index: number, result: R) => void): Promise<void> {
    const size = Math.max(1, Math.min(availableParallelism(), 4, jobs.length));
    while (workers.length < size) workers.push(new Worker(workerFile, { resourceLimits: LIMITS }));
    let next = 0;
    const one = (worker: Worker): Promise<void> =>
      new Promise((resolve, reject) => {
        const onMessage = (msg: { id: number; result: R }): void => {
          deliver(msg.id, msg.result);
          send();
        };
        const done = (error?: Error): void => {
          worker.off('message', onMessage);
          worker.off('error', done);
          if (error) reject(error);
          else resolve();
        };
        const send = (): void => {
          if (next >= jobs.length) return done();
          const id = next++;
          worker.postMessage({ id, job: jobs[id] });
        };
        worker.on('message', onMessage);
        worker.on('error', done);
        send();
      });
    await Promise.all(workers.slice(0, size).map(one));
  }
  return {
    check: (jobs, onResult) =>
      run<StretchChecks>(
        jobs.map((j) => ({ ...j, kind: 'check' })),
        inOrder(onResult),
      ),
    collect: (jobs, onResult) =>
      run<StretchSteps>(
        jobs.map((j) => ({ ...j, kind: 'collect' })),
        inOrder(onResult),
      ),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
      workers.length = 0;
    },
  };
}

export function stepRunner(workerFile: string | null): StepRunner {
  return workerFile === null ? inThread() : onWorkers(workerFile);
}
