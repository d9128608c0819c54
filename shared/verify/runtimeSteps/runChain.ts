/**
 * One run's chain (formats/runtime-steps.md §5.3, §6 step 3): exact re-deliveries are dropped as
 * duplicates, then every `prev` must name the zero genesis or the stored hash of another event of
 * the run; two events naming one `prev` are a fork; a run without genesis is reported; a complete
 * chain gives the emission order, and a file order that differs from it is only a notice.
 */
import { otherPlaces } from '../chain/placeList';
import { positionOf } from '../chain/position';
import { ZERO_PREV } from '../meshguard/records';
import { NOTICE_KINDS, type Finding } from '../types';
import { labelOf, type CheckedStep } from './stepCheck';

export interface RunResult {
  runId: string;
  findings: Finding[];
  /** Distinct events (duplicates dropped). */
  count: number;
  /** Hash of the last event in chain order when the chain is complete, else null. */
  head: string | null;
  complete: boolean;
  /** Nothing but notices found in the run (its events' own findings included). */
  clean: boolean;
}

function where(e: CheckedStep): string {
  return e.line === undefined ? `row ${e.entryIndex}` : `line ${e.line}`;
}

/** Up to the three unreadable lines nearest before `line` (`unreadable` ascending; binary search keeps hostile files linear). */
function unreadableBefore(unreadable: readonly number[], line: number | undefined): number[] {
  if (line === undefined) return [];
  let lo = 0;
  let hi = unreadable.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((unreadable[mid] ?? Infinity) < line) lo = mid + 1;
    else hi = mid;
  }
  return unreadable.slice(Math.max(0, lo - 3), lo);
}

/** `lines 1–8, 13–16, 9–12, 17–26`: the chain order as runs of consecutive file positions. */
function spans(order: readonly CheckedStep[]): string {
  const rows = order[0]?.line === undefined;
  const numbers = order.map((e) => e.line ?? e.entryIndex);
  const parts: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === (numbers[j] ?? 0) + 1) j++;
    parts.push(j === i ? String(numbers[i]) : `${numbers[i]}–${numbers[j]}`);
    i = j + 1;
  }
  return `${rows ? 'rows' : 'lines'} ${parts.join(', ')}`;
}

/**
 * Equal whole JCS texts, decided without keeping them, as one key: two events that both hash to
 * one `hash` have one JCS text without `hash`/`sig` (SHA-256 is collision resistant), so they are
 * equal when their `sig`s are, and a key reproduced a `sig` only if it reproduced the other; an
 * event whose hash does not hold is compared by its text. A map of keys finds a copy in one
 * lookup: scanning every event of the same hash made a file of N events that claim one hash take
 * N² comparisons.
 */
function eventKey(e: CheckedStep): string {
  const which = !e.hashOk ? `c${e.canonical}` : e.verifiedBy !== undefined ? `v${e.verifiedBy}` : `s${e.sig}`;
  return `${e.hash}\u0000${e.hashOk ? 1 : 0}\u0000${which}`;
}

function dropDuplicates(events: readonly CheckedStep[], findings: Finding[]): CheckedStep[] {
  const seen = new Map<string, CheckedStep>();
  const kept: CheckedStep[] = [];
  for (const e of events) {
    const key = eventKey(e);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, e);
      kept.push(e);
    } else {
      findings.push({
        kind: 'duplicate_record',
        ...positionOf(e),
        chain: e.runId,
        detail: `duplicate_event (${labelOf(e)}): an exact copy of ${where(first)} (a re-delivered line); dropped from the analysis, not a fork`,
      });
    }
  }
  return kept;
}

/** Follows the links from the genesis; the events in chain order, or null when some are not reached. */
function chainOrder(
  genesis: CheckedStep,
  byPrev: Map<string, CheckedStep[]>,
  total: number,
): CheckedStep[] | null {
  const order: CheckedStep[] = [genesis];
  for (
    let next = byPrev.get(genesis.hash)?.[0];
    next !== undefined && order.length <= total;
    next = byPrev.get(next.hash)?.[0]
  )
    order.push(next);
  return order.length === total ? order : null;
}

/** `events`: the run's readable events in file order; `unreadable`: lines of the file that could not be read. */
export function analyseRun(
  runId: string,
  events: readonly CheckedStep[],
  unreadable: readonly number[],
): RunResult {
  const findings: Finding[] = [];
  const kept = dropDuplicates(events, findings);
  const hashes = new Set(kept.map((e) => e.hash));
  const byPrev = new Map<string, CheckedStep[]>();
  for (const e of kept) {
    const siblings = byPrev.get(e.prev);
    if (siblings === undefined) byPrev.set(e.prev, [e]);
    else siblings.push(e);
  }
  let broken = false;
  for (const e of kept) {
    if (e.prev === ZERO_PREV || hashes.has(e.prev)) continue;
    broken = true;
    const before = unreadableBefore(unreadable, e.line);
    const hint =
      before.length > 0
        ? ` (its predecessor may be the unreadable ${before.length === 1 ? 'line' : 'lines'} ${before.join(', ')})`
        : '';
    findings.push({
      kind: 'chain_break',
      ...positionOf(e),
      chain: runId,
      field: 'prev',
      detail: `chain_break (${labelOf(e)}): prev names a hash no event of the run has: its predecessor is missing, unreadable or was changed${hint}`,
      actual: e.prev,
    });
  }
  let forked = false;
  for (const [prev, siblings] of byPrev) {
    if (siblings.length < 2) continue;
    forked = true;
    for (const e of siblings) {
      const others = otherPlaces(siblings, e, where);
      findings.push({
        kind: 'chain_fork',
        ...positionOf(e),
        chain: runId,
        field: 'prev',
        detail: `chain_fork (${labelOf(e)}): ${others} name${siblings.length > 2 ? '' : 's'} the same prev${prev === ZERO_PREV ? ' (the genesis)' : ''}: the chain forks, so one of them was inserted`,
        actual: prev,
      });
    }
  }
  const geneses = byPrev.get(ZERO_PREV) ?? [];
  if (geneses.length === 0 && kept.length > 0) {
    findings.push({
      kind: 'chain_break',
      chain: runId,
      detail: `missing_genesis: no event of run ${runId} has the zero prev: the run's first events are missing`,
    });
  }
  const genesis = geneses[0];
  let order: CheckedStep[] | null = null;
  if (genesis !== undefined && geneses.length === 1 && !broken && !forked) {
    order = chainOrder(genesis, byPrev, kept.length);
    if (order === null)
      findings.push({
        kind: 'chain_break',
        chain: runId,
        detail: `some events of run ${runId} cannot be reached from its first event: their links form a loop`,
      });
  }
  if (order !== null && order.some((e, i) => e !== kept[i])) {
    findings.push({
      kind: 'out_of_order',
      chain: runId,
      detail: `out_of_order: the file holds run ${runId} in another order than its chain; chain order is ${spans(order)}. Not tampering: the chain proves the emission order`,
    });
  }
  const own = kept.flatMap((e) => e.findings);
  return {
    runId,
    findings: [...own, ...findings],
    count: kept.length,
    head: order === null ? null : (order[order.length - 1]?.hash ?? null),
    complete: order !== null,
    clean: [...own, ...findings].every((f) => NOTICE_KINDS.has(f.kind) || f.kind === 'duplicate_record'),
  };
}
