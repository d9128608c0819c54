/**
 * Checks the runtime-steps events of one byte range of a JSONL file on their own (parse, JCS,
 * SHA-256, HMAC: the per-event, order-independent work, formats/runtime-steps.md §6 steps 1–2),
 * for a worker thread or the calling thread. Lines in the producers' own compact form take the
 * quick path (quickStep.ts); anything else, and every event with something to report, goes through
 * checkStep. Positions are local to the range; linkStretches.ts shifts them.
 */
import { FlatLine } from '../../../shared/canon/flatLine';
import { positionOf } from '../../../shared/verify/chain/position';
import { readRecord } from '../../../shared/verify/meshguard/records';
import type { ResolvedKeys } from '../../../shared/verify/profile';
import { StringPool } from '../../../shared/verify/runtimeSteps/keptStrings';
import type { StretchSteps } from '../../../shared/verify/runtimeSteps/linkStretches';
import { quickStep } from '../../../shared/verify/runtimeSteps/quickStep';
import { checkStep, type HmacKey, type StepCheck } from '../../../shared/verify/runtimeSteps/stepCheck';
import { StretchBuilder, type StretchChecks } from '../../../shared/verify/runtimeSteps/stretch';
import { nodeHash } from './nodeHash';
import { forEachRangeLine } from './rangeLines';

export interface RangeJob {
  path: string;
  /** Byte offsets: `start` is 0 or just after a `\n`; `end` is just after a `\n` or the file's end. */
  start: number;
  end: number;
  keys: ResolvedKeys['hmac'];
}

/** A second look at a range: the usable events of these runs, whole. */
export interface CollectJob extends RangeJob {
  runIds: string[];
}

function fullCheck(
  text: string,
  entryIndex: number,
  line: number,
  keys: readonly HmacKey[] | null,
  pool: StringPool,
): StepCheck {
  const read = readRecord({ entryIndex, line, text });
  const at = positionOf(read);
  return read.ok
    ? checkStep(read.value, at, nodeHash, keys, pool)
    : { ...at, ok: false, findings: [read.finding] };
}

export function checkStretch(job: RangeJob): StretchChecks {
  const keys = job.keys.length > 0 ? job.keys : null;
  const builder = new StretchBuilder(job.keys);
  const flat = new FlatLine();
  const pool = new StringPool();
  const lastHash = (runId: string): string | undefined => builder.lastHash(runId);
  const lines = forEachRangeLine(job.path, job.start, job.end, (text, entryIndex, line) => {
    const quick = quickStep(flat, text, nodeHash, keys, lastHash);
    if (quick !== null) builder.quick(quick);
    else builder.checked(fullCheck(text, entryIndex, line, keys, pool));
  });
  return builder.result(lines);
}

export function collectSteps(job: CollectJob): StretchSteps {
  const keys = job.keys.length > 0 ? job.keys : null;
  const wanted = new Set(job.runIds);
  const flat = new FlatLine();
  const pool = new StringPool();
  const out: StretchSteps = { steps: [], keyIndex: [] };
  forEachRangeLine(job.path, job.start, job.end, (text, entryIndex, line) => {
    // Another run's line in the producers' form is skipped unchecked; anything else is checked.
    if (flat.read(text)) {
      const run = flat.layout?.slot('run_id') ?? -1;
      if (flat.isString(run) && !wanted.has(flat.value(run))) return;
    }
    const c = fullCheck(text, entryIndex, line, keys, pool);
    if (!c.ok || !wanted.has(c.runId)) return;
    // A key cannot cross threads by identity: it is named by index.
    out.keyIndex.push(c.verifiedBy === undefined ? -1 : job.keys.indexOf(c.verifiedBy));
    out.steps.push({ ...c, verifiedBy: undefined });
  });
  return out;
}
