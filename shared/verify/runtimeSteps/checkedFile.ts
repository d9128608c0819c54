/**
 * What is kept of a runtime-steps file once each event was checked on its own, before its runs
 * are analysed (formats/runtime-steps.md §6 step 3). A run whose events all verified with nothing
 * to report, each naming the previous one's hash from the zero genesis on, is kept as its count
 * and head only: its analysis is known without its events (linkedRunResult), so a large intact
 * file is verified in memory that does not grow with its size (issue #4, "Speed").
 */
import type { Finding } from '../types';
import type { RunResult } from './runChain';
import type { CheckedStep, HmacKey } from './stepCheck';

/** A run written in chain order, every event verified with nothing to report. */
export interface LinkedRun {
  count: number;
  /** The last event's hash. */
  head: string;
}

export interface CheckedStepsFile {
  records: number;
  /** Findings of the records that could not be used, in file order. */
  unusable: Finding[];
  /** Lines of those records, ascending. */
  unreadable: number[];
  tenants: ReadonlySet<string>;
  /** Keys that verified events: one per key id, in the order ids were first used, the last key used under it. */
  keysUsed: HmacKey[];
  /** By run id, in the order runs first appear: the run's readable events in file order, or a linked run. */
  runs: ReadonlyMap<string, readonly CheckedStep[] | LinkedRun>;
}

/**
 * What analyseRun returns for a linked run. Its hashes verified, so two equal hashes would be two
 * equal events with one `prev`, which a chain from one genesis cannot hold: no duplicate, no
 * break, no fork, one genesis, and the chain order is the file order (no out_of_order).
 */
export function linkedRunResult(runId: string, run: LinkedRun): RunResult {
  return { runId, findings: [], count: run.count, head: run.head, complete: true, clean: true };
}

/** Keeps verifying keys as keysUsed lists them, fed in file order. */
export function noteKeyUse(used: Map<string, HmacKey>, key: HmacKey): void {
  if (used.get(key.id) !== key) used.set(key.id, key);
}
