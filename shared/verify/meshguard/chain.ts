/**
 * The link check of formats/meshguard.md §5 step 5 over one file, in line order: each `prev`
 * must equal the STORED hash of the previous readable line (or what the file's first line is
 * expected to continue). After an unreadable line the next link cannot be checked (§5 step 1).
 */
import { positionOf } from '../chain/position';
import type { Finding } from '../types';
import type { EventCheck } from './eventCheck';
import { ZERO_PREV } from './records';

/** What the first event of a file should name as `prev`. */
export type ExpectedFirstPrev =
  | { kind: 'hash'; value: string; from: string }
  | { kind: 'unknown'; why: string }
  /** The first file of the set: the log's genesis (zeros), or a segment whose predecessor is not given. */
  | { kind: 'start' };

export interface LinkResult {
  findings: Finding[];
  /** The first event's prev when it was readable. */
  firstPrev: string | undefined;
  /** Stored hash of the last line, undefined when that line was unusable. */
  lastHash: string | undefined;
  /** True when the file starts at genesis (its first usable line has the zero prev). */
  startsAtGenesis: boolean;
  /** True when the file's first line names a predecessor nothing here could confirm. */
  unanchoredStart: boolean;
}

export function linkFile(checks: readonly EventCheck[], expected: ExpectedFirstPrev): LinkResult {
  const findings: Finding[] = [];
  let predecessor: { hash: string; line: string } | 'unknown' | 'first' = 'first';
  let unanchoredStart = false;
  const first = checks[0];
  const firstPrev = first?.ok ? first.prev : undefined;
  for (const c of checks) {
    if (!c.ok) {
      predecessor = 'unknown';
      continue;
    }
    const at = positionOf(c);
    const id = c.eventId === undefined ? '' : ` (${c.eventId})`;
    if (predecessor === 'first') {
      if (expected.kind === 'hash' && c.prev !== expected.value) {
        findings.push({
          kind: 'chain_break',
          ...at,
          field: 'integrity.prev',
          detail: `chain_break${id}: the first event's prev is not ${expected.from}: events before it are missing, or the file does not continue that chain`,
          expected: expected.value,
          actual: c.prev,
        });
      } else if (expected.kind === 'start' && c.prev !== ZERO_PREV) {
        unanchoredStart = true;
      }
    } else if (predecessor !== 'unknown' && c.prev !== predecessor.hash) {
      findings.push({
        kind: 'chain_break',
        ...at,
        field: 'integrity.prev',
        detail: `chain_break${id}: prev is not the stored hash of the preceding ${predecessor.line}: an event was deleted, inserted or moved here, or the preceding event was rewritten`,
        expected: predecessor.hash,
        actual: c.prev,
      });
    }
    predecessor = { hash: c.hash, line: c.line === undefined ? `row ${c.entryIndex}` : `line ${c.line}` };
  }
  const last = checks[checks.length - 1];
  return {
    findings,
    firstPrev,
    lastHash: last?.ok ? last.hash : undefined,
    startsAtGenesis: firstPrev === ZERO_PREV,
    unanchoredStart,
  };
}
