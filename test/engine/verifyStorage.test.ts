/**
 * How verification results are stored: findings go in through an appender and reports through
 * batched INSERTs, so these check that the rows still say exactly what the returned reports say
 * (columns, NULLs for absent fields, order) and that a failure later in the same transaction
 * leaves no run, report or finding behind.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ArchiveVerification, ImportFileReport } from '../../shared/contract/model';
import type { Result } from '../../shared/contract/result';
import { createDispatcher } from '../../shared/rpc/dispatch';
import { Db } from '../../electron/engine/case/db';
import { verifyCase } from '../../electron/engine/verify/verifyCase';
import { testEngine } from '../contract/testEngine';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-verify-storage');
const casePath = join(dir, 'verify.duckdb');
// Every tampered fixture of every family: findings with and without line, field and chain.
const TAMPERED = ['agentmesh', 'gantz', 'meshguard', 'runtime-steps'].flatMap((family) => {
  const folder = `test/fixtures/${family}/tampered`;
  return readdirSync(folder)
    .filter((name) => !name.endsWith('.truth.json'))
    .map((name) => `${folder}/${name}`);
});

async function dispatched<T>(call: Promise<unknown>): Promise<T> {
  const r = (await call) as Result<T>;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

let runId = '';
let verified: ArchiveVerification[] = [];

beforeAll(async () => {
  const engine = testEngine();
  try {
    const dispatch = createDispatcher(engine.handlers);
    await dispatched(dispatch('case.create', { path: casePath }));
    const imported = await dispatched<{ files: ImportFileReport[] }>(
      dispatch('archive.import', { sources: TAMPERED.map((path) => ({ path })) }),
    );
    expect(imported.files.filter((f) => f.archiveId).length).toBeGreaterThan(20);
    const run = await dispatched<{ runId: string; archives: ArchiveVerification[] }>(
      dispatch('verify.run', {}),
    );
    runId = run.runId;
    verified = run.archives;
  } finally {
    engine.close();
  }
}, 60_000);

describe('stored verification results', () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open(casePath);
  });
  afterAll(() => db.close());

  it('stores one finding row per reported finding, in report order, absent fields as NULL', async () => {
    const expected = verified.flatMap((a) =>
      a.report.findings.map((f) => [
        runId,
        a.archiveId,
        f.kind,
        f.entryIndex === undefined ? null : String(f.entryIndex),
        f.line === undefined ? null : String(f.line),
        f.field ?? null,
        f.chain ?? null,
        f.detail,
      ]),
    );
    expect(expected.length).toBeGreaterThan(40);
    // The fixtures must exercise the NULL path of every nullable column.
    for (const column of [3, 4, 5, 6]) expect(expected.some((row) => row[column] === null)).toBe(true);
    const stored = await db.table(
      `SELECT run_id, archive_id, kind, entry_index, line, field, chain, detail
       FROM verify_findings WHERE run_id = ? ORDER BY rowid`,
      [runId],
    );
    expect(stored.rows).toEqual(expected);
  });

  it('stores one report row per archive, in order, with the report as JSON', async () => {
    const rows = await db.objects(
      `SELECT archive_id, verdict, findings, typeof(report) AS type, report::VARCHAR AS report
       FROM verify_reports WHERE run_id = ? ORDER BY rowid`,
      [runId],
    );
    expect(rows).toEqual(
      verified.map((a) => ({
        archive_id: a.archiveId,
        verdict: a.report.verdict,
        findings: String(a.report.findings.length),
        type: 'JSON',
        report: JSON.stringify(a.report),
      })),
    );
  });

  it('keeps nothing of a run whose transaction fails after the findings are written', async () => {
    const counts = async (): Promise<unknown[]> =>
      Promise.all(
        ['verify_runs', 'verify_reports', 'verify_findings', 'custody_log'].map((t) =>
          db.scalar(`SELECT count(*) FROM ${t}`),
        ),
      );
    const before = await counts();
    const objects = db.objects.bind(db);
    // The custody entry is the last write of the run, after the findings were appended.
    const spy = vi.spyOn(db, 'objects').mockImplementation(async (sql, params) => {
      if (sql.includes('FROM custody_log')) throw new Error('custody unavailable');
      return objects(sql, params);
    });
    try {
      await expect(
        verifyCase(db, { keys: { hmac: [], ed25519: [] }, anchors: [], trigger: 'user' }),
      ).rejects.toThrow('custody unavailable');
    } finally {
      spy.mockRestore();
    }
    expect(await counts()).toEqual(before);
  });
});
