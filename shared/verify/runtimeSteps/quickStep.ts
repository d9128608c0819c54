/**
 * checkStep's answer for an event that verifies with nothing to report, reached without parsing
 * when the line has the form runtime producers write (formats/runtime-steps.md §1: the compact
 * JSON.stringify form, canon/flatLine.ts). It answers only then: for any other line, or an event
 * with something to report, it returns null and checkStep (which alone writes findings) decides.
 */
import type { FlatLine } from '../../canon/flatLine';
import { HEX64, ZERO_PREV } from '../meshguard/records';
import type { HashProvider } from '../profile';
import { inWindow, type HmacKey } from './stepCheck';

/** What is kept of such an event: checkStep's CheckedStep with hashOk, no findings, no kept `sig`. */
export interface QuickStep {
  runId: string;
  tenantId: string | undefined;
  prev: string;
  hash: string;
  /** Index in the keys of the first key that reproduces `sig`; -1 when no key was given. */
  keyIndex: number;
}

/**
 * `keys` null = no HMAC key was given (checkStep does not check the HMAC then either).
 * `lastHash` names a hash already known to be 64 hex digits (the run's previous one), which a
 * `prev` equal to it need not be tested against.
 */
export function quickStep(
  line: FlatLine,
  text: string,
  hash: HashProvider,
  keys: readonly HmacKey[] | null,
  lastHash?: (runId: string) => string | undefined,
): QuickStep | null {
  if (!line.read(text)) return null;
  const layout = line.layout;
  if (layout === null) return null;
  const run = layout.slot('run_id');
  const prevAt = layout.slot('prev');
  const hashAt = layout.slot('hash');
  const sigAt = layout.slot('sig');
  if (!line.isString(run) || !line.isString(prevAt) || !line.isString(hashAt) || !line.isString(sigAt))
    return null;
  const runId = line.value(run);
  const prev = line.value(prevAt);
  if (prev !== ZERO_PREV && prev !== lastHash?.(runId) && !HEX64.test(prev)) return null;
  const recomputed = hash.sha256Hex(line.jcsWithout(hashAt, sigAt));
  if (line.value(hashAt) !== recomputed) return null;
  let keyIndex = -1;
  if (keys !== null) {
    const signed = line.jcsWithout(sigAt, -1);
    const sig = line.value(sigAt);
    keyIndex = keys.findIndex((k) => hash.hmacSha256Hex(k.key, signed) === sig);
    if (keyIndex < 0) return null;
    const at = layout.slot('timestamp');
    const key = keys[keyIndex] as HmacKey;
    const windowed = key.validFrom !== undefined || key.validUntil !== undefined;
    // A number timestamp is a JsonNumber to checkStep: not a string, as undefined is here.
    if (windowed && !inWindow(key, line.isString(at) ? line.value(at) : undefined)) return null;
  }
  const tenant = layout.slot('tenant_id');
  return {
    runId,
    tenantId: line.isString(tenant) ? line.value(tenant) : undefined,
    prev,
    hash: recomputed,
    keyIndex,
  };
}
