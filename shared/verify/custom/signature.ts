/**
 * A user-defined profile's signature check: HMAC-SHA256 or Ed25519 over the stored hash (hex
 * text or raw bytes) or over canonical text, with the key the record names or any key of the
 * scheme, inside the key's validity window. Hostile input gives a finding, never an exception.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { JsonObject } from '../../json/value';
import { decodeBase64 } from '../keys/encoding';
import type { HashProvider, ResolvedKeys } from '../profile';
import { getPath, setPath } from './fieldPath';
import { canonicalText, coveredObject } from './recordHash';
import type { CustomProfileSpec } from './schema';

type SignatureSpec = NonNullable<CustomProfileSpec['signature']>;
type AnyKey = { id: string; validFrom?: string; validUntil?: string };

export type SignatureCheck =
  | { ok: true; keyId: string }
  | { ok: false; reason: string }
  /** No key of this scheme was supplied: nothing was checked. */
  | { ok: null };

const HEX = /^[0-9a-fA-F]*$/;

function decodeSignature(text: string, encoding: SignatureSpec['encoding']): Uint8Array | null {
  if (encoding === 'hex')
    return HEX.test(text) && text.length % 2 === 0 ? hexToBytes(text.toLowerCase()) : null;
  const decoded = decodeBase64(
    text,
    encoding === 'base64url' ? 'url' : 'standard',
    encoding === 'base64url' ? 'forbidden' : 'optional',
  );
  return decoded.ok ? decoded.value : null;
}

/** The signed message, per `signature.over`. */
function message(
  spec: CustomProfileSpec,
  record: JsonObject,
  storedHash: string | undefined,
): Uint8Array | string {
  const over = spec.signature?.over;
  if (over === 'hash-hex') return utf8ToBytes(storedHash ?? '');
  if (over === 'hash-bytes') {
    const h = storedHash ?? '';
    return HEX.test(h) && h.length % 2 === 0
      ? hexToBytes(h.toLowerCase())
      : 'the stored hash is not hex, so its bytes cannot be signed';
  }
  const signed = coveredObject(spec, record);
  if (over === 'canonical-with-hash' && spec.hashField !== undefined)
    setPath(signed, spec.hashField, storedHash ?? null);
  const text = canonicalText(spec, signed);
  return text.ok ? utf8ToBytes(text.text) : text.reason;
}

function outsideWindow(key: AnyKey, time: unknown): string | null {
  if (typeof time !== 'string' || Number.isNaN(Date.parse(time))) return null;
  const t = Date.parse(time);
  if (key.validFrom !== undefined && t < Date.parse(key.validFrom))
    return `before key ${key.id} became valid (${key.validFrom})`;
  if (key.validUntil !== undefined && t > Date.parse(key.validUntil))
    return `after key ${key.id} stopped being valid (${key.validUntil})`;
  return null;
}

function verifyWith(
  sig: SignatureSpec,
  key: ResolvedKeys['hmac'][number] | ResolvedKeys['ed25519'][number],
  msg: Uint8Array,
  stored: Uint8Array,
  hash: HashProvider,
): boolean {
  if ('key' in key) return hash.hmacSha256Hex(key.key, msg) === bytesToHex(stored);
  try {
    return sig.scheme === 'ed25519' && ed25519.verify(stored, msg, key.publicKey, { zip215: false });
  } catch {
    return false;
  }
}

export function checkRecordSignature(
  spec: CustomProfileSpec,
  record: JsonObject,
  storedHash: string | undefined,
  keys: ResolvedKeys,
  hash: HashProvider,
): SignatureCheck {
  const sig = spec.signature;
  if (!sig) return { ok: null };
  const pool: (ResolvedKeys['hmac'][number] | ResolvedKeys['ed25519'][number])[] =
    sig.scheme === 'hmac-sha256' ? keys.hmac : keys.ed25519;
  if (pool.length === 0) return { ok: null };
  const text = getPath(record, sig.field);
  if (typeof text !== 'string') return { ok: false, reason: `${sig.field} is missing or not a string` };
  const stored = decodeSignature(text, sig.encoding);
  if (!stored) return { ok: false, reason: `${sig.field} is not ${sig.encoding}` };
  const msg = message(spec, record, storedHash);
  if (typeof msg === 'string') return { ok: false, reason: msg };
  const named = sig.keyIdField === undefined ? undefined : getPath(record, sig.keyIdField);
  const candidates = named === undefined ? pool : pool.filter((k) => k.id === named);
  if (candidates.length === 0)
    return {
      ok: false,
      reason: `${sig.keyIdField} names key ${JSON.stringify(named)}, which is not in the key ring`,
    };
  const good = candidates.find((k) => verifyWith(sig, k, msg, stored, hash));
  if (!good) {
    const which =
      named === undefined ? `any of the ${candidates.length} ${sig.scheme} key(s)` : `key ${String(named)}`;
    return { ok: false, reason: `the ${sig.scheme} signature in ${sig.field} does not verify with ${which}` };
  }
  const window = sig.timeField === undefined ? null : outsideWindow(good, getPath(record, sig.timeField));
  if (window) return { ok: false, reason: `the signature verifies, but the record is dated ${window}` };
  return { ok: true, keyId: good.id };
}
