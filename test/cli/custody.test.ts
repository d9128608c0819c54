/** `casefile custody`: the case's own audit trail, its chain check and exit codes (docs/cli.md). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from '../helpers/bundle';
import { scratchDir } from '../helpers/scratchDir';

const F = 'test/fixtures';
const dir = scratchDir('casefile-custody-cli');
let cli = '';

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface CustodyJson {
  case: string;
  intact: boolean;
  entries: { seq: number; action: string; detail: Record<string, unknown>; hash: string }[];
  breaks: { seq: number; kind: string; message: string }[];
  head: { seq: number; hash: string } | null;
  expectedHead?: { hash: string; seq: number | null };
}

function custodyJson(args: string[]): { code: number | null; report: CustodyJson } {
  const r = run(['custody', ...args, '--json']);
  return { code: r.code, report: JSON.parse(r.stdout) as CustodyJson };
}

async function sql(path: string, statement: string): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  await c.run(statement);
  c.closeSync();
  instance.closeSync();
}

beforeAll(async () => {
  cli = await bundleEntry('cli');
});

describe('casefile custody', () => {
  const casePath = join(dir, 'case.duckdb');

  it('lists what was done to the case and exits 0 while the chain holds', () => {
    expect(run(['import', casePath, `${F}/gantz/audit.jsonl`]).code).toBe(0);
    const { code, report } = custodyJson([casePath]);
    expect(code).toBe(0);
    expect(report.intact).toBe(true);
    expect(report.entries.map((e) => e.action)).toEqual(['case.create', 'archive.import', 'verify.run']);
    expect(report.entries[1]?.detail).toMatchObject({
      files: [{ path: `${F}/gantz/audit.jsonl`, records: 300, quarantined: 0 }],
    });
    expect(report.head).toEqual({ seq: 3, hash: report.entries[2]?.hash });
    const human = run(['custody', casePath]);
    expect(human.stdout).toContain(`archive.import: 1 file: ${F}/gantz/audit.jsonl (300 records, sha256 `);
    expect(human.stdout).toContain('verify.run: 1 archive: 1 intact; 0 keys (on import)');
    expect(human.stdout).toContain(`✓ chain intact: 3 entries, head #3 ${report.head?.hash}`);
  });

  it('finds a head noted earlier in a log that only grew, and says how much was added', () => {
    const noted = custodyJson([casePath]).report.head?.hash ?? '';
    expect(run(['import', casePath, `${F}/runtime-steps/steps/tnt_ember.jsonl`]).code).toBe(0);
    const { code, report } = custodyJson([casePath, '--expect-head', noted]);
    expect(code).toBe(0);
    expect(report.expectedHead).toEqual({ hash: noted, seq: 3 });
    expect(run(['custody', casePath, '--expect-head', noted]).stdout).toContain(
      'the expected head is entry #3; 2 entries were added since',
    );
  });

  it('exits 1 naming an edited entry, and a head the log no longer holds', async () => {
    const before = custodyJson([casePath]).report;
    await sql(casePath, `UPDATE custody_log SET detail = '{"files":[]}' WHERE seq = 2`);
    const edited = custodyJson([casePath]);
    expect(edited.code).toBe(1);
    expect(edited.report.breaks).toEqual([
      {
        seq: 2,
        kind: 'edited',
        message: 'entry 2 (archive.import) was changed after it was logged: its hash does not recompute',
      },
    ]);
    await sql(casePath, 'DELETE FROM custody_log WHERE seq >= 4');
    const cut = custodyJson([casePath, '--expect-head', before.head?.hash ?? '']);
    expect(cut.code).toBe(1);
    expect(cut.report.expectedHead).toEqual({ hash: before.head?.hash, seq: null });
    expect(run(['custody', casePath, '--expect-head', before.head?.hash ?? '']).stdout).toContain(
      'is not in the log: it was rewritten or cut since that head was noted',
    );
  });

  it('exits 2 on usage errors and on a case it cannot open', () => {
    expect(run(['custody']).code).toBe(2);
    expect(run(['custody', casePath, '--expect-head', 'abc']).code).toBe(2);
    const missing = run(['custody', join(dir, 'nope.duckdb')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.duckdb does not exist');
  });
});
