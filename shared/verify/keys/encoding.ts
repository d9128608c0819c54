/**
 * Strict hex and base64 decoders for key material. shared/ has no Buffer or atob (it runs in a
 * browser and a worker too), and @noble/hashes/utils has hex but no base64, so base64 is here.
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import { keyError, keyOk, type KeyResult } from './keyResult';

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/** Hex text (either case, even length) to bytes; `expectedLength` in bytes when given. */
export function decodeHex(text: string, expectedLength?: number): KeyResult<Uint8Array> {
  if (!HEX.test(text)) return keyError('not hex: only 0-9 and a-f are allowed, in pairs');
  const bytes = hexToBytes(text.toLowerCase());
  if (expectedLength !== undefined && bytes.length !== expectedLength) {
    return keyError(
      `expected ${expectedLength} bytes (${expectedLength * 2} hex digits), got ${bytes.length}`,
    );
  }
  return keyOk(bytes);
}

export type Base64Alphabet = 'standard' | 'url';

/** RFC 4648 §4 (standard, `+/`) and §5 (URL-safe, `-_`) alphabets. */
function sextet(code: number, alphabet: Base64Alphabet): number {
  if (code >= 65 && code <= 90) return code - 65; // A-Z
  if (code >= 97 && code <= 122) return code - 71; // a-z
  if (code >= 48 && code <= 57) return code + 4; // 0-9
  if (alphabet === 'standard') return code === 43 ? 62 : code === 47 ? 63 : -1; // + /
  return code === 45 ? 62 : code === 95 ? 63 : -1; // - _
}

/**
 * Base64 text to bytes. Padding `=` is accepted only when complete (RFC 4648 §3.2); with
 * `padding: 'forbidden'` (base64url in JWK, RFC 7515 §2) any `=` is an error. Non-zero
 * trailing bits are rejected (RFC 4648 §3.5) so one key has exactly one spelling.
 */
export function decodeBase64(
  text: string,
  alphabet: Base64Alphabet,
  padding: 'optional' | 'forbidden' = 'optional',
): KeyResult<Uint8Array> {
  const firstPad = text.indexOf('=');
  if (firstPad >= 0 && padding === 'forbidden') return keyError('base64url must not be padded with "="');
  const body = firstPad >= 0 ? text.slice(0, firstPad) : text;
  if (firstPad >= 0 && (!/^=+$/.test(text.slice(firstPad)) || text.length % 4 !== 0)) {
    return keyError('bad base64 padding');
  }
  if (body.length % 4 === 1) return keyError('bad base64 length');
  const out = new Uint8Array(Math.floor((body.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < body.length; i++) {
    const v = sextet(body.charCodeAt(i), alphabet);
    if (v < 0)
      return keyError(
        `character ${JSON.stringify(body[i])} at ${i} is not in the base64${alphabet === 'url' ? 'url' : ''} alphabet`,
      );
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
      buffer &= (1 << bits) - 1;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return keyError('base64 has non-zero trailing bits');
  return keyOk(out);
}
