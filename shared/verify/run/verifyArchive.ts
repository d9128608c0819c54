/**
 * The verification orchestrator (pure): runs a profile over an archive's sources and turns each
 * FileOutcome into the stable FileReport of `casefile verify --json` — verdict, coverage, what it
 * was verified against, every finding and a diagnosis. Files verified as one chain still get one
 * report each. A profile that throws on hostile input yields `unverifiable`, never a crash.
 */
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import type { FileReport } from '../types';
import { diagnose } from './diagnose';
import { buildLinkFacts, type LinkFieldPair } from './links';
import { verdictOf } from './verdict';

export interface ArchiveMeta {
  /** SHA-256 of each file's bytes, computed by whoever read them. */
  sha256ByPath: Record<string, string>;
  /** Producer id for the report (`agentmesh`, `meshguard`, a custom profile id, …). */
  producer: string;
  /** Hash link fields for the diagnosis; defaults to the known producers' fields. */
  linkFields?: readonly LinkFieldPair[];
}

/** Lesson 5 (formats/README.md): without an anchor, a cut tail is invisible in every format. */
const TAIL_TRUNCATION = 'tail truncation (no published anchor was checked for this file)';

function coverageOf(outcome: FileOutcome): FileReport['coverage'] {
  const needsAnchorFor = [...outcome.needsAnchorFor];
  const mentionsTail = needsAnchorFor.some((n) => /truncat/i.test(n));
  if (outcome.anchorsUsed.length === 0 && !mentionsTail) needsAnchorFor.push(TAIL_TRUNCATION);
  return { uncoveredFields: [...outcome.uncoveredFields], needsAnchorFor };
}

function needsLinks(outcome: FileOutcome): boolean {
  return outcome.findings.some(
    (f) => f.kind === 'chain_break' || f.kind === 'chain_fork' || f.kind === 'signature_invalid',
  );
}

function reportOf(outcome: FileOutcome, source: VerifySource | undefined, meta: ArchiveMeta): FileReport {
  const links = source && needsLinks(outcome) ? buildLinkFacts(source, meta.linkFields) : null;
  return {
    path: outcome.path,
    sha256: meta.sha256ByPath[outcome.path] ?? '',
    producer: meta.producer,
    records: outcome.records,
    verdict: verdictOf(outcome.findings, outcome.unverifiableReason),
    ...(outcome.unverifiableReason === undefined ? {} : { unverifiableReason: outcome.unverifiableReason }),
    coverage: coverageOf(outcome),
    findings: outcome.findings,
    diagnosis: diagnose(outcome.findings, { records: outcome.records, links }),
    merkleRoot: outcome.merkleRoot,
    head: outcome.head,
    verifiedAgainst: { keys: [...outcome.keysUsed], anchors: [...outcome.anchorsUsed] },
  };
}

/** Reports for files that could not be verified at all (unknown profile, unreadable, profile failure). */
export function unverifiableReports(
  paths: readonly string[],
  meta: ArchiveMeta,
  reason: string,
): FileReport[] {
  return paths.map((path) => ({
    path,
    sha256: meta.sha256ByPath[path] ?? '',
    producer: meta.producer,
    records: 0,
    verdict: 'unverifiable',
    unverifiableReason: reason,
    coverage: { uncoveredFields: [], needsAnchorFor: [] },
    findings: [],
    diagnosis: [],
    merkleRoot: null,
    head: null,
    verifiedAgainst: { keys: [], anchors: [] },
  }));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function verifyArchive(
  sources: VerifySource[],
  profile: Profile,
  ctx: VerifyContext,
  meta: ArchiveMeta,
): FileReport[] {
  let outcomes: FileOutcome[];
  try {
    outcomes = profile.verify(sources, ctx);
  } catch (error) {
    const reason = `the ${profile.id} profile failed on this input: ${messageOf(error)}`;
    return unverifiableReports(
      sources.map((s) => s.path),
      meta,
      reason,
    );
  }
  const byPath = new Map(sources.map((s) => [s.path, s]));
  const reports = outcomes.map((o) => reportOf(o, byPath.get(o.path), meta));
  const reported = new Set(outcomes.map((o) => o.path));
  const missing = sources.map((s) => s.path).filter((p) => !reported.has(p));
  return [
    ...reports,
    ...unverifiableReports(missing, meta, `the ${profile.id} profile returned no result for this file`),
  ];
}
