/**
 * Chains per group (`groupBy`, e.g. one per run; formats/runtime-steps.md §6): file order is not
 * authenticated, so links are resolved by hash, not by position. An exact duplicate is a
 * re-delivered line (a notice); a link to no hash of the group is a break; two records naming one
 * predecessor are a fork; a complete chain written in another order is the notice `out_of_order`.
 */
import { otherPlaces } from '../chain/placeList';
import type { Finding } from '../types';
import type { CheckedRecord } from './checkRecord';

export interface GroupResult {
  group: string;
  findings: Finding[];
  /** Records after exact duplicates are dropped. */
  count: number;
  /** The last record's hash in chain order (file order when the chain is not complete). */
  head: string | null;
}

function at(r: CheckedRecord): { entryIndex: number; line?: number } {
  return r.line === undefined ? { entryIndex: r.entryIndex } : { entryIndex: r.entryIndex, line: r.line };
}

function dropDuplicates(records: CheckedRecord[], group: string, findings: Finding[]): CheckedRecord[] {
  const firstByText = new Map<string, CheckedRecord>();
  const kept: CheckedRecord[] = [];
  for (const r of records) {
    const original = r.whole === undefined ? undefined : firstByText.get(r.whole);
    if (original) {
      findings.push({
        kind: 'duplicate_record',
        ...at(r),
        chain: group,
        detail: `an exact copy of record ${original.entryIndex}${original.line === undefined ? '' : ` (line ${original.line})`}: a line delivered twice, collapsed (not a fork)`,
      });
      continue;
    }
    if (r.whole !== undefined) firstByText.set(r.whole, r);
    kept.push(r);
  }
  return kept;
}

/** Chain order from the genesis record, or null when the chain is not one complete line. */
function chainOrder(records: CheckedRecord[], genesis: unknown): CheckedRecord[] | null {
  const byPrev = new Map<unknown, CheckedRecord>();
  for (const r of records) byPrev.set(r.prev, r);
  const order: CheckedRecord[] = [];
  let cur = byPrev.get(genesis);
  while (cur && order.length <= records.length) {
    order.push(cur);
    cur = cur.own === undefined ? undefined : byPrev.get(cur.own);
  }
  return order.length === records.length ? order : null;
}

export function checkGroup(group: string, all: CheckedRecord[], genesis: unknown): GroupResult {
  const findings: Finding[] = [];
  const records = dropDuplicates(all, group, findings);
  const holders = new Set(records.map((r) => r.own).filter((h) => h !== undefined));
  const claims = new Map<unknown, CheckedRecord[]>();
  for (const r of records) {
    const rivals = claims.get(r.prev);
    if (rivals) rivals.push(r);
    else claims.set(r.prev, [r]);
  }
  for (const r of records) {
    const shown = typeof r.prev === 'string' ? JSON.stringify(r.prev) : String(r.prev);
    if (r.prev !== genesis && !(typeof r.prev === 'string' && holders.has(r.prev))) {
      findings.push({
        kind: 'chain_break',
        ...at(r),
        chain: group,
        detail: `its previous hash is neither the genesis value nor the hash of any record of ${group}: its predecessor is missing, unreadable or was changed`,
        actual: shown,
      });
    }
    const rivals = claims.get(r.prev) ?? [];
    if (rivals.length > 1) {
      const others = otherPlaces(rivals, r, (x) => String(x.entryIndex));
      findings.push({
        kind: 'chain_fork',
        ...at(r),
        chain: group,
        detail: `records ${r.entryIndex}, ${others} of ${group} name the same predecessor: the chain branches`,
        actual: shown,
      });
    }
  }
  const clean = findings.every((f) => f.kind === 'duplicate_record');
  const order = clean ? chainOrder(records, genesis) : null;
  if (order) {
    const moved = order.findIndex((r, i) => r !== records[i]);
    if (moved >= 0) {
      const r = records[moved] as CheckedRecord;
      findings.push({
        kind: 'out_of_order',
        ...at(r),
        chain: group,
        detail: `the records of ${group} appear in the file in another order than their chain; every link holds, so the chain gives the order they were written in`,
      });
    }
  }
  const last = (order ?? records)[(order ?? records).length - 1];
  return { group, findings, count: records.length, head: last?.own ?? null };
}
