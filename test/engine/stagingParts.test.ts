/**
 * The JS import path stages events and hands DuckDB one part every 100k rows (streamRecords.ts
 * STAGE_ROWS, eventStaging.ts). A file long enough for several parts, with quarantined lines
 * throughout, must land exactly as the native path lands it in one INSERT: compared column by
 * column, by digests computed in DuckDB.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Db } from '../../electron/engine/case/db';
import { QUARANTINE_COLUMNS } from '../../electron/engine/import/importRun';
import { MAX_EVENT_RECORD_BYTES } from '../../electron/engine/import/normalizeBatch';
import type { ImportFileReport } from '../../shared/contract/model';
import { testEngine } from '../contract/testEngine';
import { stepLine } from '../helpers/runtimeStepLine';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-staging-parts');
/** More than two staging parts (streamRecords.ts STAGE_ROWS is 100k). */
const LINES = 230_000;

function line(i: number): string {
  const run = `"run_${i % 97}"`;
  if (i % 37 === 36) return stepLine(i, { run_id: undefined }); // a required member missing
  if (i % 1009 === 1008) return `{"run_id":${run},"step_id":}`; // not JSON
  return stepLine(i, { run_id: run, prev: '"p"', hash: '"h"', sig: '"s"' });
}

interface Landed {
  report: ImportFileReport;
  digests: Record<string, unknown>;
}

async function importAndDigest(native: boolean, file: string): Promise<Landed> {
  const engine = testEngine({ nativeImport: native });
  const casePath = join(dir, `${native ? 'native' : 'js'}.duckdb`);
  expect((await engine.handlers['case.create']({ path: casePath })).ok).toBe(true);
  const r = await engine.handlers['archive.import']({ sources: [{ path: file }] });
  engine.close();
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const db = await Db.open(casePath);
  try {
    const columns = (await db.objects(`SELECT column_name FROM duckdb_columns() WHERE table_name = 'events'`))
      .map((c) => String(c.column_name))
      .filter((c) => c !== 'archive_id');
    // One digest per column over the rows in file order: equal digests, equal columns.
    const digest = (table: string, c: string): string =>
      `md5(string_agg(coalesce("${c}"::VARCHAR, '∅'), '|' ORDER BY entry_index)) AS "${table}.${c}"`;
    const [events] = await db.objects(
      `SELECT count(*)::BIGINT AS "events.rows", ${columns.map((c) => digest('events', c)).join(', ')} FROM events`,
    );
    const [quarantine] = await db.objects(
      `SELECT count(*)::BIGINT AS "quarantine.rows", ${QUARANTINE_COLUMNS.filter((c) => c !== 'archive_id')
        .map((c) => digest('quarantine', c))
        .join(', ')} FROM quarantine`,
    );
    const { archiveId: _, ...report } = r.value.files[0] as ImportFileReport;
    return { report: report as ImportFileReport, digests: { ...events, ...quarantine } };
  } finally {
    db.close();
  }
}

describe('staged in parts', () => {
  it('lands a long file with quarantined lines exactly as the one-INSERT native path does', async () => {
    const file = join(dir, 'steps.jsonl');
    writeFileSync(file, `${Array.from({ length: LINES }, (_, i) => line(i)).join('\n')}\n`);
    const js = await importAndDigest(false, file);
    const missing = Math.floor(LINES / 37);
    const notJson = Array.from({ length: LINES }, (_, i) => i).filter(
      (i) => i % 37 !== 36 && i % 1009 === 1008,
    ).length;
    expect(js.report).toMatchObject({
      producer: 'runtime-steps',
      records: LINES - missing - notJson,
      quarantined: missing + notJson,
    });
    expect(js.digests['events.rows']).toBe(String(LINES - missing - notJson));
    const native = await importAndDigest(true, file);
    expect(native.report).toEqual(js.report);
    expect(native.digests).toEqual(js.digests);
  });

  it('fits records at the size limit in a staging INSERT, under its memory limit, byte for byte', async () => {
    const lines = readFileSync('test/fixtures/gantz/audit.jsonl', 'utf8').split('\n').filter(Boolean);
    const padded = (i: number): string => {
      const record = JSON.parse(lines[i] ?? '{}') as Record<string, unknown>;
      const text = JSON.stringify({ ...record, pad: '' });
      return JSON.stringify({ ...record, pad: 'x'.repeat(MAX_EVENT_RECORD_BYTES - Buffer.byteLength(text)) });
    };
    const big = [padded(5), padded(6)];
    expect(big.map((l) => Buffer.byteLength(l))).toEqual([MAX_EVENT_RECORD_BYTES, MAX_EVENT_RECORD_BYTES]);
    const file = join(dir, 'big.jsonl');
    writeFileSync(file, `${[...lines.slice(0, 30), ...big, ...lines.slice(30)].join('\n')}\n`);
    const engine = testEngine({ nativeImport: false });
    const casePath = join(dir, 'big.duckdb');
    expect((await engine.handlers['case.create']({ path: casePath })).ok).toBe(true);
    const r = await engine.handlers['archive.import']({ sources: [{ path: file }] });
    engine.close();
    expect(r.ok && r.value.files[0]).toMatchObject({ producer: 'gantz', records: 302, quarantined: 0 });
    const db = await Db.open(casePath);
    try {
      const rows = await db.objects(
        `SELECT md5(record) AS m FROM events WHERE line IN (31, 32) ORDER BY line`,
      );
      expect(rows.map((row) => row.m)).toEqual(big.map((l) => createHash('md5').update(l).digest('hex')));
    } finally {
      db.close();
    }
  });
});
