import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../../shared/json/parse';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../../../shared/json/value';
import { verifyAgentmeshProof } from '../../../../shared/verify/agentmesh/proof';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import { AM, readJsonValue } from './context';

const doc = readJsonValue(`${AM}/scenario/proofs.json`) as JsonObject;
const positives = (doc.proofs as JsonValue[]).filter(isJsonObject);
const negatives = (doc.negative_proofs as JsonValue[]).filter(isJsonObject);

function value(text: string): JsonValue {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe('verifyAgentmeshProof on scenario/proofs.json', () => {
  const results = verifyAgentmeshProof(doc, nobleHash);

  it('reads all 12 positive and 5 negative proofs from the document', () => {
    expect(positives).toHaveLength(12);
    expect(negatives).toHaveLength(5);
    expect(results).toHaveLength(17);
  });

  it('every positive proof passes: entry content, 10 steps, sides match the index, folds to the root', () => {
    results.slice(0, 12).forEach((r, i) => {
      expect(r.reasons, `proof for entry ${String(positives[i]?.entry_index)}`).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.notes).toEqual([]);
    });
  });

  it('every negative proof fails, each for its own reason', () => {
    const failed = results.slice(12);
    failed.forEach((r) => expect(r.ok).toBe(false));
    const reasonFor = (fragment: string) =>
      failed[negatives.findIndex((n) => String(n.case).includes(fragment))]?.reasons.join(' ') ?? '';
    expect(reasonFor('position of step 2 flipped')).toMatch(/step 2 puts the sibling on the/);
    expect(reasonFor('sibling hash altered')).toMatch(/folds to/);
    expect(reasonFor("entry 430's hash")).toMatch(/folds to/);
    expect(reasonFor('upper-case')).toMatch(/folds to/);
    expect(reasonFor('truncated')).toMatch(/has 9 steps, a tree of 600 entries needs 10/);
    negatives.forEach((n) => expect(String(n.expected_verified)).toBe('false'));
  });

  it('a bare get_proof() object ({entry, merkle_proof, merkle_root}) passes; its length is checked only with a count', () => {
    const p = positives[7] as JsonObject;
    const bare = value(
      JSON.stringify({
        entry: toPlain(p.entry),
        merkle_proof: toPlain(p.merkle_proof),
        merkle_root: toPlain(p.merkle_root),
        verified: true,
      }),
    );
    const [alone] = verifyAgentmeshProof(bare, nobleHash);
    expect(alone?.ok).toBe(true);
    expect(alone?.notes.join(' ')).toMatch(/length not checked/);
    const [counted] = verifyAgentmeshProof(bare, nobleHash, { entryCount: 600 });
    expect(counted?.ok).toBe(true);
    expect(counted?.notes).toEqual([]);
    const [otherRoot] = verifyAgentmeshProof(bare, nobleHash, { root: 'f'.repeat(64) });
    expect(otherRoot?.ok).toBe(false);
  });

  it('an edited entry inside a proof is caught even though the hashes still fold', () => {
    const p = toPlain(positives[3] as JsonObject) as Record<string, Record<string, unknown>>;
    expect(verifyAgentmeshProof(value(JSON.stringify(p)), nobleHash, { entryCount: 600 })[0]?.ok).toBe(true);
    (p.entry as Record<string, unknown>).action = 'tampered-action';
    const [r] = verifyAgentmeshProof(value(JSON.stringify(p)), nobleHash, { entryCount: 600 });
    expect(r?.ok).toBe(false);
    expect(r?.reasons.join(' ')).toMatch(/covered fields hash to/);
  });

  it('hostile shapes fail as values, never throw', () => {
    for (const text of [
      'null',
      '[1, "x", {}]',
      '{"merkle_proof": "nope", "entry_hash": 5}',
      '{"merkle_proof": [[1, 2]], "entry_hash": "ab", "merkle_root": "cd"}',
    ]) {
      const results = verifyAgentmeshProof(value(text), nobleHash);
      results.forEach((r) => expect(r.ok).toBe(false));
    }
  });
});

/** A lossless value back to plain JSON-able data (numbers via their tokens). */
function toPlain(v: JsonValue | undefined): unknown {
  if (isJsonArray(v)) return v.map(toPlain);
  if (isJsonObject(v)) return Object.fromEntries(Object.keys(v).map((k) => [k, toPlain(v[k])]));
  if (v !== null && typeof v === 'object') return Number(v.token);
  return v;
}
