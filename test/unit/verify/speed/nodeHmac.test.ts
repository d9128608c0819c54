/** HMAC-SHA256 on cached key pads gives createHmac's bytes for any key and message. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256Hex } from '../../../../electron/engine/verify/nodeHmac';

describe('hmacSha256Hex', () => {
  it('matches createHmac for short, block-sized and long keys, text and bytes', () => {
    const messages: (string | Uint8Array)[] = [
      '',
      'abc',
      'Grüße 😀',
      'lone \ud800 surrogate',
      'x'.repeat(5000),
      'y'.repeat((1 << 20) + 1),
      new Uint8Array([0, 1, 2, 255]),
      new Uint8Array(9000).fill(7).subarray(10, 8000),
    ];
    for (const size of [0, 1, 32, 64, 65, 200]) {
      const key = Uint8Array.from({ length: size }, (_, i) => (i * 37 + 11) & 0xff);
      for (const m of messages) {
        expect(hmacSha256Hex(key, m)).toBe(createHmac('sha256', key).update(m).digest('hex'));
        // A second call reuses the pads (and a grown buffer).
        expect(hmacSha256Hex(key, m)).toBe(createHmac('sha256', key).update(m).digest('hex'));
      }
    }
  });
});
