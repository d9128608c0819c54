/**
 * Reads a key ring into ResolvedKeys. Accepted as they are: the form
 * `{"keys":[{"id","alg":"ed25519"|"hmac-sha256","publicKey"|"secretHex","validFrom"?,"validUntil"?}]}`,
 * the meshguard keyring (`key_id`, `public_key_hex`, `jwk`, `spki_pem`, `valid_from`, `valid_until`,
 * formats/meshguard.md §4.3) and a single-key HMAC file (`{"alg":"HMAC-SHA256","key_hex"}`,
 * formats/runtime-steps.md §5.2). Every spelling given for one key must decode to the same bytes.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ResolvedKeys } from '../profile';
import type { KeyRingEntry } from '../types';
import { ed25519KeyFromJwk, parseEd25519PublicKey } from './ed25519Key';
import { parseHmacKey } from './hmacKey';
import { keyError, keyOk, type KeyResult } from './keyResult';

export interface KeyRingOptions {
  /** Texts of PEM files a keyring names by path (`spki_pem`), keyed by that path. */
  pemFiles?: Readonly<Record<string, string>>;
}

type Fields = Record<string, unknown>;
type ResolvedKey = {
  alg: 'ed25519' | 'hmac-sha256';
  id: string;
  bytes: Uint8Array;
  validFrom?: string;
  validUntil?: string;
};

function isFields(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(f: Fields, ...names: string[]): string | undefined {
  for (const n of names) if (typeof f[n] === 'string') return f[n];
  return undefined;
}

function normaliseAlg(alg: unknown): 'ed25519' | 'hmac-sha256' | undefined {
  if (typeof alg !== 'string') return undefined;
  const a = alg.toLowerCase().replace(/_/g, '-');
  if (a === 'ed25519' || a === 'eddsa') return 'ed25519';
  if (a === 'hmac-sha256' || a === 'hs256') return 'hmac-sha256';
  return undefined;
}

/** A validity bound: absent or null means open; otherwise it must be a parseable ISO 8601 time. */
function bound(f: Fields, names: string[], label: string): KeyResult<string | undefined> {
  const name = names.find((n) => n in f);
  const v = name === undefined ? undefined : f[name];
  if (v === undefined || v === null) return keyOk(undefined);
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v)))
    return keyError(`${label} is not an ISO 8601 time: ${JSON.stringify(v)}`);
  return keyOk(v);
}

/** Every Ed25519 spelling present on the entry; they must agree. */
function ed25519Bytes(f: Fields, options: KeyRingOptions): KeyResult<Uint8Array> {
  const found: { spelling: string; result: KeyResult<Uint8Array> }[] = [];
  const publicKey = text(f, 'publicKey', 'public_key', 'public_key_hex', 'public_key_b64url', 'x');
  if (publicKey !== undefined)
    found.push({ spelling: 'public key', result: parseEd25519PublicKey(publicKey) });
  if (f.jwk !== undefined) found.push({ spelling: 'jwk', result: ed25519KeyFromJwk(f.jwk) });
  const pemRef = text(f, 'spki_pem', 'pem');
  if (pemRef !== undefined) {
    const pemText = pemRef.includes('-----BEGIN') ? pemRef : options.pemFiles?.[pemRef];
    if (pemText !== undefined) found.push({ spelling: 'PEM', result: parseEd25519PublicKey(pemText) });
  }
  if (found.length === 0) {
    return keyError(
      pemRef !== undefined
        ? `only a PEM file reference (${pemRef}) was given: pass that file's text`
        : 'no public key (publicKey, public_key_hex, jwk or spki_pem)',
    );
  }
  const first = found[0];
  if (first === undefined || !first.result.ok)
    return keyError(
      first?.result.ok === false ? `${first.spelling}: ${first.result.error}` : 'no public key',
    );
  for (const other of found.slice(1)) {
    if (!other.result.ok) return keyError(`${other.spelling}: ${other.result.error}`);
    if (bytesToHex(other.result.value) !== bytesToHex(first.result.value)) {
      return keyError(`the ${other.spelling} and the ${first.spelling} are different keys`);
    }
  }
  return keyOk(first.result.value);
}

