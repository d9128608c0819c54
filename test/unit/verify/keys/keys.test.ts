import { readFileSync } from 'node:fs';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../../shared/verify/keys/encoding';
import {
  ed25519KeyFromBase64Url,
  ed25519KeyFromHex,
  ed25519KeyFromJwk,
  ed25519KeyFromPem,
  parseEd25519PublicKey,
} from '../../../../shared/verify/keys/ed25519Key';
import { keyFingerprint } from '../../../../shared/verify/keys/fingerprint';
import { parseHmacKey } from '../../../../shared/verify/keys/hmacKey';
import { parseKeyRing } from '../../../../shared/verify/keys/keyRing';

const MG = 'test/fixtures/meshguard/keys';
const RS = 'test/fixtures/runtime-steps/keys';

interface MeshguardKeyFile {
  keys: {
    key_id: string;
    public_key_hex: string;
    jwk: { kty: string; crv: string; x: string };
    spki_pem: string;
  }[];
}
const keyFile = JSON.parse(readFileSync(`${MG}/meshguard-keys.json`, 'utf8')) as MeshguardKeyFile;

function value<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('Ed25519 public key spellings', () => {
  for (const k of keyFile.keys) {
    it(`hex, base64url, JWK and PEM of ${k.key_id} decode to the same 32 bytes`, () => {
      const pem = readFileSync(`test/fixtures/meshguard/${k.spki_pem}`, 'utf8');
      const spellings = [k.public_key_hex, k.jwk.x, JSON.stringify(k.jwk), pem];
      const decoded = spellings.map((s) => bytesToHex(value(parseEd25519PublicKey(s))));
      expect(new Set(decoded)).toEqual(new Set([k.public_key_hex]));
      expect(bytesToHex(value(ed25519KeyFromPem(pem)))).toBe(k.public_key_hex);
      expect(bytesToHex(value(ed25519KeyFromJwk(k.jwk)))).toBe(k.public_key_hex);
      expect(bytesToHex(value(ed25519KeyFromBase64Url(k.jwk.x)))).toBe(k.public_key_hex);
      expect(bytesToHex(value(ed25519KeyFromHex(k.public_key_hex.toUpperCase())))).toBe(k.public_key_hex);
    });
  }

  it('decodes the RFC 8032 TEST 1 key from the vectors (hex and JWK)', () => {
    const hex = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
    expect(bytesToHex(value(parseEd25519PublicKey('11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo')))).toBe(hex);
    expect(bytesToHex(value(parseEd25519PublicKey(hex)))).toBe(hex);
  });

  const bad: [string, string, RegExp][] = [
    ['empty', '  ', /empty/],
    ['63 hex digits', 'a'.repeat(63), /unrecognised/],
    ['garbage', 'not a key', /unrecognised/],
    ['padded base64url', 'eN-IoC5T5xRjCLEI69zo02n6Sv7rzqV0Q9I7Y6b5f7w=', /unrecognised/],
    [
      'JWK of another curve',
      '{"kty":"OKP","crv":"X25519","x":"eN-IoC5T5xRjCLEI69zo02n6Sv7rzqV0Q9I7Y6b5f7w"}',
      /crv must be "Ed25519"/,
    ],
    [
      'JWK with a private part',
      '{"kty":"OKP","crv":"Ed25519","x":"eN-IoC5T5xRjCLEI69zo02n6Sv7rzqV0Q9I7Y6b5f7w","d":"AA"}',
      /private key/,
    ],
    ['JWK that is not JSON', '{"kty":', /not valid JSON/],
    ['JWK with a short x', '{"kty":"OKP","crv":"Ed25519","x":"AAAA"}', /32 bytes, got 3/],
    [
      'private PEM',
      '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v\n-----END PRIVATE KEY-----',
      /never give Casefile a private key/,
    ],
    [
      'PEM of an X25519 key',
      '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VuAyEAeN+IoC5T5xRjCLEI69zo02n6Sv7rzqV0Q9I7Y6b5f7w=\n-----END PUBLIC KEY-----',
      /not an Ed25519 SubjectPublicKeyInfo/,
    ],
    ['PEM with bad base64', '-----BEGIN PUBLIC KEY-----\nMCow!!!\n-----END PUBLIC KEY-----', /alphabet/],
  ];
  for (const [name, input, message] of bad) {
    it(`refuses ${name} with a clear error`, () => {
      const r = parseEd25519PublicKey(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(message);
    });
  }

  it('refuses 32 bytes that are not a curve point', () => {
    // y = 2 has no x on edwards25519 (the decode fails), so this is not a public key.
    const r = ed25519KeyFromHex('02' + '00'.repeat(31));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/not a valid Ed25519 point/);
  });
});

describe('base64 decoder', () => {
  it('decodes both alphabets, with and without padding, and rejects non-canonical tails', () => {
    expect(bytesToHex(value(decodeBase64('+/8=', 'standard')))).toBe('fbff');
    expect(bytesToHex(value(decodeBase64('-_8', 'url', 'forbidden')))).toBe('fbff');
    expect(bytesToHex(value(decodeBase64('', 'url')))).toBe('');
    expect(decodeBase64('-_9', 'url').ok).toBe(false); // non-zero trailing bits
    expect(decodeBase64('-_8=', 'url', 'forbidden').ok).toBe(false);
    expect(decodeBase64('A', 'standard').ok).toBe(false);
    expect(decodeBase64('AA=A', 'standard').ok).toBe(false);
  });
});

