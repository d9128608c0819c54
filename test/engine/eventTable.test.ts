/**
 * The events store (eventTable.ts): `event_rows` holds the canonical columns imports filled,
 * `events` shows them all; a case of schema 1 is moved over when opened; an import that finds a
 * column missing after it inserted runs again and lands once.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createCase, openCase } from '../../electron/engine/case/caseFile';
import { Db } from '../../electron/engine/case/db';
import { EventColumns, MissingEventColumns } from '../../electron/engine/case/eventTable';
import { PROVENANCE_COLUMNS } from '../../electron/engine/case/schema';
import { columnsFilledBy, nativeFamily } from '../../electron/engine/import/native/nativeFamilies';
import { CANONICAL_COLUMNS } from '../../shared/ingest/canonicalColumns';
import { comparable, importFilesWith } from '../helpers/importBothWays';
import { scratchDir } from '../helpers/scratchDir';

const F = 'test/fixtures';
const dir = scratchDir('casefile-event-table');
const STORED_PROVENANCE = PROVENANCE_COLUMNS.map((c) => c.name).filter((n) => n !== 'raw');
const REQUIRED = ['ts', 'producer'];
const jsonlIn = (sub: string): string[] =>
  readdirSync(join(F, sub))
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(F, sub, f));

async function columnsOf(db: Db, table: string): Promise<string[]> {
  const rows = await db.objects(
    `SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index`,
    [table],
  );
  return rows.map((r) => String(r.column_name));
}

const opened: Db[] = [];
afterAll(() => opened.forEach((db) => db.close()));

async function openDb(path: string): Promise<Db> {
  const db = await Db.open(path);
  opened.push(db);
  return db;
}

/** A new case under the scratch folder, its connection open. */
async function newCase(name: string): Promise<Db> {
  const created = await createCase(join(dir, name), CANONICAL_COLUMNS, '0.0.0-test');
  if (!created.ok) throw new Error(created.error.message);
  opened.push(created.value.db);
  return created.value.db;
}

