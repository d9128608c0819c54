/**
 * Ed25519 signature of a meshguard event (formats/meshguard.md §4.2–§4.3): the signature is over
 * the 32 raw bytes of the STORED hash, by the key `key_id` names, which must be valid at the
 * event's timestamp. Findings use Casefile's `signature_invalid` with the producer's word in the detail.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import type { JsonObject } from '../../json/value';
import { decodeBase64 } from '../keys/encoding';
import type { HashProvider, ResolvedKeys } from '../profile';
import type { Finding } from '../types';
import type { Position } from '../chain/position';

export type Ed25519Key = ResolvedKeys['ed25519'][number];

export interface SignatureResult {
  finding: Finding | null;
  /** The key whose signature verified, for the report's `keysUsed`. */
  verifiedBy?: Ed25519Key;
}

const SIG_86 = /^[A-Za-z0-9_-]{86}$/;

function invalid(at: Position, field: string, detail: string): SignatureResult {
  return { finding: { kind: 'signature_invalid', ...at, field, detail } };
}

/** Inclusive bounds: an event stamped exactly at the switch-over instant is accepted by either key. */
function outsideWindow(key: Ed25519Key, timestamp: unknown): string | null {
  if (typeof timestamp !== 'string') return null;
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) return null;
  if (key.validFrom !== undefined && t < Date.parse(key.validFrom))
    return `before the key's validity starts (${key.validFrom})`;
  if (key.validUntil !== undefined && t > Date.parse(key.validUntil))
    return `after the key's validity ended (${key.validUntil})`;
  return null;
}

/** noble throws on malformed points; a hostile record must give a finding, not an exception. */
function verifies(sig: Uint8Array, storedHash: string, publicKey: Uint8Array, hash?: HashProvider): boolean {
  try {
    const message = hexToBytes(storedHash);
    if (hash?.ed25519Verify) return hash.ed25519Verify(sig, message, publicKey);
    return ed25519.verify(sig, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

export function checkSignature(
  integrity: JsonObject,
  storedHash: string,
  timestamp: unknown,
  keys: readonly Ed25519Key[],
  at: Position,
  hash?: HashProvider,
): SignatureResult {
  const sig = integrity.sig;
  const keyId = integrity.key_id;
  if (sig === undefined) return invalid(at, 'integrity.sig', 'sig_missing: the event carries no signature');
  if (typeof keyId !== 'string')
    return invalid(at, 'integrity.key_id', 'unknown_key_id: key_id is missing or not a string');
  const key = keys.find((k) => k.id === keyId);
  if (key === undefined)
    return invalid(at, 'integrity.key_id', `unknown_key_id: no key "${keyId}" in the key ring`);
  if (typeof sig !== 'string' || !SIG_86.test(sig)) {
    return invalid(
      at,
      'integrity.sig',
      'sig_invalid: sig is not 86 base64url characters (an unpadded 64-byte Ed25519 signature)',
    );
  }
  const sigBytes = decodeBase64(sig, 'url', 'forbidden');
  if (!sigBytes.ok) return invalid(at, 'integrity.sig', `sig_invalid: ${sigBytes.error}`);
  if (!verifies(sigBytes.value, storedHash, key.publicKey, hash)) {
    return invalid(
      at,
      'integrity.sig',
      `sig_invalid: the signature does not verify with key "${keyId}" over the stored hash (the hash was recomputed after an edit, or the signature was forged)`,
    );
  }
  const outside = outsideWindow(key, timestamp);
  if (outside !== null) {
    return {
      finding: {
        kind: 'signature_invalid',
        ...at,
        field: 'integrity.key_id',
        detail: `key_outside_validity: signed by "${keyId}", but the event's timestamp ${String(timestamp)} is ${outside}`,
      },
      verifiedBy: key,
    };
  }
  return { finding: null, verifiedBy: key };
}
