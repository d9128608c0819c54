/**
 * C2SP `tlog-checkpoint`: a signed note whose text is origin, decimal tree size, base64 root
 * hash and optional extension lines. A checkpoint verified with a trusted key becomes a
 * published anchor (`ChainAnchor`) whose description says which tree the root belongs to.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ChainAnchor } from '../types';
import { decodeBase64 } from './base64';
import { parseSignedNote, verifyNote, type NoteVerifierKey, type Parsed } from './signedNote';

export interface Checkpoint {
  origin: string;
  size: bigint;
  rootHash: Uint8Array;
  extensions: string[];
}

export interface VerifiedCheckpoint {
  checkpoint: Checkpoint;
  /** `name+keyid` of each trusted key whose signature verified. */
  signedBy: string[];
}

export type CheckpointResult = { ok: true; value: VerifiedCheckpoint } | { ok: false; reason: string };

const UINT64_MAX = (1n << 64n) - 1n;

/** Parses the note text of a checkpoint (C2SP tlog-checkpoint §Note text). */
export function parseCheckpointText(text: string): Parsed<Checkpoint> {
  if (!text.endsWith('\n')) return { ok: false, reason: 'the checkpoint text does not end with a newline' };
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3)
    return { ok: false, reason: 'a checkpoint needs origin, tree size and root hash lines' };
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin === '') return { ok: false, reason: 'the origin line is empty' };
  // Tree size: ASCII decimal, no leading zeroes unless the tree is empty.
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText)) {
    return { ok: false, reason: `tree size "${sizeText}" is not a decimal number without leading zeros` };
  }
  const size = BigInt(sizeText);
  if (size > UINT64_MAX) return { ok: false, reason: `tree size ${sizeText} does not fit in 64 bits` };
  const rootHash = decodeBase64(rootText);
  if (!rootHash) return { ok: false, reason: `root hash "${rootText}" is not valid base64` };
  if (rootHash.length !== 32)
    return { ok: false, reason: `the root hash is ${rootHash.length} bytes, not 32` };
  if (extensions.some((l) => l === '')) return { ok: false, reason: 'an extension line is empty' };
  return { ok: true, value: { origin, size, rootHash, extensions } };
}

export interface CheckpointOptions {
  /** When set, the checkpoint's origin must be exactly this. */
  expectedOrigin?: string;
}

/** Parses a signed checkpoint and verifies it against trusted Ed25519 note keys. */
export function verifyCheckpoint(
  message: string,
  trusted: readonly NoteVerifierKey[],
  options: CheckpointOptions = {},
): CheckpointResult {
  const note = parseSignedNote(message);
  if (!note.ok) return { ok: false, reason: `not a signed note: ${note.reason}` };
  const parsed = parseCheckpointText(note.value.text);
  if (!parsed.ok) return { ok: false, reason: `not a checkpoint: ${parsed.reason}` };
  const checkpoint = parsed.value;
  if (options.expectedOrigin !== undefined && checkpoint.origin !== options.expectedOrigin) {
    return {
      ok: false,
      reason: `origin "${checkpoint.origin}" is not the expected "${options.expectedOrigin}"`,
    };
  }
  const verification = verifyNote(note.value, trusted);
  if (!verification.ok) return { ok: false, reason: verification.reason ?? 'the signatures do not verify' };
  return { ok: true, value: { checkpoint, signedBy: verification.verifiedBy } };
}

/**
 * Which tree the checkpoint's root commits to. C2SP says RFC 6962/9162, but a deployment may
 * publish an AgentMesh root in a checkpoint; that root is over hex text with no domain
 * separation (formats/agentmesh.md §4), so it is only comparable with an AgentMesh root.
 */
export type CheckpointTree = 'rfc9162' | 'agentmesh';

const TREE_WORDS: Record<CheckpointTree, string> = {
  rfc9162: 'an RFC 9162 tree (leaf = SHA-256(0x00 ‖ entry), node = SHA-256(0x01 ‖ left ‖ right))',
  agentmesh:
    'an AgentMesh Merkle tree (node = SHA-256 of the two hex strings, literal zero padding), not an RFC 9162 tree',
};

export interface CheckpointAnchor {
  anchor: ChainAnchor;
  /** For `verifiedAgainst.anchors` / `anchorsUsed`. */
  description: string;
}

/**
 * A verified checkpoint as a published anchor for `chain` (`*`, a file path or a run id):
 * count = tree size, root = lowercase hex of the root hash. Null when the size exceeds what a
 * report can state exactly (2^53).
 */
export function checkpointAnchor(
  verified: VerifiedCheckpoint,
  chain: string,
  tree: CheckpointTree,
): { ok: true; value: CheckpointAnchor } | { ok: false; reason: string } {
  const { origin, size, rootHash } = verified.checkpoint;
  if (size > BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, reason: `tree size ${size} is too large to compare with a record count` };
  }
  const root = bytesToHex(rootHash);
  const description =
    `C2SP checkpoint origin "${origin}" size ${size} root ${root}, signed by ${verified.signedBy.join(', ')}; ` +
    `the root commits to ${TREE_WORDS[tree]}`;
  return { ok: true, value: { anchor: { chain, count: Number(size), root }, description } };
}
