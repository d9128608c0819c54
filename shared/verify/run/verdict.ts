/**
 * Per-file verdicts and the CLI exit code (issue #4): `tampered` when any finding is evidence of
 * tampering, `unverifiable` (with the reason) when the file could not be checked, else `intact`.
 */
import { NOTICE_KINDS, type FileReport, type Finding, type FindingKind, type Verdict } from '../types';

/**
 * Kinds that do not make a file tampered: the contract's notices plus `duplicate_record`, an
 * exact re-delivered copy that is collapsed, not a fork (formats/runtime-steps.md §6: "VALID
 * with a notice"; runtime-steps tampered/tnt_ember.duplicated-line truth).
 */
export const NON_TAMPERING_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>([
  ...NOTICE_KINDS,
  'duplicate_record',
]);

export function isTamperingFinding(f: Finding): boolean {
  return !NON_TAMPERING_KINDS.has(f.kind);
}

export function verdictOf(findings: readonly Finding[], unverifiableReason: string | undefined): Verdict {
  if (findings.some(isTamperingFinding)) return 'tampered';
  if (unverifiableReason !== undefined) return 'unverifiable';
  return 'intact';
}

/** 0 when every file is intact, 1 when any is tampered, 2 when none is tampered but one could not be verified (or there are none). */
export function verdictExitCode(reports: readonly FileReport[]): 0 | 1 | 2 {
  if (reports.some((r) => r.verdict === 'tampered')) return 1;
  if (reports.length === 0 || reports.some((r) => r.verdict !== 'intact')) return 2;
  return 0;
}
