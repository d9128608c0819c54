/**
 * Verifies runtime-steps sources (formats/runtime-steps.md §6): each event on its own, then per
 * source the events grouped by run, each run as its own chain (file order is not authenticated),
 * then the per-run anchors. Every finding is reported; a hostile record never stops the others.
 */
import { positionOf } from '../chain/position';
import { keyFingerprint } from '../keys/fingerprint';
import { foldWrapperFindings, type PreparedRecord } from '../meshguard/prepared';
import { ZERO_PREV } from '../meshguard/records';
import type { FileOutcome, VerifyContext } from '../profile';
import type { Finding } from '../types';
import { checkRunAnchors, type SourceRuns } from './runAnchors';
import { linkedRunResult, noteKeyUse, type CheckedStepsFile, type LinkedRun } from './checkedFile';
import { analyseRun, type RunResult } from './runChain';
import { detached, StringPool } from './keptStrings';
import { checkStep, type CheckedStep, type HmacKey, type StepCheck } from './stepCheck';

export interface PreparedSteps {
  path: string;
  /** Iterated once, in file order: a lazy iterable keeps memory flat on large files. */
  steps: Iterable<PreparedRecord>;
  uncoveredFields: string[];
  /** The file's events already checked elsewhere (VerifyContext.prechecked): `steps` is then not read. */
  checked?: CheckedStepsFile;
}

export const STEPS_NEED_ANCHOR = {
  runTail: 'tail truncation of a run: events cut from its end leave a chain that still verifies',
  wholeRun: 'deletion of a whole run: nothing links runs to each other or to the file',
  rechained: 'an edit followed by re-chaining: no HMAC key was given, so the HMACs were not checked',
} as const;

function checkOne(
  s: PreparedRecord,
  ctx: VerifyContext,
  keys: readonly HmacKey[] | null,
  pool: StringPool,
): StepCheck {
  const at = positionOf(s);
  if (!s.ok) return { ...at, ok: false, findings: [s.finding] };
  const check = checkStep(s.event, at, ctx.hash, keys, pool);
  if (s.findings.length > 0 || (s.wrapperFindings ?? []).length > 0)
    check.findings = [...s.findings, ...foldWrapperFindings([...check.findings], s.wrapperFindings ?? [])];
  return check;
}

function checkAll(file: PreparedSteps, ctx: VerifyContext): CheckedStepsFile {
  const keys = ctx.keys.hmac.length > 0 ? ctx.keys.hmac : null;
  const pool = new StringPool();
  let records = 0;
  const unusable: Finding[] = [];
  const unreadable: number[] = [];
  const byRun = new Map<string, CheckedStep[]>();
  const tenants = new Set<string>();
  const used = new Map<string, HmacKey>();
  for (const step of file.steps) {
    records++;
    const c = checkOne(step, ctx, keys, pool);
    if (!c.ok) {
      unusable.push(...c.findings);
      if (c.line !== undefined) unreadable.push(c.line);
      continue;
    }
    if (c.tenantId !== undefined) tenants.add(c.tenantId);
    const run = byRun.get(c.runId);
    const last = run?.[run.length - 1];
    // In a run written in order, prev is the previous event's hash: share that string.
    c.prev = last?.hash === c.prev ? last.hash : c.prev === ZERO_PREV ? ZERO_PREV : detached(c.prev);
    if (run === undefined) byRun.set(c.runId, [c]);
    else run.push(c);
    if (c.verifiedBy !== undefined) noteKeyUse(used, c.verifiedBy);
  }
  return { records, unusable, unreadable, tenants, keysUsed: [...used.values()], runs: byRun };
}

function runsOf(checks: CheckedStepsFile): SourceRuns['runs'] {
  const out = new Map<string, RunResult>();
  for (const [runId, run] of checks.runs)
    out.set(runId, isLinked(run) ? linkedRunResult(runId, run) : analyseRun(runId, run, checks.unreadable));
  return out;
}

function isLinked(run: readonly CheckedStep[] | LinkedRun): run is LinkedRun {
  return !Array.isArray(run);
}

function outcome(
  file: PreparedSteps,
  checks: CheckedStepsFile,
  s: SourceRuns,
  ctx: VerifyContext,
): FileOutcome {
  const unusable = checks.unusable;
  const inRuns = [...s.runs.values()].flatMap((r) => r.findings);
  const noKey = ctx.keys.hmac.length === 0;
  const result: FileOutcome = {
    path: file.path,
    records: checks.records,
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
    keysUsed: checks.keysUsed.map((k) => `${k.id} (sha256 ${keyFingerprint(k.key, ctx.hash)})`),
    anchorsUsed: s.anchorsUsed,
  };
  if (noKey)
    result.unverifiableReason =
      'no HMAC key was given: hashes and per-run links were checked, the HMACs were not';
  return result;
}

export function verifyStepSources(files: readonly PreparedSteps[], ctx: VerifyContext): FileOutcome[] {
  const verified = files.map((file) => {
    const checks = file.checked ?? checkAll(file, ctx);
    const runs: SourceRuns = {
      path: file.path,
      tenants: checks.tenants,
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
