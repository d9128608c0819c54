/** C2SP signed notes and tlog checkpoints: a published Go vector, then checkpoints signed here and tampered. */
import { createHash } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../../../shared/verify/standards/base64';
import {
  checkpointAnchor,
  parseCheckpointText,
  verifyCheckpoint,
} from '../../../../shared/verify/standards/checkpoint';
import { rootFromEntries } from '../../../../shared/verify/standards/rfc9162';
import {
  parseSignedNote,
  parseVerifierKey,
  verifyNote,
  type NoteVerifierKey,
} from '../../../../shared/verify/standards/signedNote';

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/** An independent key ID: SHA-256(name ‖ 0x0A ‖ 0x01 ‖ pubkey)[:4] via node:crypto. */
function keyIdBytes(name: string, pub: Uint8Array): Buffer {
  return createHash('sha256')
    .update(Buffer.concat([Buffer.from(name, 'utf8'), Buffer.from([0x0a, 0x01]), Buffer.from(pub)]))
    .digest()
    .subarray(0, 4);
}

interface TestSigner {
  name: string;
  secret: Uint8Array;
  vkey: string;
}

function makeSigner(name: string, seedByte: number): TestSigner {
  const secret = new Uint8Array(32).fill(seedByte);
  const pub = ed25519.getPublicKey(secret);
  const vkey = `${name}+${keyIdBytes(name, pub).toString('hex')}+${b64(Uint8Array.of(1, ...pub))}`;
  return { name, secret, vkey };
}

function signLine(signer: TestSigner, text: string): string {
  const pub = ed25519.getPublicKey(signer.secret);
  const sig = ed25519.sign(new Uint8Array(Buffer.from(text, 'utf8')), signer.secret);
  return `\u2014 ${signer.name} ${b64(Buffer.concat([keyIdBytes(signer.name, pub), Buffer.from(sig)]))}\n`;
}

function trusted(...vkeys: string[]): NoteVerifierKey[] {
  return vkeys.map((v) => {
    const k = parseVerifierKey(v);
    if (!k.ok) throw new Error(k.reason);
    return k.value;
  });
}

describe('base64 (RFC 4648 §4)', () => {
  it('round-trips every length and rejects non-canonical text', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 0xff);
      expect(encodeBase64(bytes)).toBe(b64(bytes));
      expect(decodeBase64(b64(bytes))).toEqual(bytes);
    }
    for (const bad of ['QQ', 'QQ=', 'QR==', 'Q===', 'QQ==QQ==', 'QUJD-A==', 'QU JD'])
      expect(decodeBase64(bad)).toBeNull();
  });
});

// golang.org/x/mod/sumdb/note, note.go package documentation and note_test.go: the PeterNeumann example.
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

describe('C2SP signed-note with the Go reference vector', () => {
  it('parses the verifier key and checks its key ID', () => {
    const key = parseVerifierKey(GO_VKEY);
    expect(key.ok && key.value.keyId).toBe(0xc74f20a3);
    expect(parseVerifierKey(GO_VKEY.replace('c74f20a3', 'c74f20a4'))).toMatchObject({
      ok: false,
      reason: /does not match/,
    });
    expect(parseVerifierKey('PeterNeumann+c74f20a3')).toMatchObject({ ok: false });
    expect(parseVerifierKey(`Peter Neumann+c74f20a3+${GO_VKEY.split('+').slice(2).join('+')}`).ok).toBe(
      false,
    );
  });

  it('verifies the published note and rejects an edited text', () => {
    const note = parseSignedNote(GO_NOTE);
    expect(note.ok && note.value.text).toBe(GO_TEXT);
    if (!note.ok) return;
    expect(verifyNote(note.value, trusted(GO_VKEY))).toMatchObject({
      ok: true,
      verifiedBy: ['PeterNeumann+c74f20a3'],
    });
    const edited = parseSignedNote(GO_NOTE.replace('cryptography', 'cryptographY'));
    expect(edited.ok && verifyNote(edited.value, trusted(GO_VKEY))).toMatchObject({
      ok: false,
      reason: /does not verify/,
    });
  });
});

