/** Shared fixture loading for the runtime-steps tests: HMAC key, per-run anchors, context. */
import { readFileSync } from 'node:fs';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import { parseHmacKey } from '../../../../shared/verify/keys/hmacKey';
import type { ResolvedKeys, VerifyContext } from '../../../../shared/verify/profile';
import { runtimeStepsAnchors, type RunAnchor } from '../../../../shared/verify/runtimeSteps/anchorsFile';

export const RS = 'test/fixtures/runtime-steps';
export const TENANTS = ['tnt_bluefin', 'tnt_copperleaf', 'tnt_driftwood', 'tnt_ember'] as const;

export function hmacKeys(): ResolvedKeys {
  const key = parseHmacKey({ fileText: readFileSync(`${RS}/keys/hmac-key.hex`, 'utf8') });
  if (!key.ok) throw new Error(key.error);
  return { hmac: [{ id: 'hmac-key.hex', key: key.value }], ed25519: [] };
}

export function runAnchors(): RunAnchor[] {
  const converted = runtimeStepsAnchors(JSON.parse(readFileSync(`${RS}/anchors.json`, 'utf8')) as unknown);
  if (!converted.ok) throw new Error(converted.error);
  return converted.anchors;
}

export function context(anchors: RunAnchor[] = runAnchors(), keys: ResolvedKeys = hmacKeys()): VerifyContext {
  return { hash: nobleHash, keys, anchors };
}
