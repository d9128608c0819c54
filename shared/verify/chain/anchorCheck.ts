/**
 * Compares what a file's chain recomputes to with a published anchor (formats/README.md
 * lesson 5): only an anchor reveals tail truncation or a re-chained rewrite, so every
 * mismatch is its own finding and the anchor used is always named.
 */
import type { ChainAnchor, Finding } from '../types';

/** What a profile recomputed for one chain. */
export interface ChainFacts {
  count: number;
  /** Recomputed Merkle root; null when the format has none or it could not be computed. */
  root: string | null;
  /** Stored hash of the last record in chain order. */
  head: string | null;
  /** Previous-hash value of the first record (undefined when there is no first record). */
  firstPrev: string | null | undefined;
}

function matchesPath(chain: string, path: string): boolean {
  return chain === path || path.endsWith(`/${chain}`) || path.endsWith(`\\${chain}`);
}

/**
 * The anchor for a file: one naming its path (exactly, then as a trailing path), else a `*`
 * anchor when `acceptStar` allows it (a profile knows whether a whole-log anchor applies to it).
 */
export function selectAnchor(
  anchors: readonly ChainAnchor[],
  path: string,
  acceptStar: (anchor: ChainAnchor) => boolean,
): ChainAnchor | undefined {
  return (
    anchors.find((a) => a.chain === path) ??
    anchors.find((a) => a.chain !== '*' && matchesPath(a.chain, path)) ??
    anchors.find((a) => a.chain === '*' && acceptStar(a))
  );
}

export function describeAnchor(anchor: ChainAnchor): string {
  const parts = (['count', 'root', 'head', 'firstPrev'] as const).filter((k) => anchor[k] !== undefined);
  return `anchor chain "${anchor.chain}" (${parts.join(', ')})`;
}

export function anchorFindings(anchor: ChainAnchor, facts: ChainFacts): Finding[] {
  const chain = anchor.chain;
  const out: Finding[] = [];
  if (anchor.count !== undefined && anchor.count !== facts.count) {
    const why =
      facts.count < anchor.count
        ? 'records are missing (tail truncation or deletion)'
        : 'records were added after the anchor was published, or inserted';
    out.push({
      kind: 'anchor_count_mismatch',
      chain,
      detail: `the file has ${facts.count} records, the published anchor says ${anchor.count}: ${why}`,
      expected: String(anchor.count),
      actual: String(facts.count),
    });
  }
  if (anchor.root !== undefined && facts.root !== null && anchor.root !== facts.root) {
    out.push({
      kind: 'anchor_root_mismatch',
      chain,
      detail: 'the Merkle root recomputed from the records differs from the published root',
      expected: anchor.root,
      actual: facts.root,
    });
  }
  if (anchor.head !== undefined && anchor.head !== facts.head) {
    out.push({
      kind: 'anchor_head_mismatch',
      chain,
      detail:
        'the hash of the last record differs from the published head: the end of the chain was cut or rewritten',
      expected: anchor.head,
      actual: facts.head ?? '(no records)',
    });
  }
  if (
    anchor.firstPrev !== undefined &&
    facts.firstPrev !== undefined &&
    anchor.firstPrev !== facts.firstPrev
  ) {
    out.push({
      kind: 'chain_break',
      chain,
      entryIndex: 0,
      detail:
        "the first record's previous hash differs from the anchor's: the start of the chain is not the published one",
      expected: anchor.firstPrev,
      actual: String(facts.firstPrev),
    });
  }
  return out;
}
