/**
 * Writes docs/schema.md, the analysts' SQL reference, from the same column lists the engine
 * creates its tables from, so the documentation cannot drift from the case file.
 */
import { CANONICAL_COLUMNS } from '../../../shared/ingest/canonicalEvent';
import { CASE_STORAGE_VERSION, nullableType, PROVENANCE_COLUMNS } from './schema';

const PROVENANCE_DOC: Record<string, string> = {
  row_id:
    "Unique id of the event in this case, increasing with import, file and entry: a file's rows are numbered from its first id plus `entry_index`, so a quarantined entry leaves a gap. Order by it; do not count with it.",
  archive_id: 'The archive the record came from: join `archives` on `archive_id`.',
  entry_index:
    '0-based position of the record in its archive: non-blank line (JSONL), array index (JSON document), row (Parquet).',
  line: '1-based line where the record starts (NULL for Parquet).',
  byte_offset:
    "Offset of the record's first byte in the file (in the decompressed text for gzip; NULL for Parquet).",
  byte_length: 'Length of the record in bytes.',
  record:
    "The original record text, exactly as written (query it with DuckDB JSON functions: `record->>'$.data.amount'`). For Parquet, the row rendered by DuckDB `to_json()`.",
  raw: 'The exact original bytes of the record (`encode(record)`), for byte-level comparison and export.',
};

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function schemaMarkdown(): string {
  const lines = [
    '# The case file schema (SQL API)',
    '',
    '<!-- Generated from electron/engine/case/schema.ts and shared/ingest/canonicalEvent.ts by',
    '     `UPDATE_DOCS=1 npx vitest run test/unit/docs`; edit those files, not this one. -->',
    '',
    'A case is one DuckDB file. Analysts query it with SQL (DuckDB dialect). This page is a',
    'stable contract: columns may be added, never renamed or given another meaning.',
    '',
    '## `events`: one row per imported record',
    '',
    'Provenance first (where the record came from, byte for byte), then the canonical columns',
    'every producer family is normalized to. A column a producer does not have is NULL.',
    '`events` is a view over `event_rows`, the table imports write, which stores only the canonical',
    'columns some import of the case has filled; query `events`.',
    '',
    '| column | type | meaning |',
    '|---|---|---|',
    ...PROVENANCE_COLUMNS.map(
      (c) => `| \`${c.name}\` | ${c.sqlType.split(' ')[0]} | ${escapeCell(PROVENANCE_DOC[c.name] ?? '')} |`,
    ),
    ...CANONICAL_COLUMNS.map(
      (c) => `| \`${c.name}\` | ${nullableType(c.sqlType)} | ${escapeCell(c.description)} |`,
    ),
    '',
    '## `archives`: one row per imported file',
    '',
    '`archive_id`, `path` (as the user knows it: the original name of an upload), `stored_at` (where the bytes were read), `name`, `sha256` (of the file as received), `size_bytes`, `modified_at`,',
    '`imported_at`, `tool_version`, `producer`, `container` (`jsonl`, `json`, `parquet`), `compressed`,',
    "`records`, `quarantined`, `detection` (JSON: confidence and evidence, plus a JSON document's",
    "header members such as an export's `merkle_root`), `notes` (JSON array).",
    '',
    '## `quarantine`: records that could not be imported as events',
    '',
    '`archive_id`, `entry_index`, `line`, `byte_offset`, `byte_length`, `raw` (the exact bytes),',
    '`reason` (plain words: not valid UTF-8, a JSON syntax error and where, a torn last line, a',
    'required field missing) and `field` (the JSON path concerned). Nothing is dropped silently.',
    '',
    '## `custody_log`: what the investigation did',
    '',
    'Every action on the case (created, archives imported, …) with `seq`, `logged_at`, `action`,',
    '`detail` (JSON), `prev_hash` and `hash`: a SHA-256 chain over the canonical JSON of each entry,',
    'so the case can show its own history was not edited. `casefile custody` (docs/cli.md) and the',
    "app's Custody view check the chain and show its head.",
    '',
    '## `casefile_meta`: what the case file is',
    '',
    '`key`, `value`: `marker` (`casefile-case`), `schema_version`, `created_at`, and for cases made',
    'since 0.1.0 `created_by` (the Casefile version) and `duckdb_version` (the DuckDB that wrote the',
    'file), so a case that does not open says what to open it with. Cases made by earlier versions',
    'are kept in `test/fixtures/cases/` and must keep opening (test/engine/caseCompat.test.ts).',
    'Schema 2 (Casefile 0.2.0) keeps events in `event_rows` under the `events` view; a schema 1 case',
    'is moved over when it is opened (its table renamed, its rows untouched).',
    '',
    `New cases are DuckDB files of storage version ${CASE_STORAGE_VERSION}: DuckDB 1.3 or later (its CLI too) opens them.`,
    'A case made in an older format (v0.10.2, as the 0.1.0 fixture) keeps it, whichever Casefile',
    'writes to it, so the DuckDB that made it still opens it.',
    '',
    '## Examples',
    '',
    '```sql',
    '-- Denials per agent',
    "SELECT agent_id, count(*) FILTER (WHERE decision = 'deny') AS denied, count(*) AS total",
    'FROM events GROUP BY agent_id ORDER BY denied DESC;',
    '',
    '-- The original line behind an event, with its file and line number',
    'SELECT a.path, e.line, e.record FROM events e JOIN archives a USING (archive_id) WHERE e.row_id = 42;',
    '',
    '-- Producer fields not in the canonical columns stay queryable',
    "SELECT record->>'$.decision.rule_matched' AS rule, count(*) FROM events WHERE producer = 'meshguard' GROUP BY rule;",
    '```',
    '',
  ];
  return lines.join('\n');
}
