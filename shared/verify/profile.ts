/**
 * What a producer profile receives and returns. Profiles are pure: records come in already
 * read (by the engine, the CLI or a browser), hashing is injected, so the same code verifies
 * anywhere (issue #4, "Where it lives").
 */
import type { JsonValue } from '../json/value';
import type { CheckedStepsFile } from './runtimeSteps/checkedFile';
import type { ChainAnchor, Finding, KeyRingEntry } from './types';

/** Hashing primitives. Default: @noble/hashes; the engine injects node:crypto for speed. */
export interface HashProvider {
  /** Lowercase hex SHA-256 of the UTF-8 bytes of `text` (or of raw bytes). */
  sha256Hex(data: string | Uint8Array): string;
  /** Lowercase hex HMAC-SHA256 with raw key bytes over the UTF-8 bytes of `message` (or raw bytes). */
  hmacSha256Hex(key: Uint8Array, message: string | Uint8Array): string;
  /**
   * Ed25519 (RFC 8032) signature check; must answer false, never throw, on malformed input.
   * Optional: profiles fall back to @noble/curves, ~30× slower than node:crypto per signature.
   */
  ed25519Verify?(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
}

/** One record as read from an archive. */
export interface VerifyRecord {
  /** 0-based: non-blank line for JSONL, array index for JSON documents, row for Parquet. */
  entryIndex: number;
  /** 1-based line where the record starts; absent for Parquet. */
  line?: number;
  /** The record's original text (decoded UTF-8), for textual containers. */
  text?: string;
  /** A value rebuilt by the reader (Parquet rows) when there is no original text. */
  value?: JsonValue;
}

export type Container = 'jsonl' | 'json' | 'parquet';

export interface VerifySource {
  path: string;
  container: Container;
  /** For JSONL and Parquet: the records in file order. */
  records?: Iterable<VerifyRecord>;
  /** For JSON documents (exports, CloudEvents batches): the whole text. */
  document?: string;
}

/** Keys the user supplied, already decoded. */
export interface ResolvedKeys {
  /** HMAC secrets as raw bytes (from --hmac-key TEXT, --hmac-key-hex, --hmac-key-file, or a keyring). */
  hmac: { id: string; key: Uint8Array; validFrom?: string; validUntil?: string }[];
  /** Ed25519 public keys as 32 raw bytes. */
  ed25519: { id: string; publicKey: Uint8Array; validFrom?: string; validUntil?: string }[];
  /** The entries as given, for reports (never the secret itself). */
  entries?: KeyRingEntry[];
}

export interface VerifyContext {
  hash: HashProvider;
  keys: ResolvedKeys;
  /** Published anchors; `chain` is `*`, a file path or a run id. */
  anchors: ChainAnchor[];
  /**
   * Runtime-steps files whose events were already checked elsewhere (the engine's worker threads),
   * by source path: the profile then analyses their runs without reading the records.
   */
  prechecked?: ReadonlyMap<string, CheckedStepsFile>;
}

/** A profile's result for one source file. */
export interface FileOutcome {
  path: string;
  records: number;
  findings: Finding[];
  merkleRoot: string | null;
  head: string | null;
  /** Fields present in the records that no hash or signature covers. */
  uncoveredFields: string[];
  /** What only an anchor could reveal for this file (e.g. `tail truncation`). */
  needsAnchorFor: string[];
  /** Key ids/fingerprints and anchor descriptions actually used. */
  keysUsed: string[];
  anchorsUsed: string[];
  /** Set when the file could not be verified (no key for a signed format, unknown profile, unreadable). */
  unverifiableReason?: string;
}

/**
 * A producer profile. Several sources may form one chain (daily files, rotated sink files):
 * the profile orders them by their links and reports a missing or reordered file.
 */
export interface Profile {
  id: string;
  verify(sources: VerifySource[], ctx: VerifyContext): FileOutcome[];
}
