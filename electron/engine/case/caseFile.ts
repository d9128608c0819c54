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
import { classifyOpenError } from './openError';
import {
  CASE_MARKER,
  CASE_STORAGE_VERSION,
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
    for (const sql of schemaStatements(canonical)) await db.run(sql);
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

export async function openCase(path: string): Promise<Result<OpenCase>> {
  if (!existsSync(path)) return err('NOT_FOUND', `${path} does not exist`, { file: path });
  const opened = await connect(path);
  if (!opened.ok) return opened;
  const db = opened.value;
  try {
    const rows = await db.objects(`SELECT key, value FROM casefile_meta`);
    const meta = new Map(rows.map((r) => [String(r.key), String(r.value)]));
    if (meta.get('marker') !== CASE_MARKER) throw new Error('no casefile marker');
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
    // Tables added since the case was made (CREATE … IF NOT EXISTS leaves existing ones alone).
    for (const sql of schemaStatements([])) await db.run(sql);
    removeStaleStaging(path);
    removeStaleCopies(path);
    return ok({ db, path, name: basename(path), createdAt: meta.get('created_at') ?? '' });
  } catch {
    db.close();
    return err(
      'FOREIGN_FILE',
      `${path} is a DuckDB database but not a Casefile case (no casefile_meta marker)`,
      {
        file: path,
      },
    );
  }
}
