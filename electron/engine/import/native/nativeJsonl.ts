/**
 * The fast import path for plain JSON Lines files of a family DuckDB can normalize
 * (nativeFamilies.ts): one INSERT in which DuckDB reads the files' tagged copies (taggedCopy.ts)
 * — each record with its own entry index, line, byte offset and length in front — so no record
 * crosses into JavaScript and every DuckDB thread can take any part of any file. Per-record JS cost was the
 * import's limit (≈22 µs per record against DuckDB's ≈3 µs, ../shared/perf/baseline.md §5).
 * Rows that are not plain (unparseable, missing a required field, an unusual shape) are left out
 * of the INSERT and then go through the JS path, the reference, which maps or quarantines them
 * with the exact reason.
 */
import { listValue } from '@duckdb/node-api';
import type { Db } from '../../case/db';
import type { EventColumns } from '../../case/eventTable';
import { EVENT_ROWS, quoteIdent } from '../../case/schema';
import { INSERTED_PROVENANCE, type EventStaging } from '../eventStaging';
import { insertSettings } from '../insertSettings';
import { MAX_EVENT_RECORD_BYTES } from '../normalizeBatch';
import type { NormalizerPool } from '../normalizerPool';
import { RecordProcessor, type ProcessorCounts } from '../recordProcessor';
import type { TableWriter } from '../rowWriter';
import { jsonlRecords, type RawRecord } from '../textRecords';
import { trace } from '../../trace';
import {
  columnsFilledBy,
  nestedFieldsOf,
  readMembersOf,
  type NativeFamily,
  type NestedField,
} from './nativeFamilies';
import { readAlike } from './recordShape';
import { member, nestedMember, sqlText } from './sqlFields';
import { TAG_SEPARATOR, TAGGED_MAX_LINE_BYTES } from './taggedCopy';

/** One file's tagged copy, and where its rows go. */
export interface TaggedCopy {
  copyFile: string;
  archiveId: string;
  firstRowId: bigint;
}

/** One file whose tagged copy DuckDB has inserted, for the checks and the lines it left out. */
export interface NativeImportInput {
  db: Db;
  /** The original file, for the lines DuckDB leaves out. */
  path: string;
  /** The original file is gzip: the lines are read from its text. */
  gzip: boolean;
  lines: number;
  archiveId: string;
  family: NativeFamily;
  firstRowId: bigint;
  events: EventStaging;
  quarantine: TableWriter;
  pool: NormalizerPool;
  signal: AbortSignal;
}

export interface NativeImportResult {
  counts: ProcessorCounts;
}

const LEFT_OUT_PAGE = 100_000;
const FALLBACK_BATCH = 2_000;
const POLL_MS = 200;

/**
 * The tagged copy as CSV (taggedCopy.ts): U+0001 between the parts, no quoting or escapes, one
 * line per LF. Strict mode skips (with ignore_errors) a line that does not have exactly the five
 * parts, rather than reading part of it; the copy holds no CR, which strict mode would refuse
 * outright.
 */
function taggedCopyReader(parameter: string): string {
  const options = [
    `delim = chr(${TAG_SEPARATOR})`,
    "quote = ''",
    "escape = ''",
    "new_line = '\\n'",
    "comment = ''",
    'skip = 0',
    'header = false',
    'auto_detect = false',
    'strict_mode = true',
    'ignore_errors = true',
    `max_line_size = ${TAGGED_MAX_LINE_BYTES}`,
    "columns = {'e': 'BIGINT', 'b': 'BIGINT', 'o': 'BIGINT', 'n': 'BIGINT', 'r': 'UTINYINT', 'record': 'VARCHAR'}",
  ];
  return `read_csv(${parameter}, ${options.join(', ')})`;
}

/**
 * Each row of `source` (columns file_index, e, b, o, n, r, record: taggedCopyReader's) with the
 * record as DuckDB reads it (`m`) and the members the family reads, each as `v_<name>`
 * (sqlFields.ts).
 */
