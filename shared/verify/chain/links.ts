/**
 * Hash-chain links: each record's previous-hash must equal the STORED hash of the record before
 * it (as the producers' verifiers compare), so an edit shows once, as a hash mismatch, and a
 * deletion, insertion or swap shows as a break at every seam; checking goes on after a break.
 */
import type { Finding } from '../types';
import { positionOf } from './position';

export interface LinkFields {
  /** Name of the previous-hash field, for findings. */
  previous: string;
  /** Name of the record's own hash field. */
  own: string;
}

export interface GenesisRule {
  /** The previous-hash value the first record of a whole chain carries (`""` or null). */
  value: string | null;
  /** True when a first record that links elsewhere is a segment (windowed export), not a break. */
  segmentAllowed: boolean;
}

type Position = { entryIndex: number; line?: number };

/** Plain text for expected/actual: strings as they are, everything else described. */
function plain(v: unknown): string {
  return typeof v === 'string' ? v : show(v);
}

function show(v: unknown): string {
  return v === null
    ? 'null'
    : v === undefined
      ? '(missing)'
      : typeof v === 'string'
        ? JSON.stringify(v)
        : String(v);
}

export class ChainLinker {
  private predecessor: { known: boolean; hash: unknown; entryIndex: number } | undefined;
  private segment = false;
  private first: unknown = undefined;
  private seen = false;

  constructor(
    private readonly genesis: GenesisRule,
    private readonly fields: LinkFields,
  ) {}

  /** True when the first record links to a record outside the file (a window of a longer log). */
  get isSegment(): boolean {
    return this.segment;
  }

  /** Previous-hash value of the first record, undefined before any record. */
  get firstPrevious(): unknown {
    return this.first;
  }

  /** Checks one readable record's link; returns a chain_break finding or null. */
  link(at: Position, previousHash: unknown, ownHash: unknown): Finding | null {
    const where = positionOf(at);
    const before = this.predecessor;
    this.predecessor = { known: true, hash: ownHash, entryIndex: at.entryIndex };
    if (!this.seen) {
      this.seen = true;
      this.first = previousHash;
      if (previousHash === this.genesis.value) return null;
      if (this.genesis.segmentAllowed && typeof previousHash === 'string') {
        this.segment = true;
        return null;
      }
      return {
        kind: 'chain_break',
        ...where,
        field: this.fields.previous,
        detail: `the first record's ${this.fields.previous} is ${show(previousHash)}, not the genesis value ${show(this.genesis.value)}: records before it are missing`,
        expected: plain(this.genesis.value),
        actual: plain(previousHash),
      };
    }
    if (before === undefined || !before.known) return null;
    if (previousHash === before.hash) return null;
    return {
      kind: 'chain_break',
      ...where,
      field: this.fields.previous,
      detail: `${this.fields.previous} does not match the stored ${this.fields.own} of the preceding record (entry ${before.entryIndex}): a record was deleted, inserted or moved here`,
      expected: plain(before.hash),
      actual: plain(previousHash),
    };
  }

  /** An unreadable record: the next record's link cannot be checked (its predecessor is unknown). */
  skipUnreadable(entryIndex: number): void {
    if (!this.seen) this.seen = true;
    this.predecessor = { known: false, hash: undefined, entryIndex };
  }
}
