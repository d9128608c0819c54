/**
 * The verification report model. `casefile verify --json` prints these shapes, so they are a
 * stable contract (issue #4): add optional members, never rename or remove.
 */

/** Casefile's finding kinds (issue #4). Producers' own words (`sig_invalid`, …) are mapped onto these. */
export const FINDING_KINDS = [
  'parse_error',
  'hash_mismatch',
  'chain_break',
  'chain_fork',
  'duplicate_record',
  'out_of_order',
  'signature_invalid',
  'envelope_mismatch',
  'header_mismatch',
  'anchor_count_mismatch',
  'anchor_root_mismatch',
  'anchor_head_mismatch',
  'anchor_chain_missing',
  'checkpoint_mismatch',
  'proof_invalid',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/**
 * Kinds that are notices, not evidence of tampering: file order differing from chain order, and
 * an exact re-delivered copy of a record (formats/runtime-steps.md §6: "VALID with a notice").
 */
export const NOTICE_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>([
  'out_of_order',
  'duplicate_record',
]);

export interface Finding {
  kind: FindingKind;
  /** 0-based record position: non-blank line for JSONL, array index for JSON documents, row for Parquet. */
  entryIndex?: number;
  /** 1-based line where the record starts; absent for Parquet. */
  line?: number;
  /** The field concerned, dotted path (`data.amount`, `signature`), when known. */
  field?: string;
  /** The chain (file path, run id, or `*`) the finding belongs to, when the archive has several. */
  chain?: string;
  /** Plain words: what was expected, what was found. */
  detail: string;
  expected?: string;
  actual?: string;
}

export const DIAGNOSIS_KINDS = [
  'edit',
  'deletion',
  'insertion',
  'reordering',
  'truncation',
  'forgery',
] as const;
export type DiagnosisKind = (typeof DIAGNOSIS_KINDS)[number];

export interface Diagnosis {
  what: DiagnosisKind;
  entryIndex?: number;
  line?: number;
  chain?: string;
  /** Why the findings point to this, in plain words. */
  reasoning: string;
}

export type Verdict = 'intact' | 'tampered' | 'unverifiable';

export interface Coverage {
  /** Fields stored in the records that no hash or signature covers: edits there are undetectable. */
  uncoveredFields: string[];
  /** Tampering that only a published anchor could reveal (e.g. `tail truncation`, `re-chained edit`). */
  needsAnchorFor: string[];
}

/** What a file was verified against, so "self-consistent" is never mistaken for "authentic". */
export interface VerifiedAgainst {
  /** Key fingerprints (sha256 of the key material, first 16 hex) or key ids used. */
  keys: string[];
  /** Anchor descriptions (`anchors.json chain "*"`, `--expect-root`, `C2SP checkpoint origin …`). */
  anchors: string[];
}

export interface FileReport {
  path: string;
  sha256: string;
  producer: string;
  records: number;
  verdict: Verdict;
  /** Why the verdict is `unverifiable` (no key, no anchor, unknown profile, unreadable). */
  unverifiableReason?: string;
  coverage: Coverage;
  findings: Finding[];
  diagnosis: Diagnosis[];
  /** Recomputed Merkle root where the producer has one, else null. */
  merkleRoot: string | null;
  /** Hash of the last record in chain order, else null. */
  head: string | null;
  verifiedAgainst?: VerifiedAgainst;
}

export interface VerifyReport {
  files: FileReport[];
}

/** Key material supplied by the user. Never written to the case file, logs or exports. */
export interface KeyRingEntry {
  id: string;
  alg: 'ed25519' | 'hmac-sha256';
  /** Ed25519 public key: 64 hex, base64url, JWK (JSON text) or PEM. */
  publicKey?: string;
  /** HMAC secret as hex. */
  secretHex?: string;
  /** ISO 8601; a signature dated outside [validFrom, validUntil] is a finding. */
  validFrom?: string;
  validUntil?: string;
}

export interface KeyRing {
  keys: KeyRingEntry[];
}

/** One published anchor: `chain` is `*` (the whole log), a file path, or a run id. */
export interface ChainAnchor {
  chain: string;
  /**
   * The producer family the anchor was published for (set when read from a producer's own
   * anchors file): it then applies only to that family's archives, never to others verified alongside.
   */
  family?: 'agentmesh' | 'gantz' | 'meshguard' | 'runtime-steps';
  count?: number;
  root?: string;
  head?: string;
  firstPrev?: string;
}

export interface Anchors {
  chains: ChainAnchor[];
}
