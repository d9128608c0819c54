/**
 * Both cores for runtime-steps verification (issue #4, "Speed"): worker threads check each event
 * on its own (parse, JCS, SHA-256, HMAC) over byte ranges of a JSONL file cut at line ends and
 * sum each range up per run; this thread links the ranges in file order (linkStretches.ts), and
 * takes a second look only at the ranges that hold runs not linked from end to end. The pure
 * profile then analyses the runs from that (VerifyContext.prechecked) without reading the file,
 * so memory stays flat whatever the file's size.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ResolvedKeys } from '../../../shared/verify/profile';
import type { CheckedStepsFile } from '../../../shared/verify/runtimeSteps/checkedFile';
import { StretchLinker } from '../../../shared/verify/runtimeSteps/linkStretches';
import { stepRunner, type StepRunner } from './stepRunner';

/** ~7k events a job: smaller ranges keep less per worker (peak RSS), larger ones measured no faster. */
const RANGE_BYTES = 4 * 1024 * 1024;
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

/** Checks every event of `path` and links its runs. */
export async function precheckSteps(
  path: string,
  keys: ResolvedKeys['hmac'],
  runner: StepRunner,
  rangeBytes = RANGE_BYTES,
): Promise<CheckedStepsFile> {
  const ranges = lineRanges(path, statSync(path).size, rangeBytes);
  const linker = new StretchLinker(keys);
  await runner.check(
    ranges.map(([start, end]) => ({ path, start, end, keys })),
    (_, result) => linker.add(result),
  );
  const { runIds, stretches } = linker.unlinked();
  if (runIds.length === 0) return linker.result();
  await runner.collect(
    stretches.map((i) => {
      const [start, end] = ranges[i] ?? [0, 0];
      return { path, start, end, keys, runIds };
    }),
    (j, result) => linker.addSteps(stretches[j] ?? -1, result),
  );
  return linker.result();
}

/** Below this a file verifies faster than worker threads start. */
const MIN_FILE_BYTES = 16 * 1024 * 1024;

/** Prechecks for the large JSONL files among `paths` when the worker bundle is there. */
export async function precheckedFiles(
  paths: readonly string[],
  keys: ResolvedKeys['hmac'],
  workerFile: string | null,
): Promise<Map<string, CheckedStepsFile>> {
  const out = new Map<string, CheckedStepsFile>();
  if (workerFile === null || !existsSync(workerFile) || process.env.CASEFILE_VERIFY_WORKERS === '0')
    return out;
  const large = paths.filter((path) => statSync(path).size >= MIN_FILE_BYTES);
  if (large.length === 0) return out;
  const runner = stepRunner(workerFile);
  try {
    for (const path of large) out.set(path, await precheckSteps(path, keys, runner));
  } finally {
    await runner.close();
  }
  return out;
}
