/**
 * Decodes an Ed25519 public key given as 64 hex digits, base64url (32 bytes), a JWK
 * (RFC 8037 §2: `{"kty":"OKP","crv":"Ed25519","x":…}`) or an SPKI PEM (RFC 8410 §4), to its
 * 32 raw bytes (formats/meshguard.md §4.3 publishes all of these spellings of one key).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { decodeBase64, decodeHex } from './encoding';
import { keyError, keyOk, type KeyResult } from './keyResult';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo: SEQUENCE, AlgorithmIdentifier id-Ed25519 (1.3.101.112), BIT STRING (RFC 8410 §4). */
const SPKI_PREFIX_HEX = '302a300506032b6570032100';
const SPKI_LENGTH = 44;

/** A decoded key must also be a point on the curve, so a typo is caught here, not as "signature invalid" later. */
function checkedPoint(bytes: Uint8Array, spelling: string): KeyResult<Uint8Array> {
  if (bytes.length !== 32)
    return keyError(`${spelling}: an Ed25519 public key is 32 bytes, got ${bytes.length}`);
  if (!ed25519.utils.isValidPublicKey(bytes, false))
    return keyError(`${spelling}: the 32 bytes are not a valid Ed25519 point`);
  return keyOk(bytes);
}

/** 64 hex digits. */
export function ed25519KeyFromHex(text: string): KeyResult<Uint8Array> {
  const bytes = decodeHex(text.trim(), 32);
  return bytes.ok ? checkedPoint(bytes.value, 'hex key') : keyError(`hex key: ${bytes.error}`);
}

/** Unpadded base64url of the 32 bytes (the JWK `x` form, RFC 8037 §2). */
export function ed25519KeyFromBase64Url(text: string): KeyResult<Uint8Array> {
  const bytes = decodeBase64(text.trim(), 'url', 'forbidden');
  return bytes.ok ? checkedPoint(bytes.value, 'base64url key') : keyError(`base64url key: ${bytes.error}`);
}

/** A JWK object (already parsed) or its JSON text. A JWK holding the private part `d` is refused: Casefile takes public keys only. */
export function ed25519KeyFromJwk(jwk: unknown): KeyResult<Uint8Array> {
  let value: unknown = jwk;
  if (typeof jwk === 'string') {
    try {
      value = JSON.parse(jwk) as unknown;
    } catch {
      return keyError('JWK: not valid JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return keyError('JWK: not a JSON object');
  const fields = value as Record<string, unknown>;
  if (fields.kty !== 'OKP') return keyError(`JWK: kty must be "OKP", got ${JSON.stringify(fields.kty)}`);
  if (fields.crv !== 'Ed25519')
    return keyError(`JWK: crv must be "Ed25519", got ${JSON.stringify(fields.crv)}`);
  if ('d' in fields) return keyError('JWK: contains the private key "d"; give the public key only');
  if (typeof fields.x !== 'string') return keyError('JWK: "x" (the base64url public key) is missing');
  const key = ed25519KeyFromBase64Url(fields.x);
  return key.ok ? key : keyError(`JWK x: ${key.error}`);
}

/** `-----BEGIN PUBLIC KEY-----` SPKI PEM; the key is the last 32 bytes after the fixed 12-byte prefix. */
export function ed25519KeyFromPem(text: string): KeyResult<Uint8Array> {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (!match) return keyError('PEM: no -----BEGIN …----- / -----END …----- block');
  const label = match[1] ?? '';
  if (label !== 'PUBLIC KEY') {
    return keyError(
      `PEM: expected a "PUBLIC KEY" block, got "${label}"${label.includes('PRIVATE') ? ' (never give Casefile a private key)' : ''}`,
    );
  }
  const der = decodeBase64((match[2] ?? '').replace(/\s+/g, ''), 'standard');
  if (!der.ok) return keyError(`PEM: ${der.error}`);
  if (der.value.length !== SPKI_LENGTH || bytesToHex(der.value.subarray(0, 12)) !== SPKI_PREFIX_HEX) {
    return keyError(
      'PEM: not an Ed25519 SubjectPublicKeyInfo (expected 44 bytes starting 302a300506032b6570032100)',
    );
  }
  return checkedPoint(der.value.slice(12), 'PEM key');
}

/** Any of the four spellings, recognised by shape. */
export function parseEd25519PublicKey(input: string): KeyResult<Uint8Array> {
  const text = input.trim();
  if (text === '') return keyError('empty Ed25519 public key');
  if (text.startsWith('-----BEGIN')) return ed25519KeyFromPem(text);
  if (text.startsWith('{')) return ed25519KeyFromJwk(text);
  if (/^[0-9a-fA-F]{64}$/.test(text)) return ed25519KeyFromHex(text);
  if (/^[A-Za-z0-9_-]{43}$/.test(text)) return ed25519KeyFromBase64Url(text);
  return keyError(
    'unrecognised Ed25519 public key: give 64 hex digits, 43 base64url characters, a JWK {"kty":"OKP","crv":"Ed25519","x":…} or a "-----BEGIN PUBLIC KEY-----" PEM',
  );
}
