/**
 * RFC 9162 (Certificate Transparency v2) Merkle tree: leaf and node hashes over raw bytes, the
 * tree head of a list of leaves, and verification of inclusion and consistency proofs.
 *
 * Not the AgentMesh tree (formats/agentmesh.md §4): that one hashes hex TEXT with no domain
 * separation and pads with a literal zero string. This module is the standard one only.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** SHA-256 over raw bytes; injectable so the engine can use node:crypto. */
export type Sha256Bytes = (data: Uint8Array) => Uint8Array;

export const HASH_SIZE = 32;

/** A proof check: `ok`, or the reason it failed in plain words. */
export type ProofCheck = { ok: true } | { ok: false; reason: string };

const defaultSha: Sha256Bytes = (data) => sha256(data);

function prefixed(prefix: number, ...parts: Uint8Array[]): Uint8Array {
  const size = parts.reduce((n, p) => n + p.length, 1);
  const out = new Uint8Array(size);
  out[0] = prefix;
  let at = 1;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** RFC 9162 §2.1.1: MTH({d}) = HASH(0x00 || d). */
export function leafHash(entry: Uint8Array, hash: Sha256Bytes = defaultSha): Uint8Array {
  return hash(prefixed(0x00, entry));
}

/** RFC 9162 §2.1.1: an interior node is HASH(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array, hash: Sha256Bytes = defaultSha): Uint8Array {
  return hash(prefixed(0x01, left, right));
}

/** The largest power of two strictly smaller than n (n > 1), RFC 9162 §2.1.1 `k`. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * RFC 9162 §2.1.1 tree head over already-hashed leaves (`leafHash` of each entry).
 * The empty tree's head is HASH() of no bytes.
 */
export function rootFromLeafHashes(
  leafHashes: readonly Uint8Array[],
  hash: Sha256Bytes = defaultSha,
): Uint8Array {
  if (leafHashes.length === 0) return hash(new Uint8Array(0));
  return subtreeRoot(leafHashes, 0, leafHashes.length, hash);
}

/** Tree head over raw entries: each is leaf-hashed first. */
export function rootFromEntries(entries: readonly Uint8Array[], hash: Sha256Bytes = defaultSha): Uint8Array {
  return rootFromLeafHashes(
    entries.map((e) => leafHash(e, hash)),
    hash,
  );
}

function subtreeRoot(
  leaves: readonly Uint8Array[],
  start: number,
  end: number,
  hash: Sha256Bytes,
): Uint8Array {
  const n = end - start;
  if (n === 1) return leaves[start] as Uint8Array;
  const k = splitPoint(n);
  return nodeHash(
    subtreeRoot(leaves, start, start + k, hash),
    subtreeRoot(leaves, start + k, end, hash),
    hash,
  );
}

/** A tree size or index as a non-negative bigint, or null when it is not one. */
export function toTreeInt(value: number | bigint): bigint | null {
  if (typeof value === 'bigint') return value >= 0n ? value : null;
  return Number.isSafeInteger(value) && value >= 0 ? BigInt(value) : null;
}

function badHashes(what: string, list: readonly Uint8Array[]): string | null {
  const i = list.findIndex((h) => h.length !== HASH_SIZE);
  return i < 0 ? null : `${what} ${i} is ${list[i]?.length ?? 0} bytes, not ${HASH_SIZE}`;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

/** Right-shifts fn and sn together until fn's lowest bit is set or fn is 0 (RFC 9162 §2.1.3.2 step 4.b.ii). */
function shiftWhileEven(fn: bigint, sn: bigint): [bigint, bigint] {
  while ((fn & 1n) === 0n && fn !== 0n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  return [fn, sn];
}

/** RFC 9162 §2.1.3.2: verifies that `leaf` (a leaf hash) is at `index` in the tree of `treeSize` with head `root`. */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number | bigint,
  treeSize: number | bigint,
  path: readonly Uint8Array[],
  root: Uint8Array,
  hash: Sha256Bytes = defaultSha,
): ProofCheck {
  const i = toTreeInt(index);
  const n = toTreeInt(treeSize);
  if (i === null || n === null)
    return { ok: false, reason: 'index and tree size must be non-negative integers' };
  if (i >= n) return { ok: false, reason: `index ${i} is not inside a tree of size ${n}` };
  const malformed = badHashes('path element', path) ?? badHashes('hash', [leaf, root]);
  if (malformed) return { ok: false, reason: malformed };
  let fn = i;
  let sn = n - 1n;
  let r = leaf;
  for (const p of path) {
    if (sn === 0n) return { ok: false, reason: `the path has more elements than a tree of size ${n} needs` };
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r, hash);
      if ((fn & 1n) === 0n) [fn, sn] = shiftWhileEven(fn, sn);
    } else {
      r = nodeHash(r, p, hash);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return { ok: false, reason: `the path is too short for index ${i} in a tree of size ${n}` };
  if (!equalBytes(r, root)) {
    return { ok: false, reason: `the path leads to root ${bytesToHex(r)}, not to ${bytesToHex(root)}` };
  }
  return { ok: true };
}

/**
 * RFC 9162 §2.1.4.2: verifies that the tree of `size2` with head `root2` extends the tree of
 * `size1` with head `root1`. Equal sizes need an empty proof and equal heads; size1 = 0 is
 * consistent with everything and needs an empty proof (as transparency-dev/merkle does).
 */
export function verifyConsistency(
  size1: number | bigint,
  size2: number | bigint,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
  hash: Sha256Bytes = defaultSha,
): ProofCheck {
  const m = toTreeInt(size1);
  const n = toTreeInt(size2);
  if (m === null || n === null) return { ok: false, reason: 'tree sizes must be non-negative integers' };
  if (m > n) return { ok: false, reason: `the first tree (${m}) is larger than the second (${n})` };
  const malformed = badHashes('proof element', proof) ?? badHashes('root', [root1, root2]);
  if (malformed) return { ok: false, reason: malformed };
  if (m === n) {
    if (proof.length > 0) return { ok: false, reason: 'equal tree sizes need an empty proof' };
    return equalBytes(root1, root2)
      ? { ok: true }
      : { ok: false, reason: 'equal tree sizes but different roots' };
  }
  if (m === 0n) {
    return proof.length === 0 ? { ok: true } : { ok: false, reason: 'the empty tree needs an empty proof' };
  }
  if (proof.length === 0) return { ok: false, reason: 'the consistency proof is empty' };
  return walkConsistency(m, n, proof, root1, root2, hash);
}

/** The iteration of RFC 9162 §2.1.4.2 steps 2–7, for 0 < m < n and a non-empty proof. */
function walkConsistency(
  m: bigint,
  n: bigint,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
  hash: Sha256Bytes,
): ProofCheck {
  // Step 2: when m is a power of two, the first tree is a complete subtree: its head starts the path.
  const path = (m & (m - 1n)) === 0n ? [root1, ...proof] : [...proof];
  let fn = m - 1n;
  let sn = n - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0n) return { ok: false, reason: `the proof has more elements than sizes ${m} → ${n} need` };
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr, hash);
      sr = nodeHash(c, sr, hash);
      if ((fn & 1n) === 0n) [fn, sn] = shiftWhileEven(fn, sn);
    } else {
      sr = nodeHash(sr, c, hash);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return { ok: false, reason: `the proof is too short for sizes ${m} → ${n}` };
  if (!equalBytes(fr, root1)) {
    return { ok: false, reason: `the proof rebuilds first root ${bytesToHex(fr)}, not ${bytesToHex(root1)}` };
  }
  if (!equalBytes(sr, root2)) {
    return {
      ok: false,
      reason: `the proof rebuilds second root ${bytesToHex(sr)}, not ${bytesToHex(root2)}`,
    };
  }
  return { ok: true };
}
