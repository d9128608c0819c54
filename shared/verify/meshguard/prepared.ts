/**
 * The records the two JCS families' verifiers take from their adapters (plain lines, CloudEvents
 * envelopes, Parquet rows): the event, or why there is none. A copy's wrapper (the CloudEvents
 * envelope, formats/meshguard.md §7, formats/runtime-steps.md §7) is compared with the event by the
 * adapter; those findings stand when the event verifies and are folded into its hash_mismatch
 * otherwise, since the wrapper then only tells what the event said before the edit.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../json/value';
import { positionOf, type Position } from '../chain/position';
import type { VerifyRecord } from '../profile';
import type { Finding } from '../types';
import { readRecord } from './records';

export type PreparedRecord =
  | (Position & { ok: true; event: JsonValue; findings: Finding[]; wrapperFindings?: Finding[] })
  | (Position & { ok: false; finding: Finding });

/** The event's own findings with the wrapper's added, or folded into its hash_mismatch. */
export function foldWrapperFindings(findings: Finding[], wrapper: readonly Finding[]): Finding[] {
  if (wrapper.length === 0) return findings;
  const edited = findings.find((f) => f.kind === 'hash_mismatch');
  if (edited === undefined) return [...findings, ...wrapper];
  edited.detail += `; the copy's wrapper still disagrees with the edited event: ${wrapper.map((w) => w.detail).join('; ')}`;
  return findings;
}

/** Plain lines: each parsed line is the event. */
export function prepareLines(records: readonly VerifyRecord[]): PreparedRecord[] {
  return records.map((record): PreparedRecord => {
    const read = readRecord(record);
    return read.ok ? { ...positionOf(read), ok: true, event: read.value, findings: [] } : read;
  });
}

export type EnvelopeCheck = (envelope: JsonObject, data: JsonObject, at: Position) => Finding[];

export interface PreparedEnvelopes {
  items: PreparedRecord[];
  /** Envelope members outside `checked` (extensions): covered by nothing. */
  unchecked: string[];
}

/** CloudEvents lines: `data` is the event; `check` compares the envelope with it. */
export function prepareEnvelopes(
  records: readonly VerifyRecord[],
  check: EnvelopeCheck,
  checked: readonly string[],
): PreparedEnvelopes {
  const unchecked = new Set<string>();
  const items = records.map((record): PreparedRecord => {
    const read = readRecord(record);
    if (!read.ok) return read;
    const at = positionOf(read);
    const envelope = read.value;
    if (!isJsonObject(envelope) || !isJsonObject(envelope.data)) {
      return {
        ...at,
        ok: false,
        finding: {
          kind: 'parse_error',
          ...at,
          field: 'data',
          detail: 'schema_error: not a CloudEvents envelope with an object "data"',
        },
      };
    }
    for (const member of Object.keys(envelope)) if (!checked.includes(member)) unchecked.add(member);
    return {
      ...at,
      ok: true,
      event: envelope.data,
      findings: [],
      wrapperFindings: check(envelope, envelope.data, at),
    };
  });
  return { items, unchecked: [...unchecked].sort() };
}
