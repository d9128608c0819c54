/**
 * The panel's plain words for what a verdict does and does not prove (issue #4: an investigator
 * must never mistake "self-consistent" for "authentic"), and for how a report came to be.
 */
import type { ArchiveVerification } from '../../../shared/contract/model';
import type { FileReport } from '../../../shared/verify/types';
import { formatUtc } from '../data/format';
import { evidenceCount } from './findingGroups';

/** Intact, but checked against nothing outside the file: no key, no published anchor. */
export function isSelfConsistentOnly(report: FileReport): boolean {
  const against = report.verifiedAgainst;
  return (
    report.verdict === 'intact' && (!against || (against.keys.length === 0 && against.anchors.length === 0))
  );
}

function intactStatement(report: FileReport): string {
  const keys = report.verifiedAgainst?.keys.length ?? 0;
  const anchors = report.verifiedAgainst?.anchors.length ?? 0;
  if (keys === 0 && anchors === 0)
    return (
      'Self-consistent only: the records’ hashes and links agree with each other, but nothing outside ' +
      'the file was checked (no key, no published anchor). Someone able to rewrite the file and ' +
      'recompute its hashes would leave it looking exactly like this; it is not shown to be authentic.'
    );
  if (anchors === 0)
    return 'Hashes, links and signatures check against the keys below; no published anchor was checked.';
  if (keys === 0) return 'Hashes and links agree and match the published anchor below; no key was checked.';
  return 'Hashes, links and signatures check against the keys and the published anchors below.';
}

/** One sentence under the verdict badge saying what the verdict rests on. */
export function trustStatement(report: FileReport): string {
  switch (report.verdict) {
    case 'intact':
      return intactStatement(report);
    case 'tampered': {
      const n = evidenceCount(report.findings);
      return `Tampered: ${n} finding${n === 1 ? ' shows' : 's show'} the file changed after it was written.`;
    }
    case 'unverifiable':
      return `Unverifiable: ${report.unverifiableReason ?? 'the reason was not given'}.`;
  }
}

/** How a report came to be: the import's self-check (no keys, no anchors) or a run on demand, and when. */
export function verificationHow(v: ArchiveVerification): { label: string; at: string } {
  return {
    label: v.trigger === 'import' ? 'self-check at import (no keys, no anchors)' : 'verified on demand',
    at: formatUtc(v.verifiedAt),
  };
}
