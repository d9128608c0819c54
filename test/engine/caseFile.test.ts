import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { createCase, openCase, type OpenCase } from '../../electron/engine/case/caseFile';
import { CASE_STORAGE_VERSION } from '../../electron/engine/case/schema';
import { appendCustody, verifyCustody } from '../../electron/engine/case/custody';
import { jsonColumnText } from '../../electron/engine/case/jsonColumn';
import { classifyOpenError } from '../../electron/engine/case/openError';
import { scratchDir } from '../helpers/scratchDir';

const COLUMNS = [{ name: 'ts', sqlType: 'TIMESTAMPTZ' }];
const opened: OpenCase[] = [];
const dir = scratchDir('casefile-case');
let n = 0;
const fresh = (): string => join(dir, `case-${++n}.duckdb`);

/** The storage format DuckDB reads the open case as (duckdb_databases tags, e.g. `v1.3.0+`). */
async function storageVersion(c: OpenCase): Promise<string> {
  const [db] = await c.db.objects(
    `SELECT tags['storage_version'] AS v FROM duckdb_databases() WHERE path = ?`,
    [c.path],
  );
  return String(db?.v);
}

afterEach(() => {
  for (const c of opened.splice(0)) c.db.close();
});

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('case files', () => {
  it('creates a case that reopens with its marker and tables', async () => {
    const path = fresh();
    const c = await must(createCase(path, COLUMNS, '0.0.0-test'));
    c.db.close();
    const again = await must(openCase(path, COLUMNS));
    opened.push(again);
    const tables = await again.db.objects(`SELECT table_name FROM duckdb_tables() ORDER BY table_name`);
    expect(tables.map((t) => t.table_name)).toEqual([
      'archives',
      'casefile_meta',
      'custody_log',
      'event_rows',
      'mappings',
      'quarantine',
      'verify_findings',
      'verify_reports',
      'verify_runs',
    ]);
    expect(again.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Which Casefile and which DuckDB wrote it, for whoever opens it years later.
    const meta = await again.db.objects(`SELECT key, value FROM casefile_meta ORDER BY key`);
    const version = await again.db.scalar('SELECT library_version FROM pragma_version()');
    expect(Object.fromEntries(meta.map((m) => [m.key, m.value]))).toEqual({
      created_at: again.createdAt,
      created_by: 'casefile 0.0.0-test',
      duckdb_version: version,
      marker: 'casefile-case',
      schema_version: '2',
    });
    const views = await again.db.objects(`SELECT view_name FROM duckdb_views() WHERE NOT internal`);
    expect(views.map((v) => v.view_name)).toEqual(['events']);
  });

  it('writes a new case in DuckDB storage v1.3.0, whose DICT_FSST makes imports cheaper', async () => {
    const path = fresh();
    const c = await must(createCase(path, [{ name: 's', sqlType: 'VARCHAR NOT NULL' }], '0.0.0-test'));
    c.db.close();
    const again = await must(openCase(path, COLUMNS));
    opened.push(again);
    expect(await storageVersion(again)).toBe(`${CASE_STORAGE_VERSION}+`);
    // The format decides the compression DuckDB may choose: the older one has no DICT_FSST.
    await again.db.run(`INSERT INTO event_rows (row_id, archive_id, entry_index, record, s)
      SELECT i, 'a', i, '{}', 'v' || (i % 50) FROM range(200000) r(i)`);
    await again.db.run('CHECKPOINT');
    const methods = await again.db.objects(
      `SELECT DISTINCT compression FROM pragma_storage_info('event_rows') WHERE column_name = 's' AND segment_type = 'VARCHAR'`,
    );
    expect(methods.map((m) => m.compression)).toEqual(['DICT_FSST']);
  });

  it('leaves a case made in the older format in it, so the DuckDB that made it still opens it', async () => {
    const path = fresh();
    writeFileSync(path, gunzipSync(readFileSync('test/fixtures/cases/casefile-0.1.0.duckdb.gz')));
    const older = await must(openCase(path, COLUMNS));
    opened.push(older);
    const before = await storageVersion(older);
    expect(before).not.toBe(`${CASE_STORAGE_VERSION}+`);
    await older.db
      .run(`INSERT INTO event_rows (row_id, archive_id, entry_index, record, ts, producer, event_type)
      SELECT 1000000 + i, 'a', i, '{}', TIMESTAMP '2025-01-01', 'mapped', 'v' || (i % 50) FROM range(200000) r(i)`);
    await older.db.run('CHECKPOINT');
    expect(await storageVersion(older)).toBe(before);
    const methods = await older.db.objects(
      `SELECT DISTINCT compression FROM pragma_storage_info('event_rows') WHERE column_name = 'event_type' AND segment_type = 'VARCHAR'`,
    );
    expect(methods.map((m) => m.compression)).not.toContain('DICT_FSST');
  });

  it('refuses to create over an existing file', async () => {
    const path = fresh();
    writeFileSync(path, 'x');
    expect(await createCase(path, COLUMNS, '0.0.0-test')).toMatchObject({
      ok: false,
      error: { code: 'EXISTS', where: { file: path } },
    });
  });

  it('names a missing file', async () => {
    const path = join(dir, 'missing.duckdb');
    expect(await openCase(path, COLUMNS)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', where: { file: path } },
    });
  });

  it('refuses a file that is not DuckDB, and a DuckDB file that is not a case', async () => {
    const text = fresh();
    writeFileSync(text, '{"not":"a database"}\n'.repeat(200));
    expect(await openCase(text, COLUMNS)).toMatchObject({
      ok: false,
      error: { code: 'FOREIGN_FILE', where: { file: text } },
    });
    const other = fresh();
    const inst = await DuckDBInstance.create(other);
    const conn = await inst.connect();
    await conn.run('CREATE TABLE t (x INTEGER)');
    conn.closeSync();
    inst.closeSync();
    const r = await openCase(other, COLUMNS);
    expect(r).toMatchObject({ ok: false, error: { code: 'FOREIGN_FILE' } });
    expect(r.ok ? '' : r.error.message).toContain('not a Casefile case');
  });

  it('names a damaged case file as damaged, not as locked', async () => {
    const path = fresh();
    (await must(createCase(path, COLUMNS, '0.0.0-test'))).db.close();
    // One byte of the main header flipped: DuckDB's checksum of that block no longer matches.
    const bytes = readFileSync(path);
    bytes[20] = (bytes[20] ?? 0) ^ 0xff;
    writeFileSync(path, bytes);
    const r = await openCase(path, COLUMNS);
    expect(r).toMatchObject({ ok: false, error: { code: 'FOREIGN_FILE', where: { file: path } } });
    expect(r.ok ? '' : r.error.message).toMatch(
      /is damaged: DuckDB found bytes that do not match their checksum \(Corrupt database file: .*\); open a copy made before the damage$/,
    );
  });

  it('says a file from a newer DuckDB needs a newer Casefile', () => {
    // DuckDB's message for a storage format it cannot read (src/storage/storage_info.cpp).
    const thrown = new Error(
      'IO Error: Trying to read a database file with version number 70, but we can only read version 64.',
    );
    expect(classifyOpenError('/cases/new.duckdb', thrown)).toMatchObject({
      ok: false,
      error: {
        code: 'FOREIGN_FILE',
        message:
          '/cases/new.duckdb was written by a newer DuckDB (storage version 70; this Casefile reads up to 64): open it with a newer Casefile',
      },
    });
  });

  it('reports a case held by another process as LOCKED', async () => {
    const path = fresh();
    (await must(createCase(path, COLUMNS, '0.0.0-test'))).db.close();
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import {DuckDBInstance} from '@duckdb/node-api'; const i = await DuckDBInstance.create(${JSON.stringify(path)}); await i.connect(); console.log('held'); setTimeout(() => {}, 60000);`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      const r = await openCase(path, COLUMNS);
      expect(r).toMatchObject({ ok: false, error: { code: 'LOCKED', where: { file: path } } });
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

describe('custody log', () => {
  it('chains every action and detects an edited entry', async () => {
    const c = await must(createCase(fresh(), COLUMNS, '0.0.0-test'));
    opened.push(c);
    await appendCustody(c.db, 'case.create', { path: c.path });
    await appendCustody(c.db, 'archive.import', { files: [{ path: 'a.jsonl', sha256: 'ab'.repeat(32) }] });
    await appendCustody(c.db, 'archive.import', { files: [{ path: 'b.jsonl', sha256: 'cd'.repeat(32) }] });
    expect(await verifyCustody(c.db)).toMatchObject({ entries: 3, intact: true, firstBadSeq: null });
    await c.db.run(`UPDATE custody_log SET detail = '{"files":[{"path":"evil.jsonl"}]}' WHERE seq = 2`);
    expect(await verifyCustody(c.db)).toMatchObject({
      entries: 3,
      intact: false,
      firstBadSeq: 2,
      breaks: [{ seq: 2, kind: 'edited' }],
    });
  });

  it('logs a detail holding lone surrogates, which a JSON column cannot hold, and still verifies', async () => {
    const c = await must(createCase(fresh(), COLUMNS, '0.0.0-test'));
    opened.push(c);
    await appendCustody(c.db, 'mapping.save', { name: 'm\ud800', fields: { 'k\udc00': ['\ud83d\ude00'] } });
    expect(await verifyCustody(c.db)).toMatchObject({ entries: 1, intact: true, firstBadSeq: null });
    const [row] = await c.db.objects('SELECT detail::VARCHAR AS d FROM custody_log');
    expect(JSON.parse(String(row?.d))).toEqual({ name: 'm\uFFFD', fields: { 'k\uFFFD': ['\ud83d\ude00'] } });
  });
});

describe('JSON column text', () => {
  it('is taken by DuckDB whatever strings and keys it holds, lone surrogates as U+FFFD', async () => {
    const c = await must(createCase(fresh(), COLUMNS, '0.0.0-test'));
    opened.push(c);
    const value = { 'a\ud800': ['x\udc00y', { pair: '\ud83d\ude00', n: 1 }], plain: 'ok' };
    const [row] = await c.db.objects('SELECT (?::JSON)::VARCHAR AS j', [jsonColumnText(value)]);
    expect(JSON.parse(String(row?.j))).toEqual({
      'a\uFFFD': ['x\uFFFDy', { pair: '\ud83d\ude00', n: 1 }],
      plain: 'ok',
    });
    await expect(c.db.objects('SELECT ?::JSON AS j', [JSON.stringify(value)])).rejects.toThrow(/surrogate/);
  });
});
