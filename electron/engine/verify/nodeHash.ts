/**
 * HashProvider on node:crypto: the one-shot crypto.hash() is ~5× faster per event than
 * @noble/hashes (../shared/perf/baseline.md §3), HMAC on cached key pads (nodeHmac.ts), and OpenSSL's Ed25519 ~30× faster than noble's.
 * Same results; the pure default stays noble so shared/ verifies in a browser too.
 */
import { createHash, createPublicKey, hash, verify, type KeyObject } from 'node:crypto';
import type { HashProvider } from '../../../shared/verify/profile';
import { hmacSha256Hex } from './nodeHmac';

/** RFC 8410 SubjectPublicKeyInfo prefix for a raw 32-byte Ed25519 key. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const keyObjects = new Map<string, KeyObject>();

function ed25519Key(publicKey: Uint8Array): KeyObject {
  const id = Buffer.from(publicKey).toString('hex');
  let key = keyObjects.get(id);
  if (!key) {
    key = createPublicKey({
      key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]),
      format: 'der',
      type: 'spki',
    });
    keyObjects.set(id, key);
  }
  return key;
}

export const nodeHash: HashProvider = {
  sha256Hex: (data) =>
    typeof data === 'string' ? hash('sha256', data, 'hex') : createHash('sha256').update(data).digest('hex'),
  hmacSha256Hex,
  ed25519Verify(signature, message, publicKey) {
    if (signature.length !== 64 || publicKey.length !== 32) return false;
    try {
      return verify(null, message, ed25519Key(publicKey), signature);
    } catch {
      return false;
    }
  },
};
