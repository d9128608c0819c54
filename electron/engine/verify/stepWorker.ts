/** Worker thread entry: checks runtime-steps events of one byte range (stepRange.ts, stepRunner.ts). */
import { parentPort } from 'node:worker_threads';
import { checkStretch, collectSteps } from './stepRange';
import type { StepJob } from './stepRunner';

parentPort?.on('message', (msg: { id: number; job: StepJob }) => {
  const { job } = msg;
  const result = job.kind === 'check' ? checkStretch(job) : collectSteps(job);
  parentPort?.postMessage({ id: msg.id, result });
});