export function nativeReadSql(family: NativeFamily, source: string): string {
  const members = readMembersOf(family);
  const nested = nestedFieldsOf(family);
  const path = (m: string, f: string): string => `m.${quoteIdent(m)}.${quoteIdent(f)}`;
  const values = [
    ...members.map((m) => `m.${quoteIdent(m)} AS ${member(m)}`),
    ...nested.map(({ member: m, field: f, kind }) =>
      typeof kind === 'object'
        ? `list_transform(${path(m, f)}, x -> x.${quoteIdent(kind.listOf)}) AS ${nestedMember(m, f)}`
        : `${path(m, f)} AS ${nestedMember(m, f)}`,
    ),
  ].join(', ');
  // VARCHAR: strings decoded, other values as JSON text (sqlFields.ts); rendering every member as
  // JSON and decoding strings in SQL cost ≈0.5 s more per million rows. A free-form member read
  // inside is a STRUCT of its fields, all NULL when it is not an object. TRY: a line that is not
  // JSON gives NULL instead of failing the statement, and goes to the JS path.
  const shapeOf = (kind: NestedField): string =>
    typeof kind === 'object' ? `[{${JSON.stringify(kind.listOf)}: "VARCHAR"}]` : '"VARCHAR"';
  const fieldsOf = (m: string): string =>
    `{${nested
      .filter((n) => n.member === m)
      .map((n) => `${JSON.stringify(n.field)}: ${shapeOf(n.kind)}`)
      .join(', ')}}`;
  const struct = `{${[
    ...members.map((m) => `${JSON.stringify(m)}: "VARCHAR"`),
    ...Object.keys(family.nested).map((m) => `${JSON.stringify(m)}: ${fieldsOf(m)}`),
  ].join(', ')}}`;
  return `SELECT file_index, e, b, o, n, r, record, m, ${values}
  FROM (
    SELECT file_index, e, b, o, n, r, record, TRY(json_transform(record, ${sqlText(struct)})) AS m
    FROM ${source}
  )`;
}

/**
 * The INSERT … SELECT for the tagged copies of `files` files of one family; parameters, as lists
 * in the same order: their first row ids, archive ids and copies. DuckDB's `file_index` says
 * which copy a row came from. For one file the index is the constant 1, so the archive id and the
 * first row id fold into constants rather than being looked up row by row: a 10M-event import
 * peaked at 960–995 MiB with the lookup (three runs), 871–927 MiB without (four runs).
 */
export function nativeInsertSql(family: NativeFamily, files = 1): string {
  const canonical = Object.entries(family.columns);
  const target = [...INSERTED_PROVENANCE, ...canonical.map(([name]) => name)].map(quoteIdent).join(', ');
  const ofFile = files === 1 ? '1' : 'CAST(file_index AS BIGINT) + 1';
  return `INSERT INTO ${EVENT_ROWS} (${target})
SELECT CAST($1 AS BIGINT[])[${ofFile}] + e, CAST($2 AS VARCHAR[])[${ofFile}], e, e + b + 1, o, n, record, ${canonical.map(([, sql]) => sql).join(', ')}
FROM (
  ${nativeReadSql(family, taggedCopyReader('$3'))}
)
-- The length check ties each row to its whole line: a reader that split or merged lines cannot pass it.
WHERE m IS NOT NULL AND file_index IS NOT NULL AND e IS NOT NULL AND b IS NOT NULL AND o IS NOT NULL AND strlen(record) = n AND n <= ${MAX_EVENT_RECORD_BYTES}
  AND ${readAlike('record', family, 'r')} AND (${family.plain})`;
}

/**
 * The native INSERT's settings (insertSettings.ts), and one more: filter pushdown would move the
 * WHERE below the projections and inline each member's json_transform into it, parsing every
 * record once per reference (200k rows: 10.4 s against 2.5 s).
 */
function nativeInsertSettings(): Record<string, string> {
  return { ...insertSettings(), disabled_optimizers: "'filter_pushdown'" };
}

/**
 * Inserts the tagged copies of `family`'s files with one INSERT. One per file was slower and held
 * more memory once a call had several files: in a parallel INSERT, a thread with fewer rows than
 * a row group (122,880) keeps them in the transaction's memory instead of writing them as it
 * goes, until the commit writes them (DuckDB's PhysicalInsert::Combine). Four files of 250k
 * runtime-steps lines: 3.9–4.8 s of INSERTs, then 2.3–2.7 s of COMMIT and 1.5–2.4 s of CHECKPOINT,
 * at 965–997 MiB; as one INSERT: 2.9–3.0 s, then 0.3 s and nothing, at 846–901 MiB.
 */
export async function insertTaggedCopies(
  db: Db,
  columns: EventColumns,
  family: NativeFamily,
  copies: readonly TaggedCopy[],
  signal: AbortSignal,
  /** DuckDB's progress; absent when the caller reports progress itself (a streamed copy's pass). */
  onProgress?: (fraction: number) => void,
): Promise<void> {
  await columns.need(columnsFilledBy(family));
  columns.inserting();
  trace('native.insert.start', { family: family.producer, files: copies.length });
  const lists = [
    listValue(copies.map((c) => c.firstRowId)),
    listValue(copies.map((c) => c.archiveId)),
    listValue(copies.map((c) => c.copyFile)),
  ];
  await withProgress(db, signal, onProgress, () =>
    db.withSettings(nativeInsertSettings(), () => db.run(nativeInsertSql(family, copies.length), lists)),
  );
  trace('native.insert.statement.done', {});
}

/**
 * After insertTaggedCopies: checks every row of the file's on its own line, then hands every line
 * DuckDB left out to the JS path.
 */
