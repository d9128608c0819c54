/**
 * `args_hash` and `action_key` (formats/runtime-steps.md §4). The log never carries `args`, so a
 * verifier cannot recompute these from an archive; they serve to check an analyst's candidate
 * arguments against a logged call, and the vectors.
 */
import { jcs } from '../../canon/jcs';
import type { JsonValue } from '../../json/value';
import type { HashProvider } from '../profile';

export type DigestResult = { ok: true; hex: string } | { ok: false; reason: string };

/** lowercase hex SHA-256(UTF-8(JCS(args))) */
export function argsHash(args: JsonValue, hash: HashProvider): DigestResult {
  const c = jcs(args);
  return c.ok
    ? { ok: true, hex: hash.sha256Hex(c.text) }
    : { ok: false, reason: `${c.reason} at ${c.path || 'the top level'}` };
}

/** First 16 hex of SHA-256(UTF-8(action) || UTF-8(JCS(args))), no separator (§4). */
export function actionKey(action: string, args: JsonValue, hash: HashProvider): DigestResult {
  const c = jcs(args);
  return c.ok
    ? { ok: true, hex: hash.sha256Hex(action + c.text).slice(0, 16) }
    : { ok: false, reason: `${c.reason} at ${c.path || 'the top level'}` };
}
