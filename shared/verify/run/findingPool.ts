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

/** Finds the first index in `sorted` (ascending entry indexes) whose value is greater than `after`. */
function firstAfter(sorted: readonly Finding[], after: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (((sorted[mid] as Finding).entryIndex as number) > after) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Indexed by kind, by (kind, entry index) and by (kind, chain) in entry order, so the rules run
 * in about linear time on files with tens of thousands of findings (a forged re-chain).
 */
export class FindingPool {
  private readonly claimed = new Set<Finding>();
  private readonly byKind = new Map<FindingKind, Finding[]>();
  private readonly byPlace = new Map<string, Finding[]>();
  private readonly byChain = new Map<string, Finding[]>();
  readonly diagnoses: Diagnosis[] = [];

  constructor(readonly findings: readonly Finding[]) {
    const push = <K>(map: Map<K, Finding[]>, key: K, f: Finding): void => {
      const list = map.get(key);
      if (list) list.push(f);
      else map.set(key, [f]);
    };
    for (const f of findings) {
      push(this.byKind, f.kind, f);
      if (f.entryIndex === undefined) continue;
      push(this.byPlace, `${f.kind}\u0000${f.entryIndex}`, f);
      push(this.byChain, `${f.kind}\u0000${chainOf(f)}`, f);
    }
    for (const list of this.byChain.values())
      list.sort((a, b) => (a.entryIndex as number) - (b.entryIndex as number));
  }

  /** Unclaimed findings of a kind, in the order the profile reported them. */
  open(kind: FindingKind): Finding[] {
    return (this.byKind.get(kind) ?? []).filter((f) => !this.claimed.has(f));
  }

  /** The unclaimed finding of `kind` at `entryIndex` in `chain`, if any. */
  openAt(kind: FindingKind, entryIndex: number | undefined, chain: string): Finding | undefined {
    if (entryIndex === undefined) return undefined;
    const here = this.byPlace.get(`${kind}\u0000${entryIndex}`) ?? [];
    return here.find((f) => !this.claimed.has(f) && sameChain(chainOf(f), chain));
  }

  /** Any finding (claimed or not) of `kind` at `entryIndex` in `chain`. */
  hasAt(kind: FindingKind, entryIndex: number, chain: string): boolean {
    const here = this.byPlace.get(`${kind}\u0000${entryIndex}`) ?? [];
    return here.some((f) => sameChain(chainOf(f), chain));
  }

  /** Unclaimed findings of `kind` in exactly `chain` with entry index in [from, to], in entry order. */
  openInRange(kind: FindingKind, chain: string, from: number, to: number): Finding[] {
    const list = this.byChain.get(`${kind}\u0000${chain}`) ?? [];
    const out: Finding[] = [];
    for (let k = firstAfter(list, from - 1); k < list.length; k++) {
      const f = list[k] as Finding;
      if ((f.entryIndex as number) > to) break;
      if (!this.claimed.has(f)) out.push(f);
    }
    return out;
  }

  /** The first unclaimed finding of `kind` in exactly `chain` after `entryIndex`. */
  nextOpenAfter(kind: FindingKind, chain: string, entryIndex: number): Finding | undefined {
    const list = this.byChain.get(`${kind}\u0000${chain}`) ?? [];
    for (let k = firstAfter(list, entryIndex); k < list.length; k++) {
      const f = list[k] as Finding;
      if (!this.claimed.has(f)) return f;
    }
    return undefined;
  }

  /** The last finding (claimed or not) of `kind` in exactly `chain` before `entryIndex` that `accept` takes. */
  lastBefore(
    kind: FindingKind,
    chain: string,
    entryIndex: number,
    accept: (f: Finding) => boolean,
  ): Finding | undefined {
    const list = this.byChain.get(`${kind}\u0000${chain}`) ?? [];
    for (let k = firstAfter(list, entryIndex - 1) - 1; k >= 0; k--) {
      const f = list[k] as Finding;
      if (accept(f)) return f;
    }
    return undefined;
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
