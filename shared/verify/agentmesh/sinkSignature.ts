/**
 * Checks a sink line's HMAC against every supplied key (a key ring may hold several): the
 * message is the stored content_hash HEX TEXT, the key the raw bytes, compared case-sensitively
 * as the producer's hex digests are (formats/agentmesh.md §5).
 */
import type { HashProvider, ResolvedKeys } from '../profile';

export type HmacKey = ResolvedKeys['hmac'][number];

export type SignatureResult =
  { ok: true; keyId: string; outsideValidity?: string } | { ok: false; reason: string };

function validityProblem(key: HmacKey, timestamp: unknown): string | undefined {
  if (typeof timestamp !== 'string' || (key.validFrom === undefined && key.validUntil === undefined))
    return undefined;
  const at = Date.parse(timestamp);
  if (Number.isNaN(at)) return undefined;
  if (key.validFrom !== undefined && at < Date.parse(key.validFrom))
    return `before key ${key.id} became valid (${key.validFrom})`;
  if (key.validUntil !== undefined && at > Date.parse(key.validUntil))
    return `after key ${key.id} expired (${key.validUntil})`;
  return undefined;
}

export class SinkSignatureChecker {
  private readonly used = new Set<string>();
  private order: HmacKey[];

  constructor(
    keys: readonly HmacKey[],
    private readonly hash: HashProvider,
  ) {
    this.order = [...keys];
  }

  /** Ids of the keys that verified at least one line. */
  get keysUsed(): string[] {
    return [...this.used];
  }

  check(contentHash: unknown, signature: unknown, timestamp: unknown): SignatureResult {
    if (typeof signature !== 'string') return { ok: false, reason: 'the line has no signature string' };
    if (typeof contentHash !== 'string')
      return { ok: false, reason: 'the line has no content_hash string to verify the signature over' };
    for (const key of this.order) {
      if (this.hash.hmacSha256Hex(key.key, contentHash) !== signature) continue;
      this.used.add(key.id);
      // Try the last matching key first on the next line: files are signed with one key at a time.
      this.order = [key, ...this.order.filter((k) => k !== key)];
      const outside = validityProblem(key, timestamp);
      return outside === undefined
        ? { ok: true, keyId: key.id }
        : { ok: true, keyId: key.id, outsideValidity: outside };
    }
    return {
      ok: false,
      reason: `the signature is not a valid HMAC-SHA256 of the stored content_hash under any of the ${this.order.length} supplied key(s)`,
    };
  }
}
