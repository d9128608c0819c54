/** Worker thread entry: checks runtime-steps events of one byte range (stepRange.ts, precheckSteps.ts). */
import { parentPort } from 'node:worker_threads';
import { checkStepRange, type RangeJob } from './stepRange';

parentPort?.on('message', (msg: { id: number; job: RangeJob }) => {
  parentPort?.postMessage({ id: msg.id, result: checkStepRange(msg.job) });
});
