/**
 * One stretch of a runtime-steps file (a worker's byte range of whole lines) checked event by
 * event and summed up per run, so what crosses to the thread that links the stretches
 * (linkStretches.ts) grows with the runs in the stretch, not with its events. Positions are local
 * to the stretch (entryIndex from 0, line from 1).
 */
import type { QuickStep } from './quickStep';
import type { HmacKey, StepCheck, UnusableStep } from './stepCheck';

/** One run's events within the stretch, in file order. */
export interface RunSegment {
  runId: string;
  /** `prev` of the first event, `hash` of the last. */
  firstPrev: string;
  lastHash: string;
  count: number;
  /** Every event verified with nothing to report, each naming the previous one's hash. */
  linked: boolean;
}

export interface StretchChecks {
  /** Physical lines (its `\n` count, plus one for an unterminated last line). */
  lines: number;
  records: number;
  /** The records that could not be used, in file order. */
  unusable: UnusableStep[];
  /** By the first usable event of each run. */
  segments: RunSegment[];
  tenants: string[];
  /** Key indices in an order that gives keysUsed when replayed (first uses, then last uses). */
  keyUses: number[];
}

export class StretchBuilder {
  private records = 0;
  private readonly unusable: UnusableStep[] = [];
  private readonly runs = new Map<string, RunSegment>();
  private readonly tenants = new Set<string>();
  private readonly firstUses: number[] = [];
  private readonly lastUse = new Map<number, number>();

  constructor(private readonly keys: readonly HmacKey[]) {}

  /** An event that verified with nothing to report (quickStep's answer). */
  quick(q: QuickStep): void {
    this.event(q.runId, q.tenantId, q.prev, q.hash, q.keyIndex, true);
  }

  /** An event checkStep checked. */
  checked(c: StepCheck): void {
    if (!c.ok) {
      this.records++;
      this.unusable.push(c);
      return;
    }
    const key = c.verifiedBy === undefined ? -1 : this.keys.indexOf(c.verifiedBy);
    this.event(c.runId, c.tenantId, c.prev, c.hash, key, c.hashOk && c.findings.length === 0);
  }

  /** The hash of the last usable event of `runId` so far in this stretch. */
  lastHash(runId: string): string | undefined {
    return this.runs.get(runId)?.lastHash;
  }

  result(lines: number): StretchChecks {
    const lasts = [...this.lastUse].sort((a, b) => a[1] - b[1]).map(([key]) => key);
    return {
      lines,
      records: this.records,
      unusable: this.unusable,
      segments: [...this.runs.values()],
      tenants: [...this.tenants],
      keyUses: [...this.firstUses, ...lasts],
    };
  }

  private event(
    runId: string,
    tenantId: string | undefined,
    prev: string,
    hash: string,
    key: number,
    plain: boolean,
  ): void {
    const at = this.records++;
    if (tenantId !== undefined) this.tenants.add(tenantId);
    if (key >= 0) {
      if (!this.lastUse.has(key)) this.firstUses.push(key);
      this.lastUse.set(key, at);
    }
    const seg = this.runs.get(runId);
    if (seg === undefined) {
      this.runs.set(runId, { runId, firstPrev: prev, lastHash: hash, count: 1, linked: plain });
      return;
    }
    seg.linked = seg.linked && plain && prev === seg.lastHash;
    seg.lastHash = hash;
    seg.count++;
  }
}
