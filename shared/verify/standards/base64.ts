/**
 * Strict standard base64 (RFC 4648 §4, `+/`, `=` padding) without DOM or Node globals, for
 * C2SP signed notes and checkpoints, which use exactly this encoding (C2SP signed-note
 * "Conventions"). Non-canonical input (bad length, stray padding, non-zero unused bits) is
 * rejected so one value has one encoding.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const VALUE_OF: ReadonlyMap<string, number> = new Map([...ALPHABET].map((c, i) => [c, i]));

/** The bytes, or null when `text` is not canonical padded standard base64. */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const body = text.slice(0, text.length - padding);
  const values: number[] = [];
  for (const c of body) {
    const v = VALUE_OF.get(c);
    if (v === undefined) return null;
    values.push(v);
  }
  const out = new Uint8Array((body.length * 6) >> 3);
  let acc = 0;
  let bits = 0;
  let at = 0;
  for (const v of values) {
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 0xff;
      acc &= (1 << bits) - 1;
    }
  }
  // The leftover bits of the last character must be zero in a canonical encoding.
  if ((acc & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

/** Padded standard base64 of `bytes`. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63];
    out += ALPHABET[(n >> 12) & 63];
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63];
    out += c === undefined ? '=' : ALPHABET[n & 63];
  }
  return out;
}
