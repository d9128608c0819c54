/**
 * Both cores for runtime-steps verification (issue #4, "Speed"): worker threads check each event
 * on its own (parse, JCS, SHA-256, HMAC) over byte ranges of a JSONL file cut at line ends, and the
 * pure profile then only links runs, taking each event's check from here (VerifyContext.prechecked).
 * Without the worker bundle (engine run from sources) the ranges are checked on the calling thread.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PrecheckedSteps, ResolvedKeys, VerifyRecord } from '../../../shared/verify/profile';
import { StringPool } from '../../../shared/verify/runtimeSteps/keptStrings';
import type { Position } from '../../../shared/verify/chain/position';
import {
  plainStepCheck,
  rebasedStepCheck,
  type StepCheck,
} from '../../../shared/verify/runtimeSteps/stepCheck';
import { checkStepRange, type RangeJob, type RangeResult } from './stepRange';

const RANGE_BYTES = 8 * 1024 * 1024;
const LF = 0x0a;

/** The worker bundle beside this module once built; null when running from TypeScript sources. */
export function defaultStepWorkerFile(moduleUrl: string): string | null {
  if (!moduleUrl.endsWith('.mjs')) return null;
  return fileURLToPath(new URL('./verifyWorker.mjs', moduleUrl));
}

/** Offsets just after a `\n` near each multiple of `size` (a range holds whole lines). */
export function lineRanges(path: string, size: number, rangeBytes = RANGE_BYTES): [number, number][] {
  const cuts = [0];
  const fd = openSync(path, 'r');
  const probe = new Uint8Array(64 * 1024);
  try {
    for (let at = rangeBytes; at < size; at += rangeBytes) {
      const n = readSync(fd, probe, 0, probe.length, at);
      const nl = probe.subarray(0, n).indexOf(LF);
      // A line longer than the probe just makes its range longer.
      if (nl >= 0 && at + nl + 1 < size && at + nl + 1 > (cuts[cuts.length - 1] ?? 0)) cuts.push(at + nl + 1);
    }
  } finally {
    closeSync(fd);
  }
  return cuts.map((start, i) => [start, cuts[i + 1] ?? size]);
}

/** Runs every job, handing each result over as it arrives (any order) so its columns can go. */
async function runRanges(
  jobs: RangeJob[],
  workerFile: string | null,
  onResult: (index: number, result: RangeResult) => void,
): Promise<void> {
  if (workerFile === null) {
    jobs.forEach((job, i) => onResult(i, checkStepRange(job)));
    return;
  }
  let next = 0;
  const one = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      const send = (): void => {
        if (next >= jobs.length) return resolve();
        const id = next++;
        worker.once('message', (msg: { id: number; result: RangeResult }) => {
          onResult(msg.id, msg.result);
          send();
        });
        worker.postMessage({ id, job: jobs[id] });
      };
      worker.once('error', reject);
      send();
    });
  const size = Math.max(1, Math.min(availableParallelism(), 4, jobs.length));
  const workers = Array.from({ length: size }, () => new Worker(workerFile));
  try {
    await Promise.all(workers.map(one));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Range `r`'s row `i` at its place in the file, as checkStep would have returned it here. */
function rowCheck(
  r: RangeResult,
  i: number,
  at: Position,
  keys: ResolvedKeys['hmac'],
  strings: string[],
  pool: StringPool,
): StepCheck {
  const verifiedBy = keys[r.keyIndex[i] ?? -1];
  const other = r.others.get(i);
  if (other !== undefined) return rebasedStepCheck(other, at, verifiedBy, pool);
  const tenant = r.tenantId[i] ?? -1;
  return plainStepCheck(at, {
    runId: strings[r.runId[i] ?? -1] ?? '',
    tenantId: tenant < 0 ? undefined : strings[tenant],
    prev: r.prev[i] ?? '',
    hash: r.hash[i] ?? '',
    step: r.step[i] ?? '',
    phase: strings[r.phase[i] ?? -1] ?? '',
    verifiedBy,
  });
}

/**
 * Checks every event of `path`; the lookup answers only for a record at the same entry, line and
 * text length as the one checked here, so a profile falls back to checking anything else itself.
 */
export async function precheckSteps(
  path: string,
  keys: ResolvedKeys['hmac'],
  workerFile: string | null,
  rangeBytes = RANGE_BYTES,
): Promise<PrecheckedSteps> {
  const jobs = lineRanges(path, statSync(path).size, rangeBytes).map(([start, end]) => ({
    path,
    start,
    end,
    keys,
  }));
  const checks: StepCheck[] = [];
  const lengths: number[] = [];
  const pool = new StringPool();
  let lineBase = 0;
  const append = (r: RangeResult): void => {
    const strings = r.strings.map((s) => pool.keep(s));
    for (let i = 0; i < r.line.length; i++) {
      const line = r.line[i] ?? -1;
      const at =
        line < 0 ? { entryIndex: checks.length } : { entryIndex: checks.length, line: line + lineBase };
      checks.push(rowCheck(r, i, at, keys, strings, pool));
      lengths.push(r.textLength[i] ?? -1);
    }
    lineBase += r.lines;
  };
  // Positions depend on every earlier range: results are appended in file order as they line up.
  const waiting = new Map<number, RangeResult>();
  let appended = 0;
  await runRanges(jobs, workerFile, (index, result) => {
    waiting.set(index, result);
    for (let r = waiting.get(appended); r !== undefined; r = waiting.get(appended)) {
      waiting.delete(appended++);
      append(r);
    }
  });
  return (record: VerifyRecord) => {
    const check = checks[record.entryIndex];
    if (
      check === undefined ||
      check.line !== record.line ||
      lengths[record.entryIndex] !== record.text?.length
    )
      return undefined;
    return check;
  };
}

/** Below this a file verifies faster than worker threads start. */
const MIN_FILE_BYTES = 16 * 1024 * 1024;

/** Prechecks for the large JSONL files among `paths` when the worker bundle is there. */
export async function precheckedFiles(
  paths: readonly string[],
  keys: ResolvedKeys['hmac'],
  workerFile: string | null,
): Promise<Map<string, PrecheckedSteps>> {
  const out = new Map<string, PrecheckedSteps>();
  if (workerFile === null || !existsSync(workerFile) || process.env.CASEFILE_VERIFY_WORKERS === '0')
    return out;
  for (const path of paths) {
    if (statSync(path).size >= MIN_FILE_BYTES) out.set(path, await precheckSteps(path, keys, workerFile));
  }
  return out;
}