function resolveEntry(
  f: Fields,
  index: number,
  fallbackId: string,
  options: KeyRingOptions,
): KeyResult<ResolvedKey> {
  const id = text(f, 'id', 'key_id', 'kid') ?? fallbackId;
  const label = `key ${JSON.stringify(id)} (#${index + 1})`;
  const alg = normaliseAlg(f.alg) ?? (f.kty === 'OKP' ? 'ed25519' : undefined);
  if (alg === undefined)
    return keyError(`${label}: alg must be "ed25519" or "hmac-sha256", got ${JSON.stringify(f.alg)}`);
  const from = bound(f, ['validFrom', 'valid_from', 'not_before'], `${label}: validFrom`);
  const until = bound(f, ['validUntil', 'valid_until', 'not_after'], `${label}: validUntil`);
  if (!from.ok) return from;
  if (!until.ok) return until;
  let bytes: KeyResult<Uint8Array>;
  if (alg === 'ed25519') {
    bytes = ed25519Bytes(f.kty === 'OKP' && f.jwk === undefined ? { ...f, jwk: f } : f, options);
  } else {
    const hex = text(f, 'secretHex', 'secret_hex', 'key_hex');
    bytes = hex === undefined ? keyError('no secretHex / key_hex') : parseHmacKey({ hex });
  }
  if (!bytes.ok) return keyError(`${label}: ${bytes.error}`);
  return keyOk({ alg, id, bytes: bytes.value, validFrom: from.value, validUntil: until.value });
}

function withValidity<T extends object>(
  base: T,
  k: ResolvedKey,
): T & { validFrom?: string; validUntil?: string } {
  return {
    ...base,
    ...(k.validFrom !== undefined ? { validFrom: k.validFrom } : {}),
    ...(k.validUntil !== undefined ? { validUntil: k.validUntil } : {}),
  };
}

/** Parses key ring JSON (text or an already parsed value). Secrets are kept as bytes only; `entries` never holds them. */
export function parseKeyRing(json: unknown, options: KeyRingOptions = {}): KeyResult<ResolvedKeys> {
  let doc: unknown = json;
  if (typeof json === 'string') {
    try {
      doc = JSON.parse(json) as unknown;
    } catch {
      return keyError('key ring: not valid JSON');
    }
  }
  if (!isFields(doc)) return keyError('key ring: not a JSON object');
  const list: unknown[] = Array.isArray(doc.keys) ? doc.keys : [doc];
  if (list.length === 0) return keyError('key ring: "keys" is empty');
  const keys: ResolvedKeys = { hmac: [], ed25519: [], entries: [] };
  const errors: string[] = [];
  const ids = new Set<string>();
  list.forEach((raw, i) => {
    if (!isFields(raw)) return errors.push(`key #${i + 1}: not a JSON object`);
    const fallbackId =
      list.length === 1 && typeof doc.producer === 'string' ? `${doc.producer}-key` : `key-${i + 1}`;
    const k = resolveEntry(raw, i, fallbackId, options);
    if (!k.ok) return errors.push(k.error);
    if (ids.has(k.value.id)) return errors.push(`key ${JSON.stringify(k.value.id)}: the id is used twice`);
    ids.add(k.value.id);
    const entry: KeyRingEntry = withValidity({ id: k.value.id, alg: k.value.alg }, k.value);
    if (k.value.alg === 'ed25519') {
      keys.ed25519.push(withValidity({ id: k.value.id, publicKey: k.value.bytes }, k.value));
      entry.publicKey = bytesToHex(k.value.bytes);
    } else {
      keys.hmac.push(withValidity({ id: k.value.id, key: k.value.bytes }, k.value));
    }
    keys.entries?.push(entry);
    return undefined;
  });
  return errors.length > 0 ? keyError(errors.join('; ')) : keyOk(keys);
}
