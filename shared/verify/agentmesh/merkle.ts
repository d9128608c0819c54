/**
 * AgentMesh's incremental Merkle tree (formats/agentmesh.md §4): leaves are the entry-hash hex
 * strings as they are, a node is sha256 over the 128-character hex TEXT of its two children,
 * and every node whose subtree holds no real leaf is the literal string of 64 '0's.
 * NOT the textbook padded tree and NOT the producer's unused `_rebuild_tree`.
 */
import type { HashProvider } from '../profile';

/** The literal padding node: 64 ASCII zeros, never a hash (formats/agentmesh.md §4). */
export const ZERO_NODE = '0'.repeat(64);

/**
 * Appends leaves one at a time and answers the root of the leaves so far in O(log n) hashes,
 * so prefix roots (in-chain checkpoints) cost nothing extra while walking a log once.
 * `complete[k]` holds the root of a full subtree of 2^k real leaves waiting for its right sibling.
 */
export class MerkleAccumulator {
  private readonly complete: (string | undefined)[] = [];
  private leaves = 0;

  constructor(private readonly hash: HashProvider) {}

  get count(): number {
    return this.leaves;
  }

  push(leaf: string): void {
    let node = leaf;
    let level = 0;
    while (this.complete[level] !== undefined) {
      node = this.hash.sha256Hex((this.complete[level] as string) + node);
      this.complete[level] = undefined;
      level++;
    }
    this.complete[level] = node;
    this.leaves++;
  }

  /** Root of the leaves pushed so far: null for none, the leaf itself for one. */
  root(): string | null {
    const n = this.leaves;
    if (n === 0) return null;
    const height = ceilLog2(n);
    // `partial` is the node at the current level covering the rightmost, incomplete block.
    let partial: string | null = null;
    for (let level = 0; level < height; level++) {
      const left = this.complete[level];
      if (left !== undefined) {
        partial = this.hash.sha256Hex(left + (partial ?? ZERO_NODE));
      } else if (partial !== null) {
        // Its right sibling lies wholly in the padding, so it is the literal zero string.
        partial = this.hash.sha256Hex(partial + ZERO_NODE);
      }
    }
    return partial ?? (this.complete[height] as string);
  }
}

/** ceil(log2 n) for n ≥ 1: the tree height, and the length every proof must have. */
export function ceilLog2(n: number): number {
  let height = 0;
  while (2 ** height < n) height++;
  return height;
}

/** The root `get_root_hash()` / `merkle_root` / `chain_root` would publish for these leaves. */
export function agentmeshMerkleRoot(leaves: Iterable<string>, hash: HashProvider): string | null {
  const acc = new MerkleAccumulator(hash);
  for (const leaf of leaves) acc.push(leaf);
  return acc.root();
}

export type ProofStep = [sibling: string, position: 'left' | 'right'];

/**
 * The proof `get_proof()` returns for leaf `index`: from the leaf level up, the sibling at
 * `(index >> k) ^ 1` and the side the SIBLING sits on (formats/agentmesh.md §4).
 */
export function agentmeshMerkleProof(
  leaves: readonly string[],
  index: number,
  hash: HashProvider,
): ProofStep[] {
  const n = leaves.length;
  if (index < 0 || index >= n) return [];
  const height = ceilLog2(n);
  let level: string[] = leaves.slice();
  const proof: ProofStep[] = [];
  for (let k = 0; k < height; k++) {
    const position = (index >> k) % 2 === 0 ? 'right' : 'left';
    proof.push([level[(index >> k) ^ 1] ?? ZERO_NODE, position]);
    const next: string[] = [];
    for (let j = 0; j < level.length; j += 2) {
      const right = level[j + 1];
      next.push(hash.sha256Hex(level[j] + (right ?? ZERO_NODE)));
    }
    level = next;
  }
  return proof;
}
