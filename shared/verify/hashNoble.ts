/** The default HashProvider on @noble/hashes: pure JS, runs in a browser or a worker. */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { HashProvider } from './profile';

function bytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? utf8ToBytes(data) : data;
}

export const nobleHash: HashProvider = {
  sha256Hex: (data) => bytesToHex(sha256(bytes(data))),
  hmacSha256Hex: (key, message) => bytesToHex(hmac(sha256, key, bytes(message))),
};
