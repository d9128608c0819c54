/**
 * Builds a profile's FileOutcome from what its chain walk found plus the anchor comparison, and
 * states what only an anchor could still reveal (formats/README.md lesson 5): a need is dropped
 * once an applied anchor carries a member that reveals it (count or head for a cut tail, …).
 */
import type { FileOutcome, VerifyContext } from '../profile';
import type { ChainAnchor, Finding } from '../types';
import { anchorFindings, describeAnchor, selectAnchor, type ChainFacts } from './anchorCheck';

/** Something only an anchor reveals, and the anchor members any one of which reveals it. */
export interface AnchorNeed {
  text: string;
  revealedBy: readonly (keyof ChainAnchor)[];
}

export const TAIL_TRUNCATION: AnchorNeed = { text: 'tail truncation', revealedBy: ['count', 'head', 'root'] };

export interface OutcomeParts {
  path: string;
  findings: Finding[];
  facts: ChainFacts;
  uncoveredFields: string[];
  needs: AnchorNeed[];
  keysUsed?: string[];
  unverifiableReason?: string;
  /** False for a window/segment: a whole-log anchor cannot be compared with part of the log. */
  anchorApplies: boolean;
  acceptStar?: (anchor: ChainAnchor) => boolean;
}

export function buildOutcome(parts: OutcomeParts, ctx: VerifyContext): FileOutcome {
  const findings = [...parts.findings];
  const anchorsUsed: string[] = [];
  let needs = parts.needs.map((n) => n.text);
  const anchor = selectAnchor(ctx.anchors, parts.path, parts.acceptStar ?? (() => true));
  if (anchor && parts.anchorApplies) {
    findings.push(...anchorFindings(anchor, parts.facts));
    anchorsUsed.push(describeAnchor(anchor));
    needs = parts.needs
      .filter((n) => !n.revealedBy.some((member) => anchor[member] !== undefined))
      .map((n) => n.text);
  } else if (anchor) {
    needs.push(
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
    needsAnchorFor: needs,
    keysUsed: parts.keysUsed ?? [],
    anchorsUsed,
    ...(parts.unverifiableReason === undefined ? {} : { unverifiableReason: parts.unverifiableReason }),
  };
}

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
