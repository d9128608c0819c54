/**
 * Links the stretches of one runtime-steps file (stretch.ts), in file order, into the file's
 * CheckedStepsFile. A run stays linked while each stretch's segment continues it (its first `prev`
 * is the zero genesis, then the run's last hash so far); any other run is analysed from its
 * events, which a second look at the stretches it spans hands over (`addSteps`): they are few in
 * an intact file, and only they are held in memory.
 */
import { ZERO_PREV } from '../meshguard/records';
import type { Finding } from '../types';
import { noteKeyUse, type CheckedStepsFile, type LinkedRun } from './checkedFile';
import { detached, StringPool } from './keptStrings';
import { rebasedStepCheck, type CheckedStep, type HmacKey, type StepCheck } from './stepCheck';
import type { StretchChecks } from './stretch';

interface RunState {
  count: number;
  head: string;
  linked: boolean;
  /** Stretches holding the run's first and last events. */
  first: number;
  last: number;
  /** The events, once the run is known not to be linked and they were handed over. */
  events?: CheckedStep[];
}

/** Steps of one stretch handed over again, each with the index of the key that verified it (-1: none). */
export interface StretchSteps {
  steps: StepCheck[];
  keyIndex: number[];
}

export class StretchLinker {
  private readonly runs = new Map<string, RunState>();
  private readonly unusable: Finding[] = [];
  private readonly unreadable: number[] = [];
  private readonly tenants = new Set<string>();
  private readonly used = new Map<string, HmacKey>();
  private readonly pool = new StringPool();
  /** Per stretch added: entries and lines before it. */
  private readonly entryBase: number[] = [];
  private readonly lineBase: number[] = [];
  private records = 0;
  private lines = 0;

  constructor(private readonly keys: readonly HmacKey[]) {}

  /** The next stretch of the file. */
  add(s: StretchChecks): void {
    const index = this.entryBase.length;
    this.entryBase.push(this.records);
    this.lineBase.push(this.lines);
    for (const c of s.unusable) {
      const at = this.at(index, c);
      this.unusable.push(...rebasedStepCheck(c, at, undefined, this.pool).findings);
      if (at.line !== undefined) this.unreadable.push(at.line);
    }
    for (const t of s.tenants) this.tenants.add(this.pool.keep(t));
    for (const k of s.keyUses) noteKeyUse(this.used, this.keys[k] as HmacKey);
    for (const seg of s.segments) {
      const run = this.runs.get(seg.runId);
      if (run === undefined) {
        this.runs.set(this.pool.keep(seg.runId), {
          count: seg.count,
          head: detached(seg.lastHash),
          linked: seg.linked && seg.firstPrev === ZERO_PREV,
          first: index,
          last: index,
        });
        continue;
      }
      run.linked = run.linked && seg.linked && seg.firstPrev === run.head;
      run.head = detached(seg.lastHash);
      run.count += seg.count;
      run.last = index;
    }
    this.records += s.records;
    this.lines += s.lines;
  }

  /** The runs that are not linked, and the stretches (ascending) that hold their events. */
  unlinked(): { runIds: string[]; stretches: number[] } {
    const runIds: string[] = [];
    const stretches = new Set<number>();
    for (const [runId, run] of this.runs) {
      if (run.linked) continue;
      runIds.push(runId);
      for (let i = run.first; i <= run.last; i++) stretches.add(i);
    }
    return { runIds, stretches: [...stretches].sort((a, b) => a - b) };
  }

  /** The usable events of unlinked runs in stretch `index`, local positions; stretches in ascending order. */
  addSteps(index: number, s: StretchSteps): void {
    s.steps.forEach((c, i) => {
      if (!c.ok) return;
      const run = this.runs.get(c.runId);
      if (run === undefined || run.linked) return;
      const checked = rebasedStepCheck(c, this.at(index, c), this.keys[s.keyIndex[i] ?? -1], this.pool);
      if (!checked.ok) return;
      const events = (run.events ??= []);
      const last = events[events.length - 1];
      // As verifySteps.ts does: in a run written in order, prev is the previous event's hash.
      checked.prev =
        last?.hash === checked.prev
          ? last.hash
          : checked.prev === ZERO_PREV
            ? ZERO_PREV
            : detached(checked.prev);
      events.push(checked);
    });
  }

  result(): CheckedStepsFile {
    const runs = new Map<string, readonly CheckedStep[] | LinkedRun>();
    for (const [runId, run] of this.runs)
      runs.set(runId, run.linked ? { count: run.count, head: run.head } : (run.events ?? []));
    return {
      records: this.records,
      unusable: this.unusable,
      unreadable: this.unreadable,
      tenants: this.tenants,
      keysUsed: [...this.used.values()],
      runs,
    };
  }

  private at(index: number, c: { entryIndex: number; line?: number }): { entryIndex: number; line?: number } {
    const entryIndex = (this.entryBase[index] ?? 0) + c.entryIndex;
    return c.line === undefined ? { entryIndex } : { entryIndex, line: (this.lineBase[index] ?? 0) + c.line };
  }
}
