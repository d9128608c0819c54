/**
 * Compares a chain with a published anchor the way formats/meshguard.md §5 step 6 and
 * formats/runtime-steps.md §6 step 4 say: fewer events on an otherwise clean chain is truncation;
 * any other count difference is a count mismatch; the head is compared only when the counts agree.
 */
import type { ChainAnchor, Finding } from '../types';

export interface ChainFacts {
  /** Readable events in the chain (duplicates dropped). */
  count: number;
  /** Stored hash of the chain's last event, null when unknown. */
  head: string | null;
  /** True when nothing else was found in the chain (no hash, signature, link or parse finding). */
  clean: boolean;
}

export function countAndHeadFindings(anchor: ChainAnchor, facts: ChainFacts, label: string): Finding[] {
  const chain = anchor.chain;
  if (anchor.count !== undefined && anchor.count !== facts.count) {
    const truncation = facts.count < anchor.count && facts.clean;
    const detail = truncation
      ? `truncation_vs_anchor: ${label} holds ${facts.count} events and verifies, but the published anchor says ${anchor.count}: ${anchor.count - facts.count} events were cut from its end`
      : `count_differs_from_anchor: ${label} holds ${facts.count} readable events, the published anchor says ${anchor.count}`;
    return [
      {
        kind: 'anchor_count_mismatch',
        chain,
        detail,
        expected: String(anchor.count),
        actual: String(facts.count),
      },
    ];
  }
  if (anchor.head !== undefined && facts.head !== null && anchor.head !== facts.head) {
    return [
      {
        kind: 'anchor_head_mismatch',
        chain,
        detail: `head_hash_differs_from_anchor: the last event of ${label} has another hash than the published head: the end of the chain was rewritten`,
        expected: anchor.head,
        actual: facts.head,
      },
    ];
  }
  return [];
}

function normalisePath(p: string): string {
  return p.replace(/\\/g, '/');
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/**
 * An anchor naming this file: the same path, else one path a trailing part of the other
 * (`audit/2024-03-16.jsonl` vs an absolute path), else the only anchor with the same file name
 * (a CloudEvents copy `cloudevents/2024-03-16.jsonl` holds the same events as that day's audit file, §7).
 */
export function anchorForPath(anchors: readonly ChainAnchor[], path: string): ChainAnchor | undefined {
  const p = normalisePath(path);
  const named = anchors.filter((a) => a.chain !== '*');
  const exact = named.find((a) => normalisePath(a.chain) === p);
  if (exact) return exact;
  const suffix = named.find((a) => {
    const c = normalisePath(a.chain);
    return p.endsWith(`/${c}`) || c.endsWith(`/${p}`);
  });
  if (suffix) return suffix;
  const sameName = named.filter((a) => baseName(normalisePath(a.chain)) === baseName(p));
  return sameName.length === 1 ? sameName[0] : undefined;
}
