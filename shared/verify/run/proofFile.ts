/**
 * `casefile verify-proof <file>`: recognises the proofs in a parsed JSON document — AgentMesh
 * `get_proof()` objects (one, a list, or a `proofs.json` wrapper; formats/agentmesh.md §4) and
 * RFC 9162 inclusion/consistency objects (rfc9162ProofJson.ts) — and checks each one. Exit 0
 * only when there is at least one proof and every proof verifies.
 */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../json/value';
import { verifyAgentmeshProof, type ProofOptions } from '../agentmesh/proof';
import type { HashProvider } from '../profile';
import {
  checkRfc9162Consistency,
  checkRfc9162Inclusion,
  RFC9162_CONSISTENCY,
  RFC9162_INCLUSION,
  type TrustedTreeHead,
} from './rfc9162ProofJson';

export type ProofKind = 'agentmesh-inclusion' | 'rfc9162-inclusion' | 'rfc9162-consistency' | 'unrecognised';

export interface ProofFileResult {
  /** Position of the proof in the document (list order; for a wrapper, `proofs` then `negative_proofs`). */
  index: number;
  kind: ProofKind;
  ok: boolean;
  /** Why it failed, in plain words (empty when ok). */
  reasons: string[];
  /** What was not checked or not anchored (a self-asserted root proves self-consistency only). */
  notes: string[];
  entryIndex?: number;
  entryId?: string;
}

export interface ProofFileReport {
  results: ProofFileResult[];
  allVerified: boolean;
}

export interface ProofFileOptions {
  hash: HashProvider;
  /** AgentMesh: the log's entry count and published root (enables the length check and anchoring). */
  agentmesh?: ProofOptions;
  /** RFC 9162: tree heads the user trusts (verified checkpoints, published anchors). */
  trustedTreeHeads?: readonly TrustedTreeHead[];
}

function isAgentmeshProof(v: JsonValue): v is JsonObject {
  return isJsonObject(v) && Object.hasOwn(v, 'merkle_proof');
}

function isAgentmeshWrapper(v: JsonValue): boolean {
  return (
    isJsonObject(v) && (isJsonArray(v.proofs) || isJsonArray(v.negative_proofs)) && !Object.hasOwn(v, 'type')
  );
}

function agentmeshResults(doc: JsonValue, first: number, options: ProofFileOptions): ProofFileResult[] {
  return verifyAgentmeshProof(doc, options.hash, options.agentmesh ?? {}).map((r) => {
    const notes = [...r.notes];
    if (options.agentmesh?.root === undefined) {
      notes.push(
        'no published root was given: the proof is checked against the root it carries (self-consistency only)',
      );
    }
    return {
      index: first + r.index,
      kind: 'agentmesh-inclusion',
      ok: r.ok,
      reasons: r.reasons,
      notes,
      ...(r.entryIndex === undefined ? {} : { entryIndex: r.entryIndex }),
      ...(r.entryId === undefined ? {} : { entryId: r.entryId }),
    };
  });
}

function oneResult(item: JsonValue, index: number, options: ProofFileOptions): ProofFileResult[] {
  const trusted = options.trustedTreeHeads ?? [];
  if (isJsonObject(item) && item.type === RFC9162_INCLUSION) {
    return [{ index, kind: 'rfc9162-inclusion', ...checkRfc9162Inclusion(item, trusted) }];
  }
  if (isJsonObject(item) && item.type === RFC9162_CONSISTENCY) {
    return [{ index, kind: 'rfc9162-consistency', ...checkRfc9162Consistency(item, trusted) }];
  }
  if (isAgentmeshProof(item)) return agentmeshResults(item, index, options);
  return [
    {
      index,
      kind: 'unrecognised',
      ok: false,
      reasons: [
        `not a proof Casefile knows: expected an AgentMesh get_proof() object (with "merkle_proof") or {"type": "${RFC9162_INCLUSION}" | "${RFC9162_CONSISTENCY}", …}`,
      ],
      notes: [],
    },
  ];
}

/** Checks every proof in `doc`. */
export function verifyProofDocument(doc: JsonValue, options: ProofFileOptions): ProofFileReport {
  let results: ProofFileResult[];
  if (isAgentmeshWrapper(doc)) results = agentmeshResults(doc, 0, options);
  else if (isJsonArray(doc)) results = doc.flatMap((item, i) => oneResult(item, i, options));
  else results = oneResult(doc, 0, options);
  return { results, allVerified: results.length > 0 && results.every((r) => r.ok) };
}

/** 0 when there is at least one proof and all verify, else 1. */
export function proofExitCode(report: ProofFileReport): 0 | 1 {
  return report.allVerified ? 0 : 1;
}
