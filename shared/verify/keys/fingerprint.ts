/** A key's fingerprint for reports: the first 16 hex digits of SHA-256 over the key bytes, so a report names a key without containing it. */
import { nobleHash } from '../hashNoble';
import type { HashProvider } from '../profile';

export function keyFingerprint(key: Uint8Array, hash: HashProvider = nobleHash): string {
  return hash.sha256Hex(key).slice(0, 16);
}