describe('C2SP tlog-checkpoint', () => {
  const log = makeSigner('example.com/casefile-test-log', 7);
  const witness = makeSigner('witness.example/w1', 9);
  const entries = Array.from({ length: 600 }, (_, i) => new Uint8Array(Buffer.from(`entry ${i}`)));
  const root = rootFromEntries(entries);
  const text = `${log.name}\n600\n${b64(root)}\n`;
  const message = `${text}\n${signLine(log, text)}`;

  it('verifies a checkpoint signed by the trusted log key', () => {
    const result = verifyCheckpoint(message, trusted(log.vkey), { expectedOrigin: log.name });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.checkpoint.size).toBe(600n);
    expect(Buffer.from(result.value.checkpoint.rootHash).toString('hex')).toBe(
      Buffer.from(root).toString('hex'),
    );
  });

  it('becomes an anchor that says which tree its root belongs to', () => {
    const result = verifyCheckpoint(message, trusted(log.vkey));
    if (!result.ok) throw new Error(result.reason);
    const std = checkpointAnchor(result.value, '*', 'rfc9162');
    expect(std.ok && std.value.anchor).toEqual({
      chain: '*',
      count: 600,
      root: Buffer.from(root).toString('hex'),
    });
    expect(std.ok && std.value.description).toMatch(
      /origin "example.com\/casefile-test-log" size 600 .*RFC 9162 tree/,
    );
    const mesh = checkpointAnchor(result.value, 'audit_trail.jsonl', 'agentmesh');
    expect(mesh.ok && mesh.value.description).toMatch(/AgentMesh Merkle tree .*not an RFC 9162 tree/);
  });

  it('ignores an unknown witness signature but still needs the log key', () => {
    const cosigned = `${message}${signLine(witness, text)}`;
    expect(verifyCheckpoint(cosigned, trusted(log.vkey))).toMatchObject({ ok: true });
    const onlyWitness = verifyCheckpoint(cosigned, trusted(makeSigner('other.example/log', 3).vkey));
    expect(onlyWitness).toMatchObject({ ok: false, reason: /no signature by a trusted key/ });
  });

  it('rejects a changed size, a changed root, a changed signature and a wrong key', () => {
    const sizeChanged = message.replace('\n600\n', '\n601\n');
    expect(verifyCheckpoint(sizeChanged, trusted(log.vkey))).toMatchObject({
      ok: false,
      reason: /does not verify/,
    });
    const otherRoot = b64(rootFromEntries(entries.slice(0, 577)));
    const rootChanged = message.replace(b64(root), otherRoot);
    expect(verifyCheckpoint(rootChanged, trusted(log.vkey))).toMatchObject({
      ok: false,
      reason: /does not verify/,
    });
    const sigLine = signLine(log, text);
    const sigBytes = Buffer.from(sigLine.trim().split(' ')[2] ?? '', 'base64');
    sigBytes.writeUInt8(sigBytes.readUInt8(10) ^ 0x01, 10);
    const sigChanged = `${text}\n\u2014 ${log.name} ${b64(sigBytes)}\n`;
    expect(verifyCheckpoint(sigChanged, trusted(log.vkey))).toMatchObject({
      ok: false,
      reason: /does not verify/,
    });
    // Same name, another key: its key ID differs, so the signature is not by the trusted key.
    const impostor = makeSigner(log.name, 42);
    const forged = `${text}\n${signLine(impostor, text)}`;
    expect(verifyCheckpoint(forged, trusted(log.vkey))).toMatchObject({
      ok: false,
      reason: /no signature by a trusted key/,
    });
  });

  it('rejects malformed checkpoints with a reason', () => {
    const sign = (t: string): string => `${t}\n${signLine(log, t)}`;
    const k = trusted(log.vkey);
    expect(verifyCheckpoint(sign(`${log.name}\n0600\n${b64(root)}\n`), k)).toMatchObject({
      reason: /leading zeros/,
    });
    expect(verifyCheckpoint(sign(`${log.name}\n600\n${b64(root.slice(1))}\n`), k)).toMatchObject({
      reason: /31 bytes/,
    });
    expect(verifyCheckpoint(sign(`${log.name}\n600\n`), k)).toMatchObject({ reason: /needs origin/ });
    expect(verifyCheckpoint(`${text}${signLine(log, text)}`, k)).toMatchObject({ reason: /blank line/ });
    expect(verifyCheckpoint(message.replace('\n600', '\t600'), k)).toMatchObject({
      reason: /control character/,
    });
    expect(verifyCheckpoint(message, k, { expectedOrigin: 'example.com/other' })).toMatchObject({
      reason: /expected/,
    });
    expect(parseCheckpointText(`o\n1\n${b64(root)}\next\n`)).toMatchObject({
      ok: true,
      value: { extensions: ['ext'] },
    });
    expect(parseCheckpointText(`o\n18446744073709551616\n${b64(root)}\n`)).toMatchObject({
      reason: /64 bits/,
    });
  });
});
