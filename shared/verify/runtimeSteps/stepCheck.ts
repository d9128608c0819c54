/**
 * Checks one runtime-steps event on its own (formats/runtime-steps.md §5, §6 steps 1–2): the
 * schema, the hash over JCS of the event without `hash` and `sig`, and the HMAC-SHA256 over JCS of
 * the event without `sig` (so any edit breaks `sig`, even with `hash` left alone).
 */
import { jcs } from '../../canon/jcs';
import { isJsonObject, type JsonValue } from '../../json/value';
import { HEX64, withoutMembers } from '../meshguard/records';
import type { Position } from '../chain/position';
import type { HashProvider, ResolvedKeys } from '../profile';
import type { Finding } from '../types';

export type HmacKey = ResolvedKeys['hmac'][number];

export interface CheckedStep extends Position {
  ok: true;
  runId: string;
  tenantId?: string;
  prev: string;
  hash: string;
  /** JCS of the whole event: equal texts are one event delivered twice (§6 step 3). */
  canonical: string;
  /** `run/step/phase`, for plain-words details. */
  label: string;
  findings: Finding[];
  verifiedBy?: HmacKey;
}

export interface UnusableStep extends Position {
  ok: false;
  findings: Finding[];
}

export type StepCheck = CheckedStep | UnusableStep;

function schemaError(at: Position, field: string, detail: string): UnusableStep {
  return {
    ...at,
    ok: false,
    findings: [
      { kind: 'parse_error', ...at, ...(field === '' ? {} : { field }), detail: `schema_error: ${detail}` },
    ],
  };
}

function inWindow(key: HmacKey, timestamp: JsonValue | undefined): boolean {
  const t = typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(t)) return true;
  return (
    !(key.validFrom !== undefined && t < Date.parse(key.validFrom)) &&
    !(key.validUntil !== undefined && t > Date.parse(key.validUntil))
  );
}

/** §5.2 with every key given (there is no key id): the first key that reproduces `sig`. */
function checkHmac(
  signed: string,
  sig: string,
  timestamp: JsonValue | undefined,
  keys: readonly HmacKey[],
  hash: HashProvider,
  at: Position,
  label: string,
): { finding: Finding | null; key?: HmacKey } {
  const key = keys.find((k) => hash.hmacSha256Hex(k.key, signed) === sig);
  if (key === undefined) {
    return {
      finding: {
        kind: 'signature_invalid',
        ...at,
        field: 'sig',
        detail: `sig_invalid (${label}): the HMAC does not verify with ${keys.length === 1 ? 'the key' : `any of the ${keys.length} keys`}: the event was edited, or the HMAC was made with another key`,
      },
    };
  }
  if (!inWindow(key, timestamp)) {
    return {
      finding: {
        kind: 'signature_invalid',
        ...at,
        field: 'sig',
        detail: `key_outside_validity (${label}): the HMAC verifies with key "${key.id}", but the event's timestamp ${String(timestamp)} is outside that key's validity`,
      },
      key,
    };
  }
  return { finding: null, key };
}

/** `keys` null = no HMAC key was given: the HMAC is not checked (the caller says so). */
export function checkStep(
  value: JsonValue,
  at: Position,
  hash: HashProvider,
  keys: readonly HmacKey[] | null,
): StepCheck {
  if (!isJsonObject(value)) return schemaError(at, '', 'the record is not a JSON object');
  const { run_id: runId, prev, hash: stored, sig } = value;
  if (typeof runId !== 'string') return schemaError(at, 'run_id', 'run_id is missing or not a string');
  if (typeof prev !== 'string' || !HEX64.test(prev))
    return schemaError(at, 'prev', 'prev is not 64 lowercase hex characters');
  if (typeof stored !== 'string' || !HEX64.test(stored))
    return schemaError(at, 'hash', 'hash is not 64 lowercase hex characters');
  if (typeof sig !== 'string') return schemaError(at, 'sig', 'sig is missing or not a string');
  const whole = jcs(value);
  if (!whole.ok) return schemaError(at, whole.path, `the event cannot be canonicalized (${whole.reason})`);
  const label = `${runId}/${String(value.step_id)}/${String(value.phase)}`;
  const tenant = typeof value.tenant_id === 'string' ? { tenantId: value.tenant_id } : {};
  const checked: CheckedStep = {
    ...at,
    ok: true,
    runId,
    ...tenant,
    prev,
    hash: stored,
    canonical: whole.text,
    label,
    findings: [],
  };
  const hashed = jcs(withoutMembers(value, ['hash', 'sig']));
  const recomputed = hashed.ok ? hash.sha256Hex(hashed.text) : '';
  if (recomputed !== stored) {
    checked.findings.push({
      kind: 'hash_mismatch',
      ...at,
      chain: runId,
      field: 'hash',
      detail: `hash_mismatch (${label}): the event does not hash to its stored hash: a field was edited`,
      expected: recomputed,
      actual: stored,
    });
  }
  if (keys !== null) {
    const signed = jcs(withoutMembers(value, ['sig']));
    const result = signed.ok
      ? checkHmac(signed.text, sig, value.timestamp, keys, hash, at, label)
      : { finding: null };
    if (result.finding !== null) checked.findings.push({ ...result.finding, chain: runId });
    if (result.key !== undefined) checked.verifiedBy = result.key;
  }
  return checked;
}
