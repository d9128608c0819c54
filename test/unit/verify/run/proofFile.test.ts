/** verify-proof documents: the AgentMesh scenario proofs (positive and negative) and RFC 9162 proof objects. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../../shared/json/parse';
import { isJsonArray, isJsonObject, type JsonValue } from '../../../../shared/json/value';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import { proofExitCode, verifyProofDocument } from '../../../../shared/verify/run/proofFile';

function json(text: string): JsonValue {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const proofsDoc = json(readFileSync('test/fixtures/agentmesh/scenario/proofs.json', 'utf8'));
const anchors = JSON.parse(readFileSync('test/fixtures/agentmesh/scenario/anchors.json', 'utf8')) as {
  in_memory_chain: { merkle_root: string; entry_count: number };
};
const PUBLISHED = {
  root: anchors.in_memory_chain.merkle_root,
  entryCount: anchors.in_memory_chain.entry_count,
};
const positives = isJsonObject(proofsDoc) && isJsonArray(proofsDoc.proofs) ? proofsDoc.proofs : [];
const negatives =
  isJsonObject(proofsDoc) && isJsonArray(proofsDoc.negative_proofs) ? proofsDoc.negative_proofs : [];

describe('AgentMesh get_proof() documents', () => {
  it('proofs.json: every positive proof verifies against the published root, every negative one fails', () => {
    const report = verifyProofDocument(proofsDoc, { hash: nobleHash, agentmesh: PUBLISHED });
    expect(report.results).toHaveLength(positives.length + negatives.length);
    expect(positives.length).toBe(12);
    const [good, bad] = [report.results.slice(0, 12), report.results.slice(12)];
    expect(good.every((r) => r.ok && r.kind === 'agentmesh-inclusion' && r.notes.length === 0)).toBe(true);
    expect(bad.map((r) => r.ok)).toEqual([false, false, false, false, false]);
    for (const r of bad) expect(r.reasons.length).toBeGreaterThan(0);
    expect(proofExitCode(report)).toBe(1);
  });

  it('a list of the positive proofs exits 0; one proof alone is one result; without a published root it says so', () => {
    const list = verifyProofDocument(positives, { hash: nobleHash, agentmesh: PUBLISHED });
    expect(list.results.map((r) => r.index)).toEqual(positives.map((_, i) => i));
    expect(proofExitCode(list)).toBe(0);
    const one = verifyProofDocument(positives[3] as JsonValue, { hash: nobleHash });
    expect(one.results).toHaveLength(1);
    expect(one.results[0]?.ok).toBe(true);
    expect(one.results[0]?.notes.join(' ')).toMatch(/self-consistency only/);
  });
});

// RFC 6962 reference data (google/certificate-transparency, transparency-dev/merkle testonly): leaf 5 of 8 and 6→8.
const ROOT8 = '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328';
const ROOT6 = '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef';
const inclusion = {
  type: 'rfc9162-inclusion',
  leaf: '40414243',
  index: 5,
  treeSize: 8,
  path: [
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  ],
  root: ROOT8,
};
const consistency = {
  type: 'rfc9162-consistency',
  size1: 6,
  size2: 8,
  proof: [
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  ],
  root1: ROOT6,
  root2: ROOT8,
};

describe('RFC 9162 proof objects', () => {
  const trusted = [{ treeSize: 8n, root: ROOT8 }];

  it('verifies inclusion and consistency; an untrusted root is noted as self-consistency only', () => {
    const report = verifyProofDocument(json(JSON.stringify([inclusion, consistency])), {
      hash: nobleHash,
      trustedTreeHeads: trusted,
    });
    expect(report.results.map((r) => [r.kind, r.ok])).toEqual([
      ['rfc9162-inclusion', true],
      ['rfc9162-consistency', true],
    ]);
    expect(report.results[0]?.notes).toEqual([]);
    expect(report.results[1]?.notes.join(' ')).toMatch(/size 6 is not anchored/);
    expect(proofExitCode(report)).toBe(0);
  });

  it('a tampered path, a wrong trusted root, a mixed list with garbage: each fails with a reason', () => {
    const badPath = { ...inclusion, path: [...inclusion.path.slice(0, 2), ROOT6] };
    const mixed = json(JSON.stringify([badPath, { hello: 1 }, null]));
    const report = verifyProofDocument(mixed, { hash: nobleHash });
    expect(report.results.map((r) => [r.kind, r.ok])).toEqual([
      ['rfc9162-inclusion', false],
      ['unrecognised', false],
      ['unrecognised', false],
    ]);
    expect(report.results[0]?.reasons.join(' ')).toMatch(/leads to root/);
    const wrongTrust = verifyProofDocument(json(JSON.stringify(inclusion)), {
      hash: nobleHash,
      trustedTreeHeads: [{ treeSize: 8n, root: ROOT6 }],
    });
    expect(wrongTrust.results[0]?.reasons.join(' ')).toMatch(/trusted tree head of size 8/);
    const malformed = verifyProofDocument(json('{"type":"rfc9162-inclusion","leafHash":"zz","index":-1}'), {
      hash: nobleHash,
    });
    expect(malformed.results[0]?.reasons.length).toBeGreaterThanOrEqual(3);
    expect(proofExitCode(verifyProofDocument(json('[]'), { hash: nobleHash }))).toBe(1);
  });
});
