/**
 * The fast import path for a plain JSON Lines file (jsonlLayout.ts) of a family DuckDB can
 * normalize (nativeFamilies.ts): one INSERT in which DuckDB reads the original file three ways
 * joined by position — each record's exact text (read_ndjson_objects), its members as JSON text
 * (read_json) and the line offsets the layout scan wrote — so no record crosses into JavaScript.
 * Per-record JS cost was the import's limit (≈22 µs per record against DuckDB's ≈3 µs,
 * ../shared/perf/baseline.md §5). Rows that are not plain (unparseable, missing a required
 * field, an unusual shape) are left out of the INSERT and then go through the JS path, the
 * reference, which maps or quarantines them with the exact reason.
 */
import { open } from 'node:fs/promises';
import type { Db } from '../../case/db';
import { INSERTED_PROVENANCE, quoteIdent, type EventStaging } from '../eventStaging';
import { MAX_EVENT_RECORD_BYTES } from '../normalizeBatch';
import type { NormalizerPool } from '../normalizerPool';
import { RecordProcessor, type ProcessorCounts } from '../recordProcessor';
import type { TableWriter } from '../rowWriter';
import type { RawRecord } from '../textRecords';
import { MAX_LINE_BYTES } from '../lines';
import { trace } from '../../trace';
import type { NativeFamily } from './nativeFamilies';
import { decodeString, json, str } from './sqlFields';

export interface NativeImportInput {
  db: Db;
  path: string;
  archiveId: string;
  family: NativeFamily;
  lines: number;
  offsetsFile: string;
  firstRowId: bigint;
  events: EventStaging;
  quarantine: TableWriter;
  pool: NormalizerPool;
  signal: AbortSignal;
  /** Fraction of the INSERT done (0–1) and events so far, for progress. */
  onProgress(fraction: number, records: number): void;
}

export interface NativeImportResult {
  counts: ProcessorCounts;
  nextRowId: bigint;
}

const FALLBACK_PAGE = 50_000;
const FALLBACK_BATCH = 2_000;
const POLL_MS = 200;

/** The INSERT … SELECT for one file; parameters: first row id, archive id, path ×2, offsets file. */
export function nativeInsertSql(family: NativeFamily): string {
  const canonical = Object.entries(family.columns);
  const target = [...INSERTED_PROVENANCE, ...canonical.map(([name]) => name)].map(quoteIdent).join(', ');
  const members = family.members.map((m) => `r.${quoteIdent(m)}::VARCHAR AS ${json(m)}`).join(', ');
  const strings = family.members.map((m) => `${decodeString(m)} AS ${str(m)}`).join(', ');
  const jsonColumns = family.members.map((m) => `${quoteIdent(m)}: 'JSON'`).join(', ');
  const objectLimit = MAX_LINE_BYTES + 1;
  return `INSERT INTO events (${target})
SELECT CAST($1 AS BIGINT) + e, $2, e, e + 1, o, n, record, ${canonical.map(([, sql]) => sql).join(', ')}
FROM (
  SELECT *, ${strings} FROM (
    SELECT x.e, x.record, x.unique_keys, p.o, p.n, ${members}
    FROM (
      -- A repeated key is read first-wins by DuckDB and last-wins by the JS parser: such rows go to JS.
      SELECT ordinality - 1 AS e, json::VARCHAR AS record,
             len(list_distinct(json_keys(json))) = len(json_keys(json)) AS unique_keys
      FROM read_ndjson_objects($3, ignore_errors = true, maximum_object_size = ${objectLimit}) WITH ORDINALITY
    ) x
    POSITIONAL JOIN read_json($3, format = 'newline_delimited', columns = {${jsonColumns}}, ignore_errors = true, maximum_object_size = ${objectLimit}) r
    POSITIONAL JOIN read_csv($4, columns = {'o': 'BIGINT', 'n': 'BIGINT'}, header = false, auto_detect = false) p
  )
)
-- The length check ties each row to its line: a reader that split or merged lines cannot pass it.
WHERE record IS NOT NULL AND strlen(record) = n AND n <= ${MAX_EVENT_RECORD_BYTES}
  AND unique_keys AND (${family.plain})`;
}

