/**
 * The findings of one file as the diagnosis consumes them: each finding is explained (claimed)
 * by exactly one diagnosis rule, so nothing is diagnosed twice and nothing is left unexplained.
 */
import type { Diagnosis, Finding, FindingKind } from '../types';

/** The chain a finding belongs to, `''` when the file is one chain. */
export function chainOf(f: Finding): string {
  return f.chain ?? '';
}

/**
 * Whether two chain names can be the same chain: a record-level finding without a chain name
 * (a hash or signature failure some profiles report without the run) belongs to its record's chain.
 */
export function sameChain(a: string, b: string): boolean {
  return a === '' || b === '' || a === b;
}

/** A hash as the profiles print it in `expected`/`actual` (possibly JSON-quoted), or undefined. */
export function hashText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const unquoted =
    value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  return /^[0-9a-fA-F]{16,}$/.test(unquoted) ? unquoted : undefined;
}

export class FindingPool {
  private readonly claimed = new Set<Finding>();
  readonly diagnoses: Diagnosis[] = [];

  constructor(readonly findings: readonly Finding[]) {}

  /** Unclaimed findings of a kind, in the order the profile reported them. */
  open(kind: FindingKind): Finding[] {
    return this.findings.filter((f) => f.kind === kind && !this.claimed.has(f));
  }

  /** The unclaimed finding of `kind` at `entryIndex` in `chain`, if any. */
  openAt(kind: FindingKind, entryIndex: number | undefined, chain: string): Finding | undefined {
    if (entryIndex === undefined) return undefined;
    return this.open(kind).find((f) => f.entryIndex === entryIndex && sameChain(chainOf(f), chain));
  }

  /** Any finding (claimed or not) of `kind` at `entryIndex` in `chain`. */
  hasAt(kind: FindingKind, entryIndex: number, chain: string): boolean {
    return this.findings.some(
      (f) => f.kind === kind && f.entryIndex === entryIndex && sameChain(chainOf(f), chain),
    );
  }

  isClaimed(f: Finding): boolean {
    return this.claimed.has(f);
  }

  claim(...fs: (Finding | undefined)[]): void {
    for (const f of fs) if (f) this.claimed.add(f);
  }

  /** Records a diagnosis located at `where` (its entry index, line and chain) and claims `because`. */
  diagnose(
    what: Diagnosis['what'],
    where: Finding,
    reasoning: string,
    because: (Finding | undefined)[] = [where],
  ): void {
    this.claim(...because);
    this.diagnoses.push({
      what,
      ...(where.entryIndex === undefined ? {} : { entryIndex: where.entryIndex }),
      ...(where.line === undefined ? {} : { line: where.line }),
      ...(where.chain === undefined ? {} : { chain: where.chain }),
      reasoning,
    });
  }
}

/** "record 12 (line 13)" for reasoning texts. */
export function place(f: Finding): string {
  const at = f.entryIndex === undefined ? 'the file' : `record ${f.entryIndex}`;
  const line = f.line === undefined ? '' : ` (line ${f.line})`;
  const chain = f.chain === undefined ? '' : ` of chain ${f.chain}`;
  return `${at}${line}${chain}`;
}
