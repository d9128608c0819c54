/**
 * Verifies runtime-steps sources (formats/runtime-steps.md §6): each event on its own, then per
 * source the events grouped by run, each run as its own chain (file order is not authenticated),
 * then the per-run anchors. Every finding is reported; a hostile record never stops the others.
 */
import { positionOf } from '../chain/position';
import { keyFingerprint } from '../keys/fingerprint';
import { foldWrapperFindings, type PreparedRecord } from '../meshguard/prepared';
import type { FileOutcome, VerifyContext } from '../profile';
import { checkRunAnchors, type SourceRuns } from './runAnchors';
import { analyseRun } from './runChain';
import { checkStep, type CheckedStep, type StepCheck } from './stepCheck';

/** One record as an adapter (JSONL, CloudEvents, Parquet) hands it over (meshguard/prepared.ts). */
export type PreparedStep = PreparedRecord;

export interface PreparedSteps {
  path: string;
  records: number;
  steps: PreparedStep[];
  uncoveredFields: string[];
}

export const STEPS_NEED_ANCHOR = {
  runTail: 'tail truncation of a run: events cut from its end leave a chain that still verifies',
  wholeRun: 'deletion of a whole run: nothing links runs to each other or to the file',
  rechained: 'an edit followed by re-chaining: no HMAC key was given, so the HMACs were not checked',
} as const;

function checkAll(file: PreparedSteps, ctx: VerifyContext): StepCheck[] {
  const keys = ctx.keys.hmac.length > 0 ? ctx.keys.hmac : null;
  return file.steps.map((s): StepCheck => {
    const at = positionOf(s);
    if (!s.ok) return { ...at, ok: false, findings: [s.finding] };
    const check = checkStep(s.event, at, ctx.hash, keys);
    return {
      ...check,
      findings: [...s.findings, ...foldWrapperFindings(check.findings, s.wrapperFindings ?? [])],
    };
  });
}

function runsOf(checks: readonly StepCheck[]): SourceRuns['runs'] {
  const byRun = new Map<string, CheckedStep[]>();
  for (const c of checks) {
    if (!c.ok) continue;
    const run = byRun.get(c.runId);
    if (run === undefined) byRun.set(c.runId, [c]);
    else run.push(c);
  }
  const unreadable = checks.flatMap((c) => (!c.ok && c.line !== undefined ? [c.line] : []));
  return new Map([...byRun].map(([runId, events]) => [runId, analyseRun(runId, events, unreadable)]));
}

function outcome(
  file: PreparedSteps,
  checks: readonly StepCheck[],
  s: SourceRuns,
  ctx: VerifyContext,
): FileOutcome {
  const unusable = checks.flatMap((c) => (c.ok ? [] : c.findings));
  const inRuns = [...s.runs.values()].flatMap((r) => r.findings);
  const used = new Map<string, string>();
  for (const c of checks)
    if (c.ok && c.verifiedBy)
      used.set(c.verifiedBy.id, `${c.verifiedBy.id} (sha256 ${keyFingerprint(c.verifiedBy.key, ctx.hash)})`);
  const noKey = ctx.keys.hmac.length === 0;
  const result: FileOutcome = {
    path: file.path,
    records: file.records,
    findings: [...unusable, ...inRuns, ...s.findings].sort(
      (a, b) => (a.entryIndex ?? Infinity) - (b.entryIndex ?? Infinity),
    ),
    merkleRoot: null,
    // A file holds many runs, each with its own head: there is no single head.
    head: s.runs.size === 1 ? ([...s.runs.values()][0]?.head ?? null) : null,
    uncoveredFields: file.uncoveredFields,
    needsAnchorFor: [
      ...(s.anchored ? [] : [STEPS_NEED_ANCHOR.runTail, STEPS_NEED_ANCHOR.wholeRun]),
      ...(noKey ? [STEPS_NEED_ANCHOR.rechained] : []),
    ],
    keysUsed: [...used.values()],
    anchorsUsed: s.anchorsUsed,
  };
  if (noKey)
    result.unverifiableReason =
      'no HMAC key was given: hashes and per-run links were checked, the HMACs were not';
  return result;
}

export function verifyStepSources(files: readonly PreparedSteps[], ctx: VerifyContext): FileOutcome[] {
  const verified = files.map((file) => {
    const checks = checkAll(file, ctx);
    const tenants = new Set(checks.flatMap((c) => (c.ok && c.tenantId !== undefined ? [c.tenantId] : [])));
    const runs: SourceRuns = {
      path: file.path,
      tenants,
      runs: runsOf(checks),
      findings: [],
      anchorsUsed: [],
      anchored: false,
    };
    return { file, checks, runs };
  });
  checkRunAnchors(
    ctx.anchors,
    verified.map((v) => v.runs),
  );
  return verified.map((v) => outcome(v.file, v.checks, v.runs, ctx));
}