describe('the events store', () => {
  it('starts with the required columns only, and shows every canonical column as the events view', async () => {
    const db = await newCase('new.duckdb');
    expect(await columnsOf(db, 'event_rows')).toEqual([...STORED_PROVENANCE, ...REQUIRED]);
    expect(await columnsOf(db, 'events')).toEqual([
      ...PROVENANCE_COLUMNS.map((c) => c.name),
      ...CANONICAL_COLUMNS.map((c) => c.name),
    ]);
    // Types as documented, a column the case does not store included.
    const [types] = await db.objects(
      `SELECT typeof(step) AS step, typeof(delegation_depth) AS depth, typeof(raw) AS raw, typeof(ts) AS ts
       FROM events UNION ALL SELECT 'BIGINT', 'BIGINT', 'BLOB', 'TIMESTAMP' LIMIT 1`,
    );
    expect(types).toEqual({ step: 'BIGINT', depth: 'BIGINT', raw: 'BLOB', ts: 'TIMESTAMP' });
  });

  it("stores only the columns a native import fills, and derives raw as each record's bytes", async () => {
    const steps = jsonlIn('runtime-steps/steps');
    const { events, casePath } = await importFilesWith(true, steps, dir);
    expect(events.length).toBeGreaterThan(0);
    const db = await openDb(casePath);
    const family = nativeFamily('runtime-steps')!;
    const stored = await columnsOf(db, 'event_rows');
    expect(new Set(stored)).toEqual(new Set([...STORED_PROVENANCE, ...columnsFilledBy(family)]));
    expect(stored.length).toBeLessThan(STORED_PROVENANCE.length + CANONICAL_COLUMNS.length);
    // The view's `raw` is each record's exact bytes.
    const [raw] = await db.objects(
      `SELECT count(*) FILTER (WHERE raw <> encode(record))::BIGINT AS differ, count(*)::BIGINT AS n FROM events`,
    );
    expect(raw).toEqual({ differ: '0', n: String(events.length) });
  });

  it('refuses a column once the import has inserted, naming it', async () => {
    const db = await newCase('frozen.duckdb');
    await db.run('BEGIN TRANSACTION');
    const columns = await EventColumns.load(db, CANONICAL_COLUMNS);
    await columns.need(['run_id']);
    expect(columns.has('run_id')).toBe(true);
    columns.inserting();
    await columns.need(['run_id']); // already there: nothing to do
    const refused = columns.need(['run_id', 'delegator', 'delegate']);
    await expect(refused).rejects.toBeInstanceOf(MissingEventColumns);
    await expect(refused).rejects.toMatchObject({ columns: ['delegator', 'delegate'] });
    await db.run('ROLLBACK');
    expect(await columnsOf(db, 'event_rows')).toEqual([...STORED_PROVENANCE, ...REQUIRED]);
  });

  it('runs a call again when a file needs columns after another was inserted, and lands it once', async () => {
    // The runtime-steps file is inserted at once (batch of 1 byte); the gantz file after it
    // takes the JS path, which needs every column.
    const files = [jsonlIn('runtime-steps/steps')[0]!, join(F, 'gantz/audit.jsonl')];
    const both = await importFilesWith(true, files, dir, { nativeBatchBytes: 1 });
    const js = await importFilesWith(false, files, dir);
    expect(both.reports.map((r) => [r.producer, r.records, r.error])).toEqual([
      ['runtime-steps', js.reports[0]!.records, undefined],
      ['gantz', js.reports[1]!.records, undefined],
    ]);
    expect(both.events).toEqual(js.events);
    expect(both.quarantine).toEqual(js.quarantine);
    expect(comparable({ report: both.reports[1]!, events: [], quarantine: [] })).toEqual(
      comparable({ report: js.reports[1]!, events: [], quarantine: [] }),
    );
  });

  it("asks for every column a native family's JS mapper fills in the fixtures", async () => {
    const files = [
      ...jsonlIn('runtime-steps/steps'),
      ...jsonlIn('runtime-steps/cloudevents'),
      ...jsonlIn('runtime-steps/tampered'),
      ...jsonlIn('meshguard/audit'),
      ...jsonlIn('meshguard/siem'),
      ...jsonlIn('meshguard/tampered'),
      ...jsonlIn('agentmesh/scenario'),
    ];
    const { events } = await importFilesWith(false, files, dir);
    const filled = new Map<string, Set<string>>();
    const canonical = new Set<string>(CANONICAL_COLUMNS.map((c) => c.name));
    for (const e of events) {
      const set = filled.get(String(e.producer)) ?? new Set<string>();
      filled.set(String(e.producer), set);
      for (const [k, v] of Object.entries(e)) if (canonical.has(k) && v !== null) set.add(k);
    }
    const natives = [...filled.keys()].filter((p) => nativeFamily(p));
    expect(natives.sort()).toEqual([
      'agentmesh-sink',
      'meshguard',
      'meshguard-siem',
      'runtime-steps',
      'runtime-steps-cloudevents',
    ]);
    for (const producer of natives) {
      const declared = new Set(columnsFilledBy(nativeFamily(producer)!));
      expect(
        [...filled.get(producer)!].filter((c) => !declared.has(c)),
        producer,
      ).toEqual([]);
    }
  });

  it('moves a case of schema 1 to the view over event_rows, rows and bytes unchanged', async () => {
    const path = join(dir, 'schema1.duckdb');
    writeFileSync(path, gunzipSync(readFileSync(`${F}/cases/casefile-0.1.0.duckdb.gz`)));
    const before = await Db.open(path);
    const [was] = await before.objects(
      `SELECT count(*)::BIGINT AS n, md5(string_agg(record, '' ORDER BY row_id)) AS records,
              md5(string_agg(coalesce(event_type, '∅'), '' ORDER BY row_id)) AS types FROM events`,
    );
    before.close();
    const result = await openCase(path, CANONICAL_COLUMNS);
    if (!result.ok) throw new Error(result.error.message);
    const { db } = result.value;
    opened.push(db);
    const [now] = await db.objects(
      `SELECT count(*)::BIGINT AS n, md5(string_agg(record, '' ORDER BY row_id)) AS records,
              md5(string_agg(coalesce(event_type, '∅'), '' ORDER BY row_id)) AS types FROM events`,
    );
    expect(now).toEqual(was);
    expect(Number(was?.n)).toBeGreaterThan(0);
    const kinds = await db.objects(
      `SELECT table_name AS name, 'table' AS kind FROM duckdb_tables() WHERE table_name LIKE 'event%'
       UNION ALL SELECT view_name, 'view' FROM duckdb_views() WHERE view_name LIKE 'event%' ORDER BY 1`,
    );
    expect(kinds).toEqual([
      { name: 'event_rows', kind: 'table' },
      { name: 'events', kind: 'view' },
    ]);
    expect(await columnsOf(db, 'event_rows')).not.toContain('raw');
    expect(await db.scalar(`SELECT count(*) FROM events WHERE raw <> encode(record)`)).toBe('0');
    expect(await db.scalar(`SELECT value FROM casefile_meta WHERE key = 'schema_version'`)).toBe('2');
  });
});
