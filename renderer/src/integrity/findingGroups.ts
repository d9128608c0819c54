/** Findings for the integrity panel: counts by kind, and runs of identical findings folded into one row. */
import { FINDING_KINDS, NOTICE_KINDS, type Finding, type FindingKind } from '../../../shared/verify/types';

/** One row of the findings table: a finding, or a run of identical findings on consecutive records. */
export interface FindingGroup {
  first: Finding;
  count: number;
  /** Entry index and line of the last finding of the run (equal to `first`'s when count is 1). */
  lastEntryIndex?: number;
  lastLine?: number;
}

function sameWords(a: Finding, b: Finding): boolean {
  return a.kind === b.kind && a.field === b.field && a.chain === b.chain && a.detail === b.detail;
}

function continues(group: FindingGroup, next: Finding): boolean {
  if (!sameWords(group.first, next)) return false;
  const last = group.lastEntryIndex;
  return last !== undefined && next.entryIndex === last + 1;
}

/**
 * Folds consecutive findings that say the same thing about consecutive records (e.g. every
 * record after a cut failing its link the same way), so thousands read as one row. Findings
 * that differ in any word, or are not on adjacent records, stay separate: nothing is hidden.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const finding of findings) {
    const open = groups[groups.length - 1];
    if (open && continues(open, finding)) {
      open.count++;
      open.lastEntryIndex = finding.entryIndex;
      if (finding.line !== undefined) open.lastLine = finding.line;
      continue;
    }
    groups.push({
      first: finding,
      count: 1,
      ...(finding.entryIndex !== undefined ? { lastEntryIndex: finding.entryIndex } : {}),
      ...(finding.line !== undefined ? { lastLine: finding.line } : {}),
    });
  }
  return groups;
}

/** How many findings of each kind, in the contract's kind order, kinds with none left out. */
export function countByKind(findings: readonly Finding[]): [FindingKind, number][] {
  const counts = new Map<FindingKind, number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return FINDING_KINDS.flatMap((kind) => {
    const n = counts.get(kind);
    return n === undefined ? [] : [[kind, n] as [FindingKind, number]];
  });
}

/** Findings that are evidence of tampering (notices such as out_of_order are not). */
export function evidenceCount(findings: readonly Finding[]): number {
  return findings.filter((f) => !NOTICE_KINDS.has(f.kind)).length;
}

/** "line 138", "lines 10–25", or the entry when the container has no lines (Parquet). */
export function groupLocation(group: FindingGroup): string {
  const { first, count } = group;
  if (first.line !== undefined)
    return count > 1 && group.lastLine !== undefined && group.lastLine !== first.line
      ? `lines ${first.line}–${group.lastLine}`
      : `line ${first.line}`;
  if (first.entryIndex !== undefined)
    return count > 1 && group.lastEntryIndex !== first.entryIndex
      ? `entries ${first.entryIndex}–${group.lastEntryIndex}`
      : `entry ${first.entryIndex}`;
  return 'whole file';
}
