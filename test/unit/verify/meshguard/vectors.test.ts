import { readFileSync } from 'node:fs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { jcs } from '../../../../shared/canon/jcs';
import { parseJson } from '../../../../shared/json/parse';
import { emptyObject, isJsonObject, JsonNumber, type JsonObject } from '../../../../shared/json/value';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import { parseKeyRing } from '../../../../shared/verify/keys/keyRing';
import { verifyMeshguardCloudEvents } from '../../../../shared/verify/meshguard/cloudEvents';
import { meshguardHashInput } from '../../../../shared/verify/meshguard/eventCheck';
import { verifyMeshguard } from '../../../../shared/verify/meshguard/profile';
import type { VerifyContext } from '../../../../shared/verify/profile';
import { jsonlRecords } from '../helpers';
import { MG } from './fixtures';

interface Vectors {
  signing_key: { private_seed_hex: string; public_key_hex: string; jwk: unknown };
  events: {
    name: string;
    event: { integrity: { prev: string; key_id: string } };
    jcs_of_event_without_integrity: string;
    hash_input_hex_tail: string;
    hash_input_length: number;
    hash: string;
    sig: string;
    line: string;
  }[];
  jcs_numbers: { python_repr: string; jcs: string }[];
  jcs_key_order: { keys_in: string[]; jcs_order: string[] };
  cloudevent: { line: string };
}

const v = JSON.parse(readFileSync(`${MG}/vectors.json`, 'utf8')) as Vectors;

function object(text: string): JsonObject {
  const parsed = parseJson(text, { rejectDuplicateKeys: true });
  if (!parsed.ok || !isJsonObject(parsed.value)) throw new Error('not an object');
  return parsed.value;
}

function vectorContext(): VerifyContext {
  const keyId = v.events[0]?.event.integrity.key_id ?? '';
  const ring = parseKeyRing({
    keys: [
      { key_id: keyId, alg: 'Ed25519', jwk: v.signing_key.jwk, public_key_hex: v.signing_key.public_key_hex },
    ],
  });
  if (!ring.ok) throw new Error(ring.error);
  return { hash: nobleHash, keys: ring.value, anchors: [] };
}

describe('meshguard vectors.json', () => {
  for (const e of v.events) {
    it(`${e.name}: canonical text, hash input, hash and signature`, () => {
      const event = object(e.line);
      const input = meshguardHashInput(event, e.event.integrity.prev);
      if (!input.ok) throw new Error(input.reason);
      const bytes = utf8ToBytes(input.text);
      expect(input.text.slice(0, input.text.length - 65)).toBe(e.jcs_of_event_without_integrity);
      expect(bytes.length).toBe(e.hash_input_length);
      expect(bytesToHex(bytes).endsWith(e.hash_input_hex_tail)).toBe(true);
      expect(nobleHash.sha256Hex(input.text)).toBe(e.hash);
      // §4.2: the signature is over the 32 raw bytes of the hash (Ed25519 is deterministic, so re-signing must give the same text).
      const sig = ed25519.sign(hexToBytes(e.hash), hexToBytes(v.signing_key.private_seed_hex));
      expect(Buffer.from(sig).toString('base64url')).toBe(e.sig);
    });
  }

  it('the two vector events verify as a chain from genesis with the vector key', () => {
    const out = verifyMeshguard(
      [
        {
          path: 'vectors.jsonl',
          container: 'jsonl',
          records: jsonlRecords(v.events.map((e) => e.line).join('\n')),
        },
      ],
      vectorContext(),
    );
    expect(out[0]?.findings).toEqual([]);
    expect(out[0]?.head).toBe(v.events[1]?.hash);
  });

  it('the vector CloudEvent: envelope consistent with data, data verifies', () => {
    const out = verifyMeshguardCloudEvents(
      [{ path: 'ce.jsonl', container: 'jsonl', records: jsonlRecords(v.cloudevent.line) }],
      vectorContext(),
    );
    expect(out[0]?.findings).toEqual([]);
  });

  for (const n of v.jcs_numbers) {
    it(`number ${n.python_repr} hashes as ${n.jcs}`, () => {
      expect(jcs(new JsonNumber(n.python_repr))).toEqual({ ok: true, text: n.jcs });
    });
  }

  it('member order is by UTF-16 code unit', () => {
    const o = emptyObject();
    v.jcs_key_order.keys_in.forEach((k, i) => (o[k] = new JsonNumber(String(i))));
    const text = jcs(o);
    const order = text.ok ? Object.keys(JSON.parse(text.text) as object) : [];
    // JSON.parse re-enumerates integer-like names first; none occur here, so the order is JCS's.
    expect(order).toEqual(v.jcs_key_order.jcs_order);
  });
});
