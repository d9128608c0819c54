/**
 * Checks AgentMesh inclusion proofs (`AuditLog.get_proof()` objects, formats/agentmesh.md §4):
 * fold `cur = sha256(cur + sib)` when the SIBLING is "right", else `sha256(sib + cur)`, compare
 * with the root exactly (case matters). Because the tree has no domain separation, the proof
 * length must also be ceil(log2 n) and each side must match the leaf index when both are known.
 */
import { isJsonArray, isJsonObject, JsonNumber, type JsonObject, type JsonValue } from '../../json/value';
import { checkPythonHash } from '../chain/pythonHash';
import type { HashProvider } from '../profile';
import { exportEntryHashInput } from './entryHash';
import { exportNumberMode } from './exportEntry';
import { ceilLog2 } from './merkle';

export interface ProofOptions {
  /** Entries in the log the proof is against (enables the length check). */
  entryCount?: number;
  /** A root from a published anchor: the proof must reach it (and agree with any root it carries). */
  root?: string;
}

export interface ProofResult {
  /** Position of the proof in the input (the list, or `proofs` then `negative_proofs`). */
  index: number;
  entryIndex?: number;
  entryId?: string;
  ok: boolean;
  /** Why it failed, in plain words (empty when ok). */
  reasons: string[];
  /** What could not be checked (e.g. no entry count, so no length check). */
  notes: string[];
}

function str(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function int(v: JsonValue | undefined): number | undefined {
  return v instanceof JsonNumber && v.isInteger ? v.toDouble() : undefined;
}

/** The proof objects in the input, with defaults from a `proofs.json`-style wrapper document. */
function collect(input: JsonValue, options: ProofOptions): { proof: JsonObject; options: ProofOptions }[] {
  if (isJsonArray(input)) return input.filter(isJsonObject).map((proof) => ({ proof, options }));
  if (!isJsonObject(input)) return [];
  if (!isJsonArray(input.proofs) && !isJsonArray(input.negative_proofs)) return [{ proof: input, options }];
  const wrapped: ProofOptions = {
    ...options,
    entryCount: options.entryCount ?? int(input.entry_count),
    root: options.root ?? str(input.merkle_root),
  };
  const all = [
    ...(isJsonArray(input.proofs) ? input.proofs : []),
    ...(isJsonArray(input.negative_proofs) ? input.negative_proofs : []),
  ];
  return all.filter(isJsonObject).map((proof) => ({ proof, options: wrapped }));
}

function checkOne(proof: JsonObject, options: ProofOptions, index: number, hash: HashProvider): ProofResult {
  const reasons: string[] = [];
  const notes: string[] = [];
  const entry = isJsonObject(proof.entry) ? proof.entry : undefined;
  const entryIndex = int(proof.entry_index);
  const entryId = str(proof.entry_id) ?? str(entry?.entry_id);
  const leaf = str(proof.entry_hash) ?? str(entry?.entry_hash);
  if (
    entry &&
    str(entry.entry_hash) !== undefined &&
    str(proof.entry_hash) !== undefined &&
    entry.entry_hash !== proof.entry_hash
  ) {
    reasons.push("the proof's entry_hash differs from its entry's entry_hash");
  }
  if (entry && leaf !== undefined) {
    const check = checkPythonHash(exportEntryHashInput(entry), leaf, hash, exportNumberMode([entry]));
    if (!check.matches)
      reasons.push(`the entry's covered fields hash to ${check.recomputed}, not to the proven entry_hash`);
  }
  const ownRoot = str(proof.merkle_root) ?? str(proof.root_hash);
  const root = options.root ?? ownRoot;
  if (options.root !== undefined && ownRoot !== undefined && ownRoot !== options.root)
    reasons.push(`the proof carries root ${ownRoot}, the expected root is ${options.root}`);
  const steps = isJsonArray(proof.merkle_proof) ? proof.merkle_proof : undefined;
  const pairs = steps?.map((s) =>
    isJsonArray(s) && s.length === 2 && typeof s[0] === 'string' && typeof s[1] === 'string'
      ? [s[0], s[1]]
      : null,
  );
  if (leaf === undefined) reasons.push('no entry_hash to prove');
  if (root === undefined) reasons.push('no root to prove against');
  if (pairs === undefined || pairs.some((p) => p === null))
    reasons.push('merkle_proof is not a list of [sibling, position] pairs');
  if (options.entryCount === undefined) notes.push('entry count unknown: proof length not checked');
  else if (pairs !== undefined && pairs.length !== ceilLog2(options.entryCount)) {
    reasons.push(
      `the proof has ${pairs.length} steps, a tree of ${options.entryCount} entries needs ${ceilLog2(options.entryCount)}`,
    );
  }
  if (entryIndex !== undefined && options.entryCount !== undefined && entryIndex >= options.entryCount) {
    reasons.push(`entry index ${entryIndex} is outside a log of ${options.entryCount} entries`);
  }
  if (leaf !== undefined && root !== undefined && pairs !== undefined && pairs.every((p) => p !== null)) {
    let cur = leaf;
    pairs.forEach((pair, k) => {
      const [sibling, side] = pair as [string, string];
      if (entryIndex !== undefined) {
        const expected = (Math.floor(entryIndex / 2 ** k) & 1) === 0 ? 'right' : 'left';
        if (side !== expected)
          reasons.push(
            `step ${k} puts the sibling on the ${side}; for entry ${entryIndex} it is on the ${expected}`,
          );
      }
      cur = hash.sha256Hex(side === 'right' ? cur + sibling : sibling + cur);
    });
    if (cur !== root) reasons.push(`the proof folds to ${cur}, not to the root ${root}`);
  }
  return {
    index,
    ...(entryIndex === undefined ? {} : { entryIndex }),
    ...(entryId === undefined ? {} : { entryId }),
    ok: reasons.length === 0,
    reasons,
    notes,
  };
}

/** Checks one proof, a list of proofs, or a `{merkle_root, entry_count, proofs, negative_proofs}` document. */
export function verifyAgentmeshProof(
  input: JsonValue,
  hash: HashProvider,
  options: ProofOptions = {},
): ProofResult[] {
  return collect(input, options).map((p, i) => checkOne(p.proof, p.options, i, hash));
}
