import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agentmeshMerkleProof,
  agentmeshMerkleRoot,
  ceilLog2,
  MerkleAccumulator,
  ZERO_NODE,
} from '../../../../shared/verify/agentmesh/merkle';
import { verifyAgentmeshProof } from '../../../../shared/verify/agentmesh/proof';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import type { HashProvider } from '../../../../shared/verify/profile';
import { parseJson } from '../../../../shared/json/parse';

/** node:crypto, as the engine injects it. */
const nodeHash: HashProvider = {
  sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
  hmacSha256Hex: (key, message) => createHmac('sha256', key).update(message).digest('hex'),
};

/** formats/agentmesh.md §4 literally: node (k, j) is the zero string if j·2^k ≥ n, else the hash of its children. */
function rootByDefinition(leaves: string[]): string | null {
  const n = leaves.length;
  if (n === 0) return null;
  const height = ceilLog2(n);
  const node = (k: number, j: number): string => {
    if (j * 2 ** k >= n) return ZERO_NODE;
    if (k === 0) return leaves[j] as string;
    return nobleHash.sha256Hex(node(k - 1, 2 * j) + node(k - 1, 2 * j + 1));
  };
  return node(height, 0);
}

const leafList = fc.array(fc.stringMatching(/^[0-9a-f]{64}$/), { minLength: 0, maxLength: 40 });

describe('agentmesh incremental Merkle tree', () => {
  it('matches the definition for every n, including all-padding subtrees', () => {
    fc.assert(
      fc.property(leafList, (leaves) => agentmeshMerkleRoot(leaves, nobleHash) === rootByDefinition(leaves)),
    );
  });

  it('gives the root of every prefix while appending (checkpoint prefix roots)', () => {
    fc.assert(
      fc.property(leafList, (leaves) => {
        const acc = new MerkleAccumulator(nobleHash);
        for (let i = 0; i < leaves.length; i++) {
          if (acc.root() !== rootByDefinition(leaves.slice(0, i))) return false;
          acc.push(leaves[i] as string);
        }
        return acc.root() === rootByDefinition(leaves);
      }),
    );
  });

  it('n=0 is null, n=1 is the leaf itself', () => {
    expect(agentmeshMerkleRoot([], nobleHash)).toBeNull();
    expect(agentmeshMerkleRoot(['ab'.repeat(32)], nobleHash)).toBe('ab'.repeat(32));
  });

  it('every generated proof verifies, has ceil(log2 n) steps, and fails for the neighbouring leaf', () => {
    fc.assert(
      fc.property(
        leafList.filter((l) => l.length >= 2 && new Set(l).size === l.length),
        fc.nat(),
        (leaves, pick) => {
          const index = pick % leaves.length;
          const root = agentmeshMerkleRoot(leaves, nobleHash) as string;
          const steps = agentmeshMerkleProof(leaves, index, nobleHash);
          const proof = (leaf: string) =>
            verifyAgentmeshProof(proofValue(index, leaf, steps), nobleHash, {
              entryCount: leaves.length,
              root,
            })[0];
          const other = leaves[(index + 1) % leaves.length] as string;
          return (
            steps.length === ceilLog2(leaves.length) &&
            proof(leaves[index] as string)?.ok === true &&
            proof(other)?.ok === false
          );
        },
      ),
    );
  });

  it('1M leaves with node:crypto in a few seconds', () => {
    const leaves = Array.from({ length: 1_000_000 }, (_, i) => nodeHash.sha256Hex(String(i)));
    const started = performance.now();
    const root = agentmeshMerkleRoot(leaves, nodeHash);
    const ms = performance.now() - started;
    console.log(`agentmesh Merkle root of 1,000,000 leaves (node:crypto): ${ms.toFixed(0)} ms`);
    expect(root).toMatch(/^[0-9a-f]{64}$/);
    expect(ms).toBeLessThan(6000);
  });
});

function proofValue(index: number, leaf: string, steps: [string, string][]) {
  const parsed = parseJson(JSON.stringify({ entry_index: index, entry_hash: leaf, merkle_proof: steps }));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}
