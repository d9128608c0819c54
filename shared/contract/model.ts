/**
 * Data that crosses the boundary. Every shape is JSON-safe: no Date, Map, BigInt or bytes;
 * 64-bit integers and hashes travel as strings, times as ISO 8601 text.
 */
import type { CustodyCheck, CustodyEntry } from '../custody/chain';
import type { Mapping } from '../ingest/mapping';
import type { FileReport } from '../verify/types';

export interface AppInfo {
  version: string;
  /** `desktop` under Electron, `serve` in a browser. */
  mode: 'desktop' | 'serve';
  /** The bundled demo case, when there is one. */
  demoCasePath: string | null;
  currentCase: CaseInfo | null;
}

export interface CaseInfo {
  path: string;
  name: string;
  createdAt: string;
  schemaVersion: number;
  archives: number;
  events: number;
  quarantined: number;
}

export type Container = 'jsonl' | 'json' | 'parquet';

export interface ArchiveInfo {
  archiveId: string;
  path: string;
  name: string;
  sha256: string;
  sizeBytes: number;
  modifiedAt: string | null;
  importedAt: string;
  producer: string;
  container: Container;
  compressed: boolean;
  records: number;
  quarantined: number;
}

export interface DetectionInfo {
  confidence: 'certain' | 'likely' | 'unknown' | 'override';
  evidence: string[];
}

/** One file's line in an import report. `casefile import --json` prints these: a stable contract (issue #3). */
export interface ImportFileReport {
  path: string;
  sha256: string;
  producer: string;
  /** `jsonl`, `json` or `parquet`, plus `+gzip` when the file was compressed. */
  container: string;
  records: number;
  quarantined: number;
  /** Set when a file with the same SHA-256 is already in the case: nothing was imported again. */
  duplicateOf?: string;
  archiveId?: string;
  detection?: DetectionInfo;
  /** Things the investigator should know (e.g. non-RFC-3339 CloudEvents times accepted). */
  notes?: string[];
  /** Set when this file could not be imported at all; the others still were. */
  error?: { code: string; message: string; where?: { file?: string; line?: number; field?: string } };
}

export interface ImportReport {
  importId: string;
  files: ImportFileReport[];
  durationMs: number;
}

/** A page of a table: column names and rows of text cells (null for SQL NULL). */
export interface TablePage {
  columns: string[];
  rows: (string | null)[][];
  /** Rows matching the filter in the whole case, not just this page. */
  total: number;
  offset: number;
}

export interface EventDetail {
  rowId: string;
  archiveId: string;
  archivePath: string;
  entryIndex: number;
  line: number | null;
  byteOffset: string | null;
  /** The original record, decoded as UTF-8 (invalid bytes shown as U+FFFD; see rawBase64). */
  raw: string;
  /** The exact original bytes, base64, when they are not valid UTF-8. */
  rawBase64?: string;
  /** Canonical columns of this event. */
  fields: Record<string, string | null>;
}

export interface QuarantineRow {
  archiveId: string;
  path: string;
  line: number | null;
  byteOffset: string | null;
  reason: string;
  field: string | null;
  raw: string;
}

/** Where a record of an archive ended up: an event row, or a quarantined record. */
export interface LocatedRecord {
  rowId: string | null;
  quarantined: QuarantineRow | null;
}

/** One archive's verification: the stable FileReport (docs/cli.md) plus where it lives in the case. */
export interface ArchiveVerification {
  archiveId: string;
  runId: string;
  verifiedAt: string;
  /** `import` (self-consistency at import, no keys) or `user` (run on demand). */
  trigger: 'import' | 'user';
  report: FileReport;
}

export interface VerifyRunResult {
  runId: string;
  archives: ArchiveVerification[];
}

/** A field mapping saved in the case under its name (the mapping's own `name`). */
export interface SavedMapping {
  name: string;
  savedAt: string;
  mapping: Mapping;
}

/** The case's own audit trail and whether its hash chain holds (shared/custody/chain.ts). */
export interface CustodyLog {
  entries: CustodyEntry[];
  check: CustodyCheck;
}
