/**
 * Checks one runtime-steps event on its own (formats/runtime-steps.md §5, §6 steps 1–2): the
 * schema, the hash over JCS of the event without `hash` and `sig`, and the HMAC-SHA256 over JCS of
 * the event without `sig` (so any edit breaks `sig`, even with `hash` left alone). The event is
 * canonicalized once, member by member; what is kept afterwards is compact (issue #4, "Speed").
 */
import { jcs } from '../../canon/jcs';
import { jcsMembers, joinMembers } from '../../canon/jcsMembers';
import { isJsonObject, type JsonValue } from '../../json/value';
import { HEX64 } from '../meshguard/records';
import type { Position } from '../chain/position';
import type { HashProvider, ResolvedKeys } from '../profile';
import type { Finding } from '../types';
import { detached, type StringPool } from './keptStrings';

export type HmacKey = ResolvedKeys['hmac'][number];

export interface CheckedStep extends Position {
  ok: true;
  runId: string;
  tenantId?: string;
  prev: string;
  hash: string;
  /** The event hashes to `hash`. */
  hashOk: boolean;
  /** `step_id` and `phase` as text, for `labelOf` (plain-words details). */
  step: string;
  phase: string;
  findings: Finding[];
  verifiedBy?: HmacKey;
  /** Kept only when no key reproduced it: with a key, equal events have equal `sig` anyway. */
  sig?: string;
  /** JCS of the whole event, kept only when the hash does not verify (runChain.ts sameEvent). */
  canonical?: string;
}

export interface UnusableStep extends Position {
  ok: false;
  findings: Finding[];
}

export type StepCheck = CheckedStep | UnusableStep;

/** Shared by every event without findings, never added to (one empty array per event adds up). */
const NO_FINDINGS: Finding[] = [];

/** `run/step/phase`, for plain-words details. */
export function labelOf(e: CheckedStep): string {
  return `${e.runId}/${e.step}/${e.phase}`;
}

function schemaError(at: Position, field: string, detail: string): UnusableStep {
  return {
    ...at,
    ok: false,
    findings: [
      { kind: 'parse_error', ...at, ...(field === '' ? {} : { field }), detail: `schema_error: ${detail}` },
    ],
  };
}

/** The event's timestamp is within the key's validity (a timestamp that does not parse is not held against it). */
export function inWindow(key: HmacKey, timestamp: JsonValue | undefined): boolean {
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
  pool: StringPool,
): StepCheck {
  if (!isJsonObject(value)) return schemaError(at, '', 'the record is not a JSON object');
  const { run_id: runId, prev, hash: stored, sig } = value;
  if (typeof runId !== 'string') return schemaError(at, 'run_id', 'run_id is missing or not a string');
  if (typeof prev !== 'string' || !HEX64.test(prev))
    return schemaError(at, 'prev', 'prev is not 64 lowercase hex characters');
  if (typeof stored !== 'string' || !HEX64.test(stored))
    return schemaError(at, 'hash', 'hash is not 64 lowercase hex characters');
  if (typeof sig !== 'string') return schemaError(at, 'sig', 'sig is missing or not a string');
  const members = jcsMembers(value);
  if (members === null) {
    // Only to name the reason and path as for the whole event; it fails here too.
    const whole = jcs(value);
    const path = whole.ok ? '' : whole.path;
    return schemaError(at, path, `the event cannot be canonicalized (${whole.ok ? '' : whole.reason})`);
  }
  const step = String(value.step_id);
  const phase = String(value.phase);
  const label = `${runId}/${step}/${phase}`;
  const recomputed = hash.sha256Hex(joinMembers(members, ['hash', 'sig']));
  const hashOk = recomputed === stored;
  const findings: Finding[] = [];
  if (!hashOk) {
    findings.push({
      kind: 'hash_mismatch',
      ...at,
      chain: runId,
      field: 'hash',
      detail: `hash_mismatch (${label}): the event does not hash to its stored hash: a field was edited`,
      expected: recomputed,
      actual: stored,
    });
  }
  let verifiedBy: HmacKey | undefined;
  if (keys !== null) {
    const result = checkHmac(joinMembers(members, ['sig']), sig, value.timestamp, keys, hash, at, label);
    if (result.finding !== null) findings.push({ ...result.finding, chain: runId });
    verifiedBy = result.key;
  }
  // One literal with every member: a fixed shape keeps each kept event small (no dictionary mode).
  return {
    entryIndex: at.entryIndex,
    line: at.line,
    ok: true,
    runId: pool.keep(runId),
    tenantId: typeof value.tenant_id === 'string' ? pool.keep(value.tenant_id) : undefined,
    // Kept as parsed: verifySteps.ts replaces it with a kept string (usually the run's previous hash).
    prev,
    // The recomputed digest is a fresh string: keeping it pins nothing.
    hash: hashOk ? recomputed : detached(stored),
    hashOk,
    step: step.length < 13 ? step : detached(step),
    phase: pool.keep(phase),
    findings: findings.length === 0 ? NO_FINDINGS : findings,
    verifiedBy,
    sig: verifiedBy === undefined ? detached(sig) : undefined,
    canonical: hashOk ? undefined : joinMembers(members, []),
  };
}

/**
 * A check made elsewhere (a worker thread, over a range of the file with its own positions) as
 * checkStep would have returned it here: positions shifted in place (findings keep their member
 * order, so reports stay byte-identical), the key and the repeated strings this side's own.
 */
export function rebasedStepCheck(
  c: StepCheck,
  at: Position,
  verifiedBy: HmacKey | undefined,
  pool: StringPool,
): StepCheck {
  for (const f of c.findings) {
    f.entryIndex = at.entryIndex;
    if (f.line !== undefined && at.line !== undefined) f.line = at.line;
  }
  const findings = c.findings.length === 0 ? NO_FINDINGS : c.findings;
  if (!c.ok) return { ...at, ok: false, findings };
  return {
    entryIndex: at.entryIndex,
    line: at.line,
    ok: true,
    runId: pool.keep(c.runId),
    tenantId: c.tenantId === undefined ? undefined : pool.keep(c.tenantId),
    prev: c.prev,
    hash: c.hash,
    hashOk: c.hashOk,
    step: c.step,
    phase: pool.keep(c.phase),
    findings,
    verifiedBy,
    sig: c.sig,
    canonical: c.canonical,
  };
}

/** Fields of an event that verified with nothing to report (checked elsewhere, sent compactly). */
export interface PlainStep {
  runId: string;
  tenantId: string | undefined;
  prev: string;
  hash: string;
  step: string;
  phase: string;
  verifiedBy: HmacKey | undefined;
}

/** The check checkStep returns for such an event, in the same shape. */
export function plainStepCheck(at: Position, p: PlainStep): CheckedStep {
  return {
    entryIndex: at.entryIndex,
    line: at.line,
    ok: true,
    runId: p.runId,
    tenantId: p.tenantId,
    prev: p.prev,
    hash: p.hash,
    hashOk: true,
    step: p.step,
    phase: p.phase,
    findings: NO_FINDINGS,
    verifiedBy: p.verifiedBy,
    sig: undefined,
    canonical: undefined,
  };
}