/** Runs the INSERT, then hands every line it left out to the JS path. */
export async function importPlainJsonl(input: NativeImportInput): Promise<NativeImportResult> {
  const { db, archiveId } = input;
  trace('native.insert.start', { lines: input.lines });
  await withProgress(input, () =>
    db.run(nativeInsertSql(input.family), [
      input.firstRowId.toString(),
      archiveId,
      input.path,
      input.offsetsFile,
    ]),
  );
  const [stats] = await db.objects(
    'SELECT count(*)::BIGINT AS n, max(entry_index) AS last FROM events WHERE archive_id = ?',
    [archiveId],
  );
  const inserted = Number(stats?.n ?? 0);
  if (stats?.last !== null && stats?.last !== undefined && Number(stats.last) >= input.lines)
    throw new Error(`native import of ${input.path} produced an entry past its last line`);
  trace('native.insert.done', { inserted });
  const processor = new RecordProcessor(
    input.pool,
    input.family.producer,
    archiveId,
    input.events,
    input.quarantine,
  );
  if (inserted < input.lines) await processLeftOut(input, processor);
  await processor.drain();
  await input.events.flushInto(db, input.firstRowId, true);
  const counts = processor.counts;
  counts.records += inserted;
  return { counts, nextRowId: input.firstRowId + BigInt(input.lines) };
}

/** Lines the INSERT left out, read back from the file by offset and fed to the JS mappers. */
async function processLeftOut(input: NativeImportInput, processor: RecordProcessor): Promise<void> {
  const file = await open(input.path, 'r');
  try {
    let after = -1;
    for (;;) {
      const page = await input.db.objects(
        `SELECT e, o, n FROM (
           SELECT (p.ordinality - 1)::BIGINT AS e, p.o, p.n
           FROM read_csv(?, columns = {'o': 'BIGINT', 'n': 'BIGINT'}, header = false, auto_detect = false) WITH ORDINALITY p
         ) WHERE e > ? AND e NOT IN (SELECT entry_index FROM events WHERE archive_id = ?)
         ORDER BY e LIMIT ${FALLBACK_PAGE}`,
        [input.offsetsFile, after, input.archiveId],
      );
      if (page.length === 0) return;
      let batch: RawRecord[] = [];
      for (const row of page) {
        const e = Number(row.e);
        const offset = Number(row.o);
        const bytes = new Uint8Array(Number(row.n));
        await file.read(bytes, 0, bytes.length, offset);
        batch.push({ entryIndex: e, line: e + 1, byteOffset: offset, bytes, unterminated: false });
        if (batch.length >= FALLBACK_BATCH) {
          await processor.addBatch(batch);
          batch = [];
        }
        after = e;
      }
      await processor.addBatch(batch);
      if (page.length < FALLBACK_PAGE) return;
    }
  } finally {
    await file.close();
  }
}

/** Reports DuckDB's own progress while `work` runs; a cancel interrupts the statement. */
async function withProgress(input: NativeImportInput, work: () => Promise<void>): Promise<void> {
  const conn = input.db.conn;
  const onAbort = (): void => conn.interrupt();
  input.signal.addEventListener('abort', onAbort);
  const timer = setInterval(() => {
    const pct = conn.progress.percentage;
    if (pct >= 0) input.onProgress(pct / 100, Math.round((pct / 100) * input.lines));
  }, POLL_MS);
  try {
    if (input.signal.aborted) throw input.signal.reason ?? new Error('cancelled');
    await work();
  } finally {
    clearInterval(timer);
    input.signal.removeEventListener('abort', onAbort);
  }
  if (input.signal.aborted) throw input.signal.reason ?? new Error('cancelled');
}
