/**
 * Create and open case files. A case is one DuckDB file; a missing, locked or foreign file
 * answers a typed error naming the file rather than a DuckDB message.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { err, ok, type Result } from '../../../shared/contract/result';
import { removeStaleStaging } from '../import/eventStaging';
import { removeStaleCopies } from '../import/native/copyPlace';
import { Db } from './db';
import { eventsViewSql, storedEventColumns } from './eventTable';
import { classifyOpenError } from './openError';
import {
  CASE_MARKER,
  CASE_STORAGE_VERSION,
  EVENT_ROWS,
  requiredColumns,
  SCHEMA_VERSION,
  schemaStatements,
  type ColumnSpec,
} from './schema';

export interface OpenCase {
  db: Db;
  path: string;
  name: string;
  createdAt: string;
}

async function connect(path: string, options: Record<string, string> = {}): Promise<Result<Db>> {
  try {
    return ok(await Db.open(path, options));
  } catch (thrown) {
    return classifyOpenError(path, thrown);
  }
}

/**
 * Creates a case. Its meta records which Casefile and which DuckDB wrote it, so a case that will
 * not open years later says what to open it with (field/anchors.md §5.8, the lesson of Tad #302).
 */
export async function createCase(
  path: string,
  canonical: readonly ColumnSpec[],
  createdBy: string,
): Promise<Result<OpenCase>> {
  if (existsSync(path)) return err('EXISTS', `${path} already exists; open it instead`, { file: path });
  const opened = await connect(path, { storage_compatibility_version: CASE_STORAGE_VERSION });
  if (!opened.ok) return opened;
  const db = opened.value;
  const createdAt = new Date().toISOString();
  await db.transaction(async () => {
    // Optional columns come with the imports that fill them (eventTable.ts).
    const required = requiredColumns(canonical);
    for (const sql of schemaStatements(required)) await db.run(sql);
    await db.run(eventsViewSql(canonical, new Set(required.map((c) => c.name))));
    const duckdb = String((await db.scalar('SELECT library_version FROM pragma_version()')) ?? '');
    const meta: [string, string][] = [
      ['marker', CASE_MARKER],
      ['schema_version', String(SCHEMA_VERSION)],
      ['created_at', createdAt],
      ['created_by', `casefile ${createdBy}`],
      ['duckdb_version', duckdb],
    ];
    for (const [key, value] of meta) await db.run('INSERT INTO casefile_meta VALUES (?, ?)', [key, value]);
  });
  await db.run('CHECKPOINT');
  return ok({ db, path, name: basename(path), createdAt });
}

/**
 * Schema 1 kept events in a table of every canonical column with `raw` generated in it; schema 2
 * keeps them in `event_rows` under the `events` view (eventTable.ts). The table is renamed, not
 * copied: its rows and their storage stay as they are.
 */
async function moveToSchema2(db: Db): Promise<void> {
  const kind = await db.scalar(
    "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'events' AND schema_name = 'main'",
  );
  if (Number(kind) === 0) return;
  await db.run(`ALTER TABLE events RENAME TO ${EVENT_ROWS}`);
  if ((await storedEventColumns(db)).has('raw')) await db.run(`ALTER TABLE ${EVENT_ROWS} DROP COLUMN raw`);
}

/**
 * Opens a case. `canonical` is this Casefile's canonical column list: the `events` view is
 * rebuilt from it, so a column added since the case was made reads as NULL there.
 */
export async function openCase(path: string, canonical: readonly ColumnSpec[]): Promise<Result<OpenCase>> {
  if (!existsSync(path)) return err('NOT_FOUND', `${path} does not exist`, { file: path });
  const opened = await connect(path);
  if (!opened.ok) return opened;
  const db = opened.value;
  let meta: Map<string, string>;
  try {
    const rows = await db.objects(`SELECT key, value FROM casefile_meta`);
    meta = new Map(rows.map((r) => [String(r.key), String(r.value)]));
    if (meta.get('marker') !== CASE_MARKER) throw new Error('no casefile marker');
  } catch {
    db.close();
    return err(
      'FOREIGN_FILE',
      `${path} is a DuckDB database but not a Casefile case (no casefile_meta marker)`,
      { file: path },
    );
  }
  const version = Number(meta.get('schema_version'));
  if (version > SCHEMA_VERSION) {
    db.close();
    return err(
      'FOREIGN_FILE',
      `${path} was written by a newer Casefile (schema ${version}); upgrade Casefile`,
      {
        file: path,
      },
    );
  }
  try {
    await db.transaction(async () => {
      if (version < 2) await moveToSchema2(db);
      // Tables added since the case was made (CREATE … IF NOT EXISTS leaves existing ones alone).
      for (const sql of schemaStatements(requiredColumns(canonical))) await db.run(sql);
      await db.run(eventsViewSql(canonical, await storedEventColumns(db)));
      if (version < SCHEMA_VERSION)
        await db.run("UPDATE casefile_meta SET value = ? WHERE key = 'schema_version'", [
          String(SCHEMA_VERSION),
        ]);
    });
  } catch (thrown) {
    db.close();
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return err('INTERNAL', `${path} could not be brought to schema ${SCHEMA_VERSION}: ${message}`, {
      file: path,
    });
  }
  removeStaleStaging(path);
  removeStaleCopies(path);
  return ok({ db, path, name: basename(path), createdAt: meta.get('created_at') ?? '' });
}
