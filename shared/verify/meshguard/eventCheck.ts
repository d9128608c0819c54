/**
 * Checks one meshguard event on its own (formats/meshguard.md §5 steps 2–4): the integrity
 * block's shape, `alg`, the recomputed hash (§4.1) and the signature (§4.2). The chain link
 * (step 5) is checked by the caller, against the STORED hash, so one edit gives one finding.
 */
import { jcs, type JcsResult } from '../../canon/jcs';
import { isJsonObject, type JsonObject, type JsonValue } from '../../json/value';
import type { HashProvider } from '../profile';
import type { Finding } from '../types';
import { HEX64, withoutMembers } from './records';
import type { Position } from '../chain/position';
import { checkSignature, type Ed25519Key } from './signature';

export interface CheckedEvent extends Position {
  ok: true;
  /** Stored `integrity.prev` and `integrity.hash` (both 64 lowercase hex). */
  prev: string;
  hash: string;
  eventId?: string;
  findings: Finding[];
  verifiedBy?: Ed25519Key;
}

/** An event whose integrity block is unusable: it cannot take part in the chain. */
export interface UnusableEvent extends Position {
  ok: false;
  findings: Finding[];
}

export type EventCheck = CheckedEvent | UnusableEvent;

/** `schema_error` of the format note: Casefile reports it as a parse_error naming the field. */
function schemaError(at: Position, field: string, detail: string): UnusableEvent {
  return {
    ...at,
    ok: false,
    findings: [
      { kind: 'parse_error', ...at, ...(field === '' ? {} : { field }), detail: `schema_error: ${detail}` },
    ],
  };
}

/** The hash input of §4.1 as text: JCS(B) || "\n" || prev, B = the event without `integrity`. */
export function meshguardHashInput(event: JsonObject, prev: string): JcsResult {
  const canonical = jcs(withoutMembers(event, ['integrity']));
  return canonical.ok ? { ok: true, text: `${canonical.text}\n${prev}` } : canonical;
}

/** `keys` null = no key ring was given: signatures are not checked (the caller says so in the outcome). */
export function checkEvent(
  value: JsonValue,
  at: Position,
  hash: HashProvider,
  keys: readonly Ed25519Key[] | null,
): EventCheck {
  if (!isJsonObject(value)) return schemaError(at, '', 'the record is not a JSON object');
  const integrity = value.integrity;
  if (!isJsonObject(integrity))
    return schemaError(at, 'integrity', 'the integrity member is missing or not an object');
  const { prev, hash: stored } = integrity;
  if (typeof prev !== 'string' || !HEX64.test(prev))
    return schemaError(at, 'integrity.prev', 'prev is not 64 lowercase hex characters');
  if (typeof stored !== 'string' || !HEX64.test(stored))
    return schemaError(at, 'integrity.hash', 'hash is not 64 lowercase hex characters');
  const eventId = typeof value.event_id === 'string' ? { eventId: value.event_id } : {};
  const checked: CheckedEvent = { ...at, ok: true, prev, hash: stored, ...eventId, findings: [] };
  const id = checked.eventId === undefined ? '' : ` (${checked.eventId})`;

  if (integrity.alg !== 'sha256') {
    // unsupported_alg: the hash cannot be recomputed, so it is not confirmed.
    checked.findings.push({
      kind: 'hash_mismatch',
      ...at,
      field: 'integrity.alg',
      detail: `unsupported_alg${id}: alg is ${JSON.stringify(integrity.alg ?? null)}, only "sha256" is defined; the hash was not recomputed`,
    });
  } else {
    const canonical = meshguardHashInput(value, prev);
    if (!canonical.ok) {
      checked.findings.push({
        kind: 'parse_error',
        ...at,
        ...(canonical.path === '' ? {} : { field: canonical.path }),
        detail: `schema_error${id}: the event cannot be canonicalized (${canonical.reason}), so its hash cannot be recomputed`,
      });
    } else {
      const recomputed = hash.sha256Hex(canonical.text);
      if (recomputed !== stored) {
        checked.findings.push({
          kind: 'hash_mismatch',
          ...at,
          field: 'integrity.hash',
          detail: `hash_mismatch${id}: the event's content does not hash to its stored hash: a covered field was edited`,
          expected: recomputed,
          actual: stored,
        });
      }
    }
  }
  if (keys !== null) {
    const sig = checkSignature(integrity, stored, value.timestamp, keys, at, hash);
    if (sig.finding !== null) checked.findings.push(sig.finding);
    if (sig.verifiedBy !== undefined) checked.verifiedBy = sig.verifiedBy;
  }
  return checked;
}