describe('HMAC secrets', () => {
  const hexText = readFileSync(`${RS}/hmac-key.hex`, 'utf8');
  it('a key file of hex gives the 32 bytes it decodes to, not the hex text', () => {
    const key = value(parseHmacKey({ fileText: hexText }));
    expect(key.length).toBe(32);
    expect(bytesToHex(key)).toBe(hexText.trim());
    expect(bytesToHex(value(parseHmacKey({ hex: hexText.trim().toUpperCase() })))).toBe(hexText.trim());
  });
  it('UTF-8 text is used as its bytes', () => {
    expect(bytesToHex(value(parseHmacKey({ text: 'zoë' })))).toBe('7a6fc3ab');
  });
  it('refuses odd, non-hex, empty and ambiguous inputs', () => {
    for (const input of [
      { hex: 'abc' },
      { hex: 'zz' },
      { fileText: '\n' },
      { text: '' },
      {},
      { text: 'a', hex: '00' },
    ]) {
      const r = parseHmacKey(input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
    }
  });
});

describe('key rings', () => {
  it('reads the meshguard keyring as it is, with validity windows', () => {
    const ring = value(parseKeyRing(readFileSync(`${MG}/meshguard-keys.json`, 'utf8')));
    expect(ring.ed25519.map((k) => [k.id, bytesToHex(k.publicKey), k.validFrom, k.validUntil])).toEqual([
      [
        'mg-larkspur-gw1-2024-03a',
        keyFile.keys[0]?.public_key_hex,
        '2024-03-01T00:00:00.000Z',
        '2024-03-15T12:00:00.000Z',
      ],
      ['mg-larkspur-gw1-2024-03b', keyFile.keys[1]?.public_key_hex, '2024-03-15T12:00:00.000Z', undefined],
    ]);
    expect(ring.hmac).toEqual([]);
  });

  it('cross-checks the PEM files a keyring names when their texts are given', () => {
    const pemFiles = Object.fromEntries(
      keyFile.keys.map((k) => [k.spki_pem, readFileSync(`test/fixtures/meshguard/${k.spki_pem}`, 'utf8')]),
    );
    expect(parseKeyRing(keyFile, { pemFiles }).ok).toBe(true);
    const swapped = { [keyFile.keys[0]?.spki_pem ?? '']: pemFiles[keyFile.keys[1]?.spki_pem ?? ''] ?? '' };
    const r = parseKeyRing({ keys: [keyFile.keys[0]] }, { pemFiles: swapped });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/different keys/);
  });

  it('reads the runtime-steps HMAC key file as it is; entries never hold the secret', () => {
    const ring = value(parseKeyRing(readFileSync(`${RS}/hmac-key.json`, 'utf8')));
    expect(ring.hmac.length).toBe(1);
    expect(bytesToHex(ring.hmac[0]?.key ?? new Uint8Array())).toBe(
      readFileSync(`${RS}/hmac-key.hex`, 'utf8').trim(),
    );
    expect(JSON.stringify(ring.entries)).not.toContain(readFileSync(`${RS}/hmac-key.hex`, 'utf8').trim());
  });

  it("reads the issue's format for both algorithms", () => {
    const ring = value(
      parseKeyRing({
        keys: [
          { id: 'a', alg: 'ed25519', publicKey: keyFile.keys[0]?.jwk.x, validFrom: '2024-01-01T00:00:00Z' },
          { id: 'h', alg: 'hmac-sha256', secretHex: '000102' },
        ],
      }),
    );
    expect(bytesToHex(ring.ed25519[0]?.publicKey ?? new Uint8Array())).toBe(keyFile.keys[0]?.public_key_hex);
    expect(ring.ed25519[0]?.validFrom).toBe('2024-01-01T00:00:00Z');
    expect(bytesToHex(ring.hmac[0]?.key ?? new Uint8Array())).toBe('000102');
    expect(ring.entries?.map((e) => e.secretHex)).toEqual([undefined, undefined]);
  });

  it('reports every bad entry, duplicate ids and bad windows', () => {
    const r = parseKeyRing({
      keys: [
        { id: 'a', alg: 'rsa', publicKey: 'x' },
        { id: 'b', alg: 'ed25519', publicKey: 'nope' },
        { id: 'c', alg: 'ed25519', publicKey: keyFile.keys[0]?.public_key_hex, validFrom: 'yesterday' },
        { id: 'd', alg: 'hmac-sha256', secretHex: '00' },
        { id: 'd', alg: 'hmac-sha256', secretHex: '01' },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/"a".*alg must be/);
      expect(r.error).toMatch(/"b".*unrecognised/);
      expect(r.error).toMatch(/"c".*validFrom is not an ISO 8601 time/);
      expect(r.error).toMatch(/"d".*used twice/);
    }
    expect(parseKeyRing('{').ok).toBe(false);
    expect(parseKeyRing('[]').ok).toBe(false);
  });
});

describe('key fingerprints', () => {
  it('are the first 16 hex of SHA-256 over the key bytes', () => {
    const key = value(
      parseHmacKey({ hex: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f' }),
    );
    expect(keyFingerprint(key)).toBe('630dcd2966c43366');
  });
});
