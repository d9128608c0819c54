/**
 * C2SP `signed-note`: parse a note (text, blank line, `— <name> <base64(keyID ‖ sig)>` lines),
 * parse an Ed25519 verifier key `<name>+<hex key ID>+<base64(0x01 ‖ pubkey)>` (the
 * golang.org/x/mod/sumdb/note form) and check the note's signatures against trusted keys.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { decodeBase64 } from './base64';

/** C2SP signed-note "Signature types": 0x01 is Ed25519. */
export const ED25519_SIGNATURE_TYPE = 0x01;

/** The spec asks verifiers to cap the number of signatures; Go's note package allows 100. */
export const MAX_NOTE_SIGNATURES = 100;

export interface NoteSignature {
  name: string;
  /** The 32-bit key ID (big-endian first four bytes of the decoded signature). */
  keyId: number;
  signature: Uint8Array;
}

export interface SignedNote {
  /** The signed text, including its final newline, excluding the blank separator line. */
  text: string;
  signatures: NoteSignature[];
}

export interface NoteVerifierKey {
  name: string;
  keyId: number;
  publicKey: Uint8Array;
  /** The key as the user wrote it, for reports. */
  text: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const SIGNATURE_PREFIX = '\u2014 ';

function hex8(id: number): string {
  return id.toString(16).padStart(8, '0');
}

function validKeyName(name: string): boolean {
  // C2SP signed-note §Format: non-empty, no Unicode spaces, no '+'.
  return name.length > 0 && !/[\s+]/u.test(name);
}

/** key ID = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key)[:4], big-endian (C2SP signed-note §Ed25519). */
export function ed25519KeyId(name: string, publicKey: Uint8Array): number {
  const digest = sha256(
    concatBytes(utf8ToBytes(name), Uint8Array.of(0x0a, ED25519_SIGNATURE_TYPE), publicKey),
  );
  return (
    (((digest[0] as number) << 24) |
      ((digest[1] as number) << 16) |
      ((digest[2] as number) << 8) |
      (digest[3] as number)) >>>
    0
  );
}

/** Parses `<name>+<8 hex>+<base64(0x01 ‖ pubkey)>`; the key ID must match the key. */
export function parseVerifierKey(text: string): Parsed<NoteVerifierKey> {
  const first = text.indexOf('+');
  const second = first < 0 ? -1 : text.indexOf('+', first + 1);
  if (second < 0) return { ok: false, reason: 'a verifier key is <name>+<key id>+<base64 key>' };
  const name = text.slice(0, first);
  const idHex = text.slice(first + 1, second);
  if (!validKeyName(name)) return { ok: false, reason: `invalid key name "${name}"` };
  if (!/^[0-9a-f]{8}$/.test(idHex))
    return { ok: false, reason: `key id "${idHex}" is not 8 lowercase hex digits` };
  const material = decodeBase64(text.slice(second + 1));
  if (!material) return { ok: false, reason: 'the key material is not valid base64' };
  if (material[0] !== ED25519_SIGNATURE_TYPE || material.length !== 33) {
    return { ok: false, reason: 'only Ed25519 keys (type 0x01 followed by 32 bytes) are supported' };
  }
  const publicKey = material.slice(1);
  const keyId = ed25519KeyId(name, publicKey);
  if (hex8(keyId) !== idHex) {
    return { ok: false, reason: `key id ${idHex} does not match the key (it hashes to ${hex8(keyId)})` };
  }
  return { ok: true, value: { name, keyId, publicKey, text } };
}

function parseSignatureLine(line: string): Parsed<NoteSignature> {
  if (!line.startsWith(SIGNATURE_PREFIX)) return { ok: false, reason: `"${line}" does not start with "— "` };
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  const name = space < 0 ? '' : rest.slice(0, space);
  if (!validKeyName(name)) return { ok: false, reason: `signature line "${line}" has no valid key name` };
  const blob = decodeBase64(rest.slice(space + 1));
  if (!blob || blob.length < 5)
    return { ok: false, reason: `the signature of "${name}" is not base64 of key id ‖ signature` };
  const keyId =
    (((blob[0] as number) << 24) |
      ((blob[1] as number) << 16) |
      ((blob[2] as number) << 8) |
      (blob[3] as number)) >>>
    0;
  return { ok: true, value: { name, keyId, signature: blob.slice(4) } };
}

/** C2SP signed-note §Format: no ASCII control character other than newline. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a) return true;
  }
  return false;
}

/** Splits a signed note at its last blank line and parses the signature lines (C2SP signed-note §Format). */
export function parseSignedNote(message: string): Parsed<SignedNote> {
  if (hasControlCharacter(message)) {
    return { ok: false, reason: 'the note contains a control character other than newline' };
  }
  if (!message.endsWith('\n')) return { ok: false, reason: 'the note does not end with a newline' };
  const split = message.lastIndexOf('\n\n');
  if (split < 0) return { ok: false, reason: 'no blank line separates the text from the signatures' };
  const text = message.slice(0, split + 1);
  const lines = message.slice(split + 2, -1).split('\n');
  if (lines.length === 0 || lines[0] === '') return { ok: false, reason: 'the note has no signature lines' };
  if (lines.length > MAX_NOTE_SIGNATURES)
    return { ok: false, reason: `more than ${MAX_NOTE_SIGNATURES} signatures` };
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    const parsed = parseSignatureLine(line);
    if (!parsed.ok) return parsed;
    signatures.push(parsed.value);
  }
  return { ok: true, value: { text, signatures } };
}

export interface NoteVerification {
  ok: boolean;
  /** Names (`name+keyid`) of trusted keys whose signature verified. */
  verifiedBy: string[];
  /** Why the note is rejected, when `ok` is false. */
  reason?: string;
  /** Signatures by keys the caller does not trust, ignored as the spec requires. */
  ignored: string[];
}

function verifyEd25519(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    // RFC 8032 strict verification (not ZIP-215): C2SP signed-note §Ed25519 cites RFC 8032.
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/**
 * Checks every signature whose name and key ID match a trusted key. Unknown signatures are
 * ignored; a failing known signature rejects the note; at least one must verify.
 */
export function verifyNote(note: SignedNote, trusted: readonly NoteVerifierKey[]): NoteVerification {
  const message = utf8ToBytes(note.text);
  const verifiedBy: string[] = [];
  const ignored: string[] = [];
  for (const sig of note.signatures) {
    const label = `${sig.name}+${hex8(sig.keyId)}`;
    const key = trusted.find((k) => k.name === sig.name && k.keyId === sig.keyId);
    if (!key) {
      ignored.push(label);
      continue;
    }
    if (!verifyEd25519(sig.signature, message, key.publicKey)) {
      return {
        ok: false,
        verifiedBy,
        ignored,
        reason: `the signature by ${label} does not verify over the note text`,
      };
    }
    verifiedBy.push(label);
  }
  if (verifiedBy.length === 0) {
    const seen = ignored.length > 0 ? ` (signed only by ${ignored.join(', ')})` : '';
    return { ok: false, verifiedBy, ignored, reason: `no signature by a trusted key${seen}` };
  }
  return { ok: true, verifiedBy, ignored };
}
