/** Builds a FileOutcome from a chain result plus the anchor comparison shared by every AgentMesh profile. */
import { anchorFindings, describeAnchor, selectAnchor, type ChainFacts } from '../chain/anchorCheck';
import type { FileOutcome, VerifyContext } from '../profile';
import type { ChainAnchor, Finding } from '../types';

export interface OutcomeParts {
  path: string;
  findings: Finding[];
  facts: ChainFacts;
  uncoveredFields: string[];
  needsAnchorFor: string[];
  keysUsed?: string[];
  unverifiableReason?: string;
  /** False for a window/segment: a whole-log anchor cannot be compared with part of the log. */
  anchorApplies: boolean;
  acceptStar?: (anchor: ChainAnchor) => boolean;
}

export function buildOutcome(parts: OutcomeParts, ctx: VerifyContext): FileOutcome {
  const findings = [...parts.findings];
  const anchorsUsed: string[] = [];
  const needsAnchorFor = [...parts.needsAnchorFor];
  const anchor = selectAnchor(ctx.anchors, parts.path, parts.acceptStar ?? (() => true));
  if (anchor && parts.anchorApplies) {
    findings.push(...anchorFindings(anchor, parts.facts));
    anchorsUsed.push(describeAnchor(anchor));
  } else if (anchor) {
    needsAnchorFor.push(
      `${describeAnchor(anchor)} was not applied: it describes the whole log and this file holds only a segment of it`,
    );
  }
  return {
    path: parts.path,
    records: parts.facts.count,
    findings,
    merkleRoot: parts.facts.root,
    head: parts.facts.head,
    uncoveredFields: parts.uncoveredFields,
    needsAnchorFor,
    keysUsed: parts.keysUsed ?? [],
    anchorsUsed,
    ...(parts.unverifiableReason === undefined ? {} : { unverifiableReason: parts.unverifiableReason }),
  };
}

/** What only an anchor reveals for a keyless AgentMesh copy (formats/README.md lesson 5). */
export const KEYLESS_NEEDS_ANCHOR = [
  'tail truncation',
  'insertion, deletion or edit followed by re-chaining (no key protects this format; in-chain audit_integrity checkpoints count only if their roots were published elsewhere)',
];

export function emptyOutcome(path: string, findings: Finding[], reason?: string): FileOutcome {
  return {
    path,
    records: 0,
    findings,
    merkleRoot: null,
    head: null,
    uncoveredFields: [],
    needsAnchorFor: [],
    keysUsed: [],
    anchorsUsed: [],
    ...(reason === undefined ? {} : { unverifiableReason: reason }),
  };
}
