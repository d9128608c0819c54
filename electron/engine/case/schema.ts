/**
 * The case file's tables. Every imported record keeps its exact original bytes (`raw`) and
 * where it came from (archive, entry index, line, byte offset); canonical columns are derived
 * from it and documented in docs/schema.md (generated from shared/ingest/canonicalEvent.ts).
 */

/**
 * 2: events became a view over `event_rows`, which holds only the columns imports filled
 * (eventTable.ts); a case of schema 1 is moved over when opened (caseFile.ts).
 */
export const SCHEMA_VERSION = 2;
/** Stored in casefile_meta so a DuckDB file made by someone else is refused as FOREIGN_FILE. */
export const CASE_MARKER = 'casefile-case';

/**
 * The DuckDB storage format new cases are written in. A DuckDB file keeps the format it was
 * created with, whatever later connections ask for, so this is set only when a case is made and
 * cases made before keep theirs (v0.10.2, DuckDB's default). From v1.3.0 DuckDB compresses
 * strings with DICT_FSST instead of its older dictionary: the import's INSERT of a million
 * runtime-steps events took 2.50–2.54 s instead of 2.79–2.85 s (4.8 against 5.4 CPU-s), for a
 * file of the same size. DuckDB 1.3 (May 2025) or later opens such a case.
 */
export const CASE_STORAGE_VERSION = 'v1.3.0';

export interface ColumnSpec {
  name: string;
  sqlType: string;
}

/** Provenance columns every event row has, before the canonical columns. */
export const PROVENANCE_COLUMNS: ColumnSpec[] = [
  { name: 'row_id', sqlType: 'BIGINT NOT NULL' },
  { name: 'archive_id', sqlType: 'VARCHAR NOT NULL' },
  { name: 'entry_index', sqlType: 'BIGINT NOT NULL' },
  { name: 'line', sqlType: 'BIGINT' },
  { name: 'byte_offset', sqlType: 'BIGINT' },
  { name: 'byte_length', sqlType: 'BIGINT' },
  // The original record text, exactly: events only ever hold records that decoded as strict
  // UTF-8 (anything else is quarantined with its bytes), so the text round-trips to the bytes.
  // VARCHAR, not JSON: Python archives hold bare NaN and lone-surrogate escapes that DuckDB's JSON
  // type rejects, and one such record must not abort an import. json_extract still works on it.
  // Stored uncompressed: DuckDB's default analysis (FSST, dictionary) made the import's INSERT
  // ~1.8× slower for a small gain (import benchmark), so the case holds about 1.4× the archive's
  // bytes. zstd, which cases of CASE_STORAGE_VERSION could use, stored a million runtime-steps
  // records in a 366 MB case instead of 824 MB, but cost 1.2 CPU-s more, and its INSERT took
  // 3.1–4.2 s instead of 2.6 s. (Earlier cases name zstd here; in their v0.10.2 files it fell back
  // to uncompressed.)
  { name: 'record', sqlType: 'VARCHAR USING COMPRESSION uncompressed NOT NULL' },
  // The exact original bytes: not stored twice, the `events` view derives them (eventTable.ts).
  { name: 'raw', sqlType: 'BLOB' },
];

/** The table imports write; analysts query the `events` view over it (eventTable.ts). */
export const EVENT_ROWS = 'event_rows';

/**
 * Canonical columns `event_rows` always has: those no event may lack (NOT NULL). A column added
 * later (eventTable.ts) cannot carry that constraint.
 */
export function requiredColumns(canonical: readonly ColumnSpec[]): ColumnSpec[] {
  return canonical.filter((c) => /\bNOT NULL\b/i.test(c.sqlType));
}

export function nullableType(sqlType: string): string {
  return sqlType.replace(/\s+NOT NULL\b/i, '').trim();
}

/** An SQL identifier in double quotes, any quote in it doubled. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Canonical columns stored without compression analysis: mostly-unique strings (integrity hashes,
 * ids, action keys, the original time text) that FSST shrinks by little. Analysing them cost the
 * import's INSERT ~1 s per million rows (import benchmark) against ~17% more file.
 */
const UNCOMPRESSED = new Set(['event_id', 'ts_raw', 'action_key', 'record_hash', 'prev_hash']);

export function columnDdl(c: ColumnSpec): string {
  return `${quoteIdent(c.name)} ${c.sqlType}${UNCOMPRESSED.has(c.name) ? ' USING COMPRESSION uncompressed' : ''}`;
}

/**
 * The case's tables. `canonical` are the columns `event_rows` starts with (the required ones, for a
 * new case); the `events` view over it is made by eventTable.ts.
 */
export function schemaStatements(canonical: readonly ColumnSpec[]): string[] {
  const eventColumns = [...PROVENANCE_COLUMNS.filter((c) => c.name !== 'raw'), ...canonical]
    .map(columnDdl)
    .join(',\n  ');
  return [
    `CREATE TABLE IF NOT EXISTS casefile_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS archives (
  archive_id VARCHAR PRIMARY KEY,
  path VARCHAR NOT NULL,
  stored_at VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  size_bytes BIGINT NOT NULL,
  modified_at TIMESTAMPTZ,
  imported_at TIMESTAMPTZ NOT NULL,
  tool_version VARCHAR NOT NULL,
  producer VARCHAR NOT NULL,
  container VARCHAR NOT NULL,
  compressed BOOLEAN NOT NULL,
  records BIGINT NOT NULL,
  quarantined BIGINT NOT NULL,
  detection JSON,
  notes JSON
)`,
    `CREATE TABLE IF NOT EXISTS ${EVENT_ROWS} (\n  ${eventColumns}\n)`,
    `CREATE TABLE IF NOT EXISTS quarantine (
  archive_id VARCHAR NOT NULL,
  entry_index BIGINT,
  line BIGINT,
  byte_offset BIGINT,
  byte_length BIGINT,
  raw BLOB NOT NULL,
  reason VARCHAR NOT NULL,
  field VARCHAR
)`,
    // Verification runs and their results, joinable with events on (archive_id, entry_index).
    // Key material is never stored: only the fingerprints the reports name (issue #4).
    `CREATE TABLE IF NOT EXISTS verify_runs (
  run_id VARCHAR PRIMARY KEY,
  started_at TIMESTAMPTZ NOT NULL,
  trigger VARCHAR NOT NULL,
  key_fingerprints JSON NOT NULL,
  anchors JSON NOT NULL
)`,
    `CREATE TABLE IF NOT EXISTS verify_reports (
  run_id VARCHAR NOT NULL,
  archive_id VARCHAR NOT NULL,
  verdict VARCHAR NOT NULL,
  findings BIGINT NOT NULL,
  report JSON NOT NULL
)`,
    `CREATE TABLE IF NOT EXISTS verify_findings (
  run_id VARCHAR NOT NULL,
  archive_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  entry_index BIGINT,
  line BIGINT,
  field VARCHAR,
  chain VARCHAR,
  detail VARCHAR NOT NULL
)`,
    // Field mappings for unknown producers, saved by name so the next archive reuses them (issue #3).
    `CREATE TABLE IF NOT EXISTS mappings (
  name VARCHAR PRIMARY KEY,
  saved_at TIMESTAMPTZ NOT NULL,
  mapping JSON NOT NULL
)`,
    // The case audits itself: every action of the investigation, hash-chained (issue #3, custody).
    `CREATE TABLE IF NOT EXISTS custody_log (
  seq BIGINT PRIMARY KEY,
  logged_at VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  detail JSON NOT NULL,
  prev_hash VARCHAR NOT NULL,
  hash VARCHAR NOT NULL
)`,
  ];
}
