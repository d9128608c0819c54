import { describe, expect, it } from 'vitest';
import { pythonDumps } from '../../../../shared/canon/pythonJson';
import { parseJson } from '../../../../shared/json/parse';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../../../shared/json/value';
import { cloudEventItem } from '../../../../shared/verify/agentmesh/cloudEvent';
import { buildEntryHashInput, type EntryHashField } from '../../../../shared/verify/agentmesh/entryHash';
import { agentmeshMerkleProof, agentmeshMerkleRoot } from '../../../../shared/verify/agentmesh/merkle';
import { verifyAgentmeshProof } from '../../../../shared/verify/agentmesh/proof';
import { sinkPayload } from '../../../../shared/verify/agentmesh/sinkPayload';
import { pythonCanonical } from '../../../../shared/verify/chain/pythonHash';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import { AM, readJsonValue } from './context';

const vectors = readJsonValue(`${AM}/vectors.json`) as JsonObject;

function obj(v: JsonValue | undefined): JsonObject {
  if (!isJsonObject(v)) throw new Error('expected an object');
  return v;
}
function list(v: JsonValue | undefined): JsonValue[] {
  if (!isJsonArray(v)) throw new Error('expected an array');
  return v;
}
function str(v: JsonValue | undefined): string {
  if (typeof v !== 'string') throw new Error('expected a string');
  return v;
}

describe('agentmesh vectors.json: entry hashes', () => {
  for (const vector of list(vectors.agentmesh_entry_hash).map(obj)) {
    it(`${str(vector.name)}: canonical text and entry_hash`, () => {
      const input = buildEntryHashInput(obj(vector.fields) as Partial<Record<EntryHashField, JsonValue>>);
      const text = pythonCanonical(input, 'token');
      expect(text).toBe(str(vector.canonical_json));
      expect(nobleHash.sha256Hex(text)).toBe(str(vector.entry_hash));
    });
  }
});

describe('agentmesh vectors.json: file sink line', () => {
  const sink = obj(vectors.agentmesh_file_sink);
  const lineText = str(sink.jsonl_line).replace(/\n$/, '');
  const parsed = parseJson(lineText);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const line = obj(parsed.value);

  it('payload text, content_hash and HMAC over the hex text', () => {
    const payload = pythonCanonical(sinkPayload(line), 'token');
    expect(payload).toBe(str(sink.canonical_payload));
    expect(nobleHash.sha256Hex(payload)).toBe(str(sink.content_hash));
    const key = new TextEncoder().encode(str(sink.hmac_key_utf8));
    expect(nobleHash.hmacSha256Hex(key, str(sink.content_hash))).toBe(str(sink.signature));
    expect(line.previous_hash).toBe(str(sink.previous_hash));
  });

  it('a lossless re-serialization of the parsed line reproduces the line bytes', () => {
    expect(pythonDumps(line)).toBe(lineText);
  });
});

describe('agentmesh vectors.json: CloudEvent', () => {
  it('the entry hash recomputes from the envelope', () => {
    const ce = obj(vectors.agentmesh_cloudevent);
    const parsed = parseJson(str(ce.json));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const item = cloudEventItem(parsed.value, 0);
    if (!item.ok) throw new Error('envelope unreadable');
    expect(item.findings).toEqual([]);
    const hashes = item.candidates.map((c) => nobleHash.sha256Hex(pythonCanonical(c, 'token')));
    expect(hashes).toContain(str(ce.entry_hash));
    expect(item.storedHash).toBe(str(ce.entry_hash));
  });
});

describe('agentmesh vectors.json: Merkle roots and proofs', () => {
  const merkle = obj(vectors.agentmesh_merkle);
  const leaves = list(merkle.leaves).map(str);

  it('leaves follow the documented rule', () => {
    leaves.forEach((leaf, i) => expect(leaf).toBe(nobleHash.sha256Hex(`dev-leaf-${i}`)));
  });

  for (const root of list(merkle.roots).map(obj)) {
    const n = Number(String(root.n));
    it(`n=${n}: incremental root (not _rebuild_tree)`, () => {
      const ours = agentmeshMerkleRoot(leaves.slice(0, n), nobleHash);
      expect(ours).toBe(str(root.root));
      if (root.equal === false) expect(ours).not.toBe(str(root.rebuild_tree_root_NOT_USED));
    });
  }

  it('every proof for n=6 is produced exactly and verifies against root_n6', () => {
    const six = leaves.slice(0, 6);
    expect(agentmeshMerkleRoot(six, nobleHash)).toBe(str(merkle.root_n6));
    for (const p of list(merkle.proofs_n6).map(obj)) {
      const index = Number(String(p.index));
      const expected = list(p.proof).map((s) => list(s).map(str));
      expect(agentmeshMerkleProof(six, index, nobleHash)).toEqual(expected);
      const check = verifyAgentmeshProof(
        obj(parseOk(JSON.stringify({ entry_index: index, entry_hash: six[index], merkle_proof: expected }))),
        nobleHash,
        { entryCount: 6, root: str(merkle.root_n6) },
      );
      expect(check).toHaveLength(1);
      expect(check[0]?.reasons).toEqual([]);
      expect(check[0]?.ok).toBe(true);
    }
  });
});

function parseOk(text: string): JsonValue {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}
