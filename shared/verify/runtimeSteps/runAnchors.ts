/**
 * Per-run anchors (formats/runtime-steps.md §6 step 4): a run absent from the given files →
 * `anchor_chain_missing` (run_missing_vs_anchor); a count or head that differs → the count/head
 * rules shared with meshguard; a run the anchors do not list → `anchor_count_mismatch` against 0
 * (run_not_in_anchor). An anchor applies to the sources holding its tenant (or its file); one
 * with neither applies to every source.
 */
import { anchorForPath, countAndHeadFindings } from '../meshguard/anchorCheck';
import type { ChainAnchor, Finding } from '../types';
import type { RunAnchor } from './anchorsFile';
import type { RunResult } from './runChain';

export interface SourceRuns {
  path: string;
  tenants: ReadonlySet<string>;
  runs: ReadonlyMap<string, RunResult>;
  findings: Finding[];
  anchorsUsed: string[];
  /** True when at least one run anchor applies to this source. */
  anchored: boolean;
}

/** A path-named or whole-log anchor is not a run anchor. */
function isRunAnchor(a: ChainAnchor): boolean {
  return a.chain !== '*' && !a.chain.includes('/') && !/\.(jsonl|json|parquet)$/.test(a.chain);
}

function appliesTo(a: RunAnchor, s: SourceRuns): boolean {
  if (a.tenant !== undefined) return s.tenants.has(a.tenant);
  if (a.file !== undefined) return anchorForPath([{ chain: a.file }], s.path) !== undefined;
  return true;
}

function missing(a: RunAnchor, searched: readonly SourceRuns[]): Finding {
  return {
    kind: 'anchor_chain_missing',
    chain: a.chain,
    detail: `run_missing_vs_anchor: the published anchors list run ${a.chain}${a.count === undefined ? '' : ` with ${a.count} events`}, but no event of it is in ${searched.map((s) => s.path).join(', ')}: the whole run was deleted`,
    expected: a.count === undefined ? 'present' : `${a.count} events`,
    actual: 'absent',
  };
}

function compare(a: RunAnchor, s: SourceRuns, run: RunResult): void {
  const facts = { count: run.count, head: run.complete ? run.head : null, clean: run.clean };
  s.findings.push(...countAndHeadFindings(a, facts, `run ${a.chain}`));
}

/**
 * A scoped anchor (tenant or file) is checked in every source it applies to, so two copies of one
 * tenant's file given together are each checked in full; an unscoped anchor's run may be in any
 * source, and is missing only when no source holds it.
 */
export function checkRunAnchors(anchors: readonly ChainAnchor[], sources: SourceRuns[]): void {
  const runAnchors: RunAnchor[] = anchors.filter(isRunAnchor);
  for (const a of runAnchors) {
    const owners = sources.filter((s) => appliesTo(a, s));
    owners.forEach((s) => (s.anchored = true));
    const scoped = a.tenant !== undefined || a.file !== undefined;
    const checkedIn = scoped ? owners : owners.filter((s) => s.runs.has(a.chain)).slice(0, 1);
    for (const s of checkedIn) {
      const run = s.runs.get(a.chain);
      if (run === undefined) s.findings.push(missing(a, [s]));
      else compare(a, s, run);
    }
    const first = owners[0];
    if (!scoped && checkedIn.length === 0 && first !== undefined) first.findings.push(missing(a, owners));
  }
  for (const s of sources) {
    if (!s.anchored) continue;
    const applicable = runAnchors.filter((a) => appliesTo(a, s));
    const anchored = new Set(applicable.map((a) => a.chain));
    s.anchorsUsed.push(`${applicable.length} per-run anchors (event count, head hash)`);
    for (const [runId, run] of s.runs) {
      if (anchored.has(runId)) continue;
      s.findings.push({
        kind: 'anchor_count_mismatch',
        chain: runId,
        detail: `run_not_in_anchor: run ${runId} (${run.count} events) is not in the published anchors: it was added after they were published, or fabricated`,
        expected: '0',
        actual: String(run.count),
      });
    }
  }
}
