/** Shared fixture loading for the meshguard tests: key ring, anchors, sources. */
import { readFileSync } from 'node:fs';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import { parseKeyRing } from '../../../../shared/verify/keys/keyRing';
import { meshguardAnchors } from '../../../../shared/verify/meshguard/anchorsFile';
import type { ResolvedKeys, VerifyContext } from '../../../../shared/verify/profile';
import type { ChainAnchor } from '../../../../shared/verify/types';

export const MG = 'test/fixtures/meshguard';
export const DAYS = ['2024-03-14', '2024-03-15', '2024-03-16'] as const;

export function meshguardKeys(): ResolvedKeys {
  const ring = parseKeyRing(readFileSync(`${MG}/keys/meshguard-keys.json`, 'utf8'));
  if (!ring.ok) throw new Error(ring.error);
  return ring.value;
}

export function publishedAnchors(): ChainAnchor[] {
  const converted = meshguardAnchors(JSON.parse(readFileSync(`${MG}/anchors.json`, 'utf8')) as unknown);
  if (!converted.ok) throw new Error(converted.error);
  return converted.anchors;
}

export function context(
  anchors: ChainAnchor[] = publishedAnchors(),
  keys: ResolvedKeys = meshguardKeys(),
): VerifyContext {
  return { hash: nobleHash, keys, anchors };
}

export const NO_KEYS: ResolvedKeys = { hmac: [], ed25519: [] };
