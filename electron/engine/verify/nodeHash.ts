/**
 * HashProvider on node:crypto: the one-shot crypto.hash() is ~5× faster per event than
 * @noble/hashes (../shared/perf/baseline.md §3). Same results; the pure default stays noble.
 */
import { createHash, createHmac, hash } from 'node:crypto';
import type { HashProvider } from '../../../shared/verify/profile';

export const nodeHash: HashProvider = {
  sha256Hex: (data) => (typeof data === 'string' ? hash('sha256', data, 'hex') : createHash('sha256').update(data).digest('hex')),
  hmacSha256Hex: (key, message) => createHmac('sha256', key).update(message).digest('hex'),
};
