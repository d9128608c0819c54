/**
 * The JSON shape Casefile accepts for RFC 9162 proofs in `casefile verify-proof` (hex strings,
 * integer sizes), checked with shared/verify/standards/rfc9162:
 *
 *   {"type":"rfc9162-inclusion", "leafHash":"<hex>" | "leaf":"<hex of the entry bytes>",
 *    "index":N, "treeSize":N, "path":["<hex>",…], "root":"<hex>"}
 *   {"type":"rfc9162-consistency", "size1":N, "size2":N, "proof":["<hex>",…],
 *    "root1":"<hex>", "root2":"<hex>"}
 */
import { isJsonArray, JsonNumber, type JsonObject, type JsonValue } from '../../json/value';
import { leafHash, verifyConsistency, verifyInclusion, type ProofCheck } from '../standards/rfc9162';

export const RFC9162_INCLUSION = 'rfc9162-inclusion';
export const RFC9162_CONSISTENCY = 'rfc9162-consistency';

/** A tree head the user trusts (from a verified checkpoint or a published anchor). */
export interface TrustedTreeHead {
  treeSize: bigint;
  /** Lowercase hex. */
  root: string;
}

export interface Rfc9162Outcome {
  ok: boolean;
  reasons: string[];
  notes: string[];
}

function hexBytes(v: JsonValue | undefined): Uint8Array | null {
  if (typeof v !== 'string' || !/^(?:[0-9a-fA-F]{2})*$/.test(v)) return null;
  const out = new Uint8Array(v.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(v.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function size(v: JsonValue | undefined): bigint | null {
  return v instanceof JsonNumber && v.isInteger && !v.token.startsWith('-') ? v.toBigInt() : null;
}

function hexList(v: JsonValue | undefined): Uint8Array[] | null {
  if (!isJsonArray(v)) return null;
  const list = v.map(hexBytes);
  return list.every((x): x is Uint8Array => x !== null) ? list : null;
}

function outcome(check: ProofCheck, reasons: string[], notes: string[]): Rfc9162Outcome {
  if (!check.ok) reasons.push(check.reason);
  return { ok: reasons.length === 0, reasons, notes };
}

/** Notes when a root the proof ends at is not one the user trusts: then it proves self-consistency only. */
function anchorNote(
  treeSize: bigint,
  root: string,
  trusted: readonly TrustedTreeHead[],
  reasons: string[],
): string[] {
  const same = trusted.find((t) => t.treeSize === treeSize);
  if (same && same.root !== root.toLowerCase()) {
    reasons.push(
      `the trusted tree head of size ${treeSize} has root ${same.root}, not ${root.toLowerCase()}`,
    );
    return [];
  }
  if (same) return [];
  return [
    `root ${root.toLowerCase()} of size ${treeSize} is not anchored: the proof shows self-consistency only`,
  ];
}

export function checkRfc9162Inclusion(obj: JsonObject, trusted: readonly TrustedTreeHead[]): Rfc9162Outcome {
  const reasons: string[] = [];
  const given = hexBytes(obj.leafHash);
  const data = hexBytes(obj.leaf);
  const leaf = given ?? (data ? leafHash(data) : null);
  const index = size(obj.index);
  const treeSize = size(obj.treeSize);
  const path = hexList(obj.path);
  const root = hexBytes(obj.root);
  if (!leaf) reasons.push('needs "leafHash" or "leaf" as hex');
  if (index === null || treeSize === null)
    reasons.push('"index" and "treeSize" must be non-negative integers');
  if (!path) reasons.push('"path" must be a list of hex strings');
  if (!root) reasons.push('"root" must be hex');
  if (!leaf || index === null || treeSize === null || !path || !root)
    return { ok: false, reasons, notes: [] };
  const notes = anchorNote(treeSize, obj.root as string, trusted, reasons);
  return outcome(verifyInclusion(leaf, index, treeSize, path, root), reasons, notes);
}

export function checkRfc9162Consistency(
  obj: JsonObject,
  trusted: readonly TrustedTreeHead[],
): Rfc9162Outcome {
  const reasons: string[] = [];
  const size1 = size(obj.size1);
  const size2 = size(obj.size2);
  const proof = hexList(obj.proof);
  const root1 = hexBytes(obj.root1);
  const root2 = hexBytes(obj.root2);
  if (size1 === null || size2 === null) reasons.push('"size1" and "size2" must be non-negative integers');
  if (!proof) reasons.push('"proof" must be a list of hex strings');
  if (!root1 || !root2) reasons.push('"root1" and "root2" must be hex');
  if (size1 === null || size2 === null || !proof || !root1 || !root2)
    return { ok: false, reasons, notes: [] };
  const notes = [
    ...anchorNote(size1, obj.root1 as string, trusted, reasons),
    ...anchorNote(size2, obj.root2 as string, trusted, reasons),
  ];
  return outcome(verifyConsistency(size1, size2, proof, root1, root2), reasons, notes);
}