export async function finishPlainJsonl(input: NativeImportInput): Promise<NativeImportResult> {
  const { db, archiveId, path, lines } = input;
  // Every inserted row on its own line of the file: a bitmap over the line indexes [0, lines)
  // counts the distinct ones, so it equals the row count only when no index repeats or falls
  // outside (a hash aggregate for count(DISTINCT) cost 3× as long). Its bounds must be constants
  // in the SQL; `lines` is a count this process made.
  const lastLine = Math.trunc(lines) - 1;
  const [stats] = await db.objects(
    `SELECT count(*)::BIGINT AS n,
            bit_count(bitstring_agg(entry_index, 0, ${lastLine}) FILTER (WHERE entry_index BETWEEN 0 AND ${lastLine}))::BIGINT AS d
     FROM events WHERE archive_id = ?`,
    [archiveId],
  );
  const inserted = Number(stats?.n ?? 0);
  // Cannot happen (each line of the tagged copy carries its own index); checked, as evidence must not move.
  if (Number(stats?.d ?? 0) !== inserted)
    throw new Error(`native import of ${path} placed a record on a line it does not hold`);
  trace('native.insert.done', { inserted });
  const processor = new RecordProcessor(
    input.pool,
    input.family.producer,
    archiveId,
    input.events,
    input.quarantine,
  );
  if (inserted < lines) await processLeftOut(input, processor);
  await processor.drain();
  await input.events.flushInto(db, input.firstRowId);
  const counts = processor.counts;
  counts.records += inserted;
  return { counts };
}

/** Line indexes after `after` that the INSERT left out, in order, one page at a time. */
async function leftOutPage(input: NativeImportInput, after: number): Promise<number[]> {
  const rows = await input.db.objects(
    `SELECT r.e FROM range(?::BIGINT + 1, ?::BIGINT) r(e)
     ANTI JOIN (SELECT entry_index FROM events WHERE archive_id = ?) x ON r.e = x.entry_index
     ORDER BY r.e LIMIT ${LEFT_OUT_PAGE}`,
    [after, input.lines, input.archiveId],
  );
  return rows.map((r) => Number(r.e));
}

/** The lines the INSERT left out, read by the JS reader and fed to the JS mappers. */
async function processLeftOut(input: NativeImportInput, processor: RecordProcessor): Promise<void> {
  let page = await leftOutPage(input, -1);
  let i = 0;
  // The reader copies out only the lines this page may still want (the loop below picks them):
  // it runs while the loop waits, so `page` and `i` hold still meanwhile. For the torn last line
  // of a million, this step took 0.34 s instead of 0.76 s.
  let seen = page;
  let j = 0;
  const keep = (entryIndex: number): boolean => {
    if (seen !== page) [seen, j] = [page, 0];
    j = Math.max(j, i);
    while (j < page.length && page[j]! < entryIndex) j += 1;
    // Past a full page the next one is not known yet: keep all, for the loop to fetch it.
    return j < page.length ? page[j] === entryIndex : page.length === LEFT_OUT_PAGE;
  };
  const reader = jsonlRecords(input.path, input.gzip, { signal: input.signal, keep });
  for await (const records of reader) {
    let picked: RawRecord[] = [];
    for (const record of records) {
      if (i === page.length) {
        if (page.length < LEFT_OUT_PAGE) break;
        page = await leftOutPage(input, page[page.length - 1] ?? -1);
        i = 0;
        if (page.length === 0) break;
      }
      if (record.entryIndex !== page[i]) continue;
      picked.push(record);
      i += 1;
      if (picked.length >= FALLBACK_BATCH) {
        await processor.addBatch(picked);
        picked = [];
      }
    }
    await processor.addBatch(picked);
    if (i === page.length && page.length < LEFT_OUT_PAGE) break;
  }
  if (i < page.length)
    throw new Error(`native import of ${input.path}: line ${page[i]! + 1} was not found again`);
}

/** Reports DuckDB's own progress while `work` runs, if asked; a cancel interrupts the statement. */
async function withProgress(
  db: Db,
  signal: AbortSignal,
  onProgress: ((fraction: number) => void) | undefined,
  work: () => Promise<void>,
): Promise<void> {
  const conn = db.conn;
  const onAbort = (): void => conn.interrupt();
  signal.addEventListener('abort', onAbort);
  const timer =
    onProgress &&
    setInterval(() => {
      const pct = conn.progress.percentage;
      if (pct >= 0) onProgress(pct / 100);
    }, POLL_MS);
  try {
    if (signal.aborted) throw signal.reason ?? new Error('cancelled');
    await work();
  } finally {
    clearInterval(timer);
    signal.removeEventListener('abort', onAbort);
  }
  if (signal.aborted) throw signal.reason ?? new Error('cancelled');
}
