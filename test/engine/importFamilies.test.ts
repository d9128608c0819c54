/**
 * Every fixture family through the real engine into a real DuckDB file: record counts from the
 * MANIFESTs, canonical columns, provenance, gzip, quarantine, duplicates and custody.
 */
import { gzipSync } from 'node:zlib';
import { appendFileSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCustody } from '../../electron/engine/case/custody';
import type { ImportFileReport } from '../../shared/contract/model';
import type { Result } from '../../shared/contract/result';
import { createDispatcher } from '../../shared/rpc/dispatch';
import { testEngine } from '../contract/testEngine';
import { Db } from '../../electron/engine/case/db';
import { MAX_DOCUMENT_BYTES } from '../../electron/engine/import/textRecords';
import { scratchDir } from '../helpers/scratchDir';

const F = 'test/fixtures';
const dir = scratchDir('casefile-families');
const engine = testEngine();
const dispatch = createDispatcher(engine.handlers);
const casePath = join(dir, 'families.duckdb');

async function importFiles(paths: string[]): Promise<ImportFileReport[]> {
  const r = (await dispatch('archive.import', { sources: paths.map((path) => ({ path })) })) as Result<{
    files: ImportFileReport[];
  }>;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.files;
}

beforeAll(async () => {
  expect((await dispatch('case.create', { path: casePath })).ok).toBe(true);
});
afterAll(() => engine.close());

describe('import of every family', () => {
  const cases: [string, string, string, number][] = [
    [`${F}/agentmesh/scenario/audit_trail.jsonl`, 'agentmesh-sink', 'jsonl', 600],
    [`${F}/agentmesh/scenario/export.json`, 'agentmesh-export', 'json', 600],
    [`${F}/agentmesh/scenario/export.pydantic.json`, 'agentmesh-export', 'json', 600],
    [`${F}/agentmesh/scenario/export.window.json`, 'agentmesh-export', 'json', 118],
    [`${F}/agentmesh/scenario/cloudevents.json`, 'agentmesh-cloudevents', 'json', 600],
    [`${F}/agentmesh/scenario/cloudevents.jsonl`, 'agentmesh-cloudevents', 'jsonl', 600],
    [`${F}/agentmesh/scenario/export.parquet`, 'agentmesh-export', 'parquet', 600],
    [`${F}/gantz/audit.jsonl`, 'gantz', 'jsonl', 300],
    [`${F}/meshguard/audit/2024-03-14.jsonl`, 'meshguard', 'jsonl', 641],
    [`${F}/meshguard/cloudevents/2024-03-15.jsonl`, 'meshguard-cloudevents', 'jsonl', 657],
    [`${F}/meshguard/siem/2024-03-16.jsonl`, 'meshguard-siem', 'jsonl', 155],
    [`${F}/meshguard/parquet/meshguard-audit.parquet`, 'meshguard', 'parquet', 1453],
    [`${F}/runtime-steps/steps/tnt_bluefin.jsonl`, 'runtime-steps', 'jsonl', 956],
    [`${F}/runtime-steps/cloudevents/tnt_ember.jsonl`, 'runtime-steps-cloudevents', 'jsonl', 294],
    [`${F}/runtime-steps/parquet/steps.parquet`, 'runtime-steps', 'parquet', 3217],
  ];
  it.each(cases)('%s → %s (%s), %i records', async (path, producer, container, records) => {
    const [report] = await importFiles([path]);
    expect(report).toMatchObject({ producer, container, records, quarantined: 0 });
    expect(report?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the original bytes and provenance of each JSONL record', async () => {
    const lines = readFileSync(`${F}/runtime-steps/steps/tnt_bluefin.jsonl`, 'utf8').split('\n');
    const firstHash = (JSON.parse(lines[0] ?? '{}') as { hash: string }).hash;
    const page = await dispatch('events.page', { offset: 0, limit: 1, search: `"hash":"${firstHash}"` });
    const table = page.ok ? (page.value as { rows: string[][]; columns: string[] }) : null;
    expect(table?.rows).toHaveLength(1);
    const id = table?.rows[0]?.[table.columns.indexOf('row_id')];
    const detail = await dispatch('events.get', { rowId: String(id) });
    expect(detail).toMatchObject({
      ok: true,
      value: { raw: lines[0], line: 1, byteOffset: '0', entryIndex: 0 },
    });
  });

  it('reads gzip by content, with line numbers in the decompressed text', async () => {
    const gz = join(dir, 'gantz-copy.bin');
    const text = readFileSync(`${F}/gantz/audit.jsonl`, 'utf8').split('\n').slice(0, 10).join('\n');
    writeFileSync(gz, gzipSync(Buffer.from(`${text}\n`)));
    const [report] = await importFiles([gz]);
    expect(report).toMatchObject({ producer: 'gantz', container: 'jsonl+gzip', records: 10, quarantined: 0 });
    // The same bytes again: a duplicate, whose report names the container the same way.
    const [again] = await importFiles([gz]);
    expect(again).toMatchObject({ container: 'jsonl+gzip', records: 0, duplicateOf: gz });
  });

  it('handles a BOM, CRLF endings and blank lines; quarantines a torn last line with its position', async () => {
    const lines = readFileSync(`${F}/meshguard/audit/2024-03-16.jsonl`, 'utf8').split('\n').slice(0, 4);
    const path = join(dir, 'crlf.jsonl');
    writeFileSync(
      path,
      `\uFEFF${lines[0]}\r\n\r\n${lines[1]}\r\n${lines[2]}\r\n${(lines[3] ?? '').slice(0, 40)}`,
    );
    const [report] = await importFiles([path]);
    expect(report).toMatchObject({ producer: 'meshguard', records: 3, quarantined: 1 });
    const q = await dispatch('quarantine.page', { offset: 0, limit: 5, archiveId: report?.archiveId ?? '' });
    const table = q.ok ? (q.value as { columns: string[]; rows: string[][] }) : null;
    const row = table?.rows[0] ?? [];
    expect(row[table?.columns.indexOf('line') ?? -1]).toBe('5');
    expect(row[table?.columns.indexOf('reason') ?? -1]).toMatch(/torn last line/);
  });

  it('imports every element of a broken JSON document but the broken one, which is quarantined', async () => {
    const [report] = await importFiles([`${F}/agentmesh/tampered/export.invalid-json.json`]);
    // The element with the trailing comma (entries[205]) is the only record lost to quarantine.
    expect(report).toMatchObject({ producer: 'agentmesh-export', records: 599, quarantined: 1 });
    const q = await dispatch('quarantine.page', { offset: 0, limit: 5, archiveId: report?.archiveId ?? '' });
    const table = q.ok ? (q.value as { columns: string[]; rows: string[][] }) : null;
    expect(table?.rows[0]?.[table.columns.indexOf('reason')]).toMatch(/trailing comma/);
  });

  it('keeps a 15 MiB first record as an event, byte for byte, and reads the file as JSON Lines', async () => {
    const lines = readFileSync(`${F}/gantz/audit.jsonl`, 'utf8').split('\n');
    // Longer than the sniffing head (64 KiB); near the largest record kept as an event (16 MiB).
    const big = (lines[0] ?? '').replace(
      '"parameters": {',
      `"parameters": {"blob": "${'é'.repeat(7_900_000)}", `,
    );
    expect(Buffer.byteLength(big)).toBeGreaterThan(15 * 1024 * 1024);
    const path = join(dir, 'gantz-big.jsonl');
    writeFileSync(path, `${big}\n${lines[1]}\n`);
    const [report] = await importFiles([path]);
    expect(report).toMatchObject({ producer: 'gantz', container: 'jsonl', records: 2, quarantined: 0 });
    const page = await dispatch('events.page', { offset: 0, limit: 2, archiveId: report?.archiveId ?? '' });
    const table = page.ok ? (page.value as { rows: string[][]; columns: string[] }) : null;
    const id = table?.rows[0]?.[table.columns.indexOf('row_id')];
    const detail = await dispatch('events.get', { rowId: String(id) });
    const raw = detail.ok ? (detail.value as { raw: string }).raw : '';
    expect(raw.length).toBe(big.length);
    expect(raw === big).toBe(true);
  });

  it('imports an archive whose hash holds a lone surrogate, and keeps the verification report that names it', async () => {
    // JSON allows `\ud800` alone; DuckDB's JSON columns refuse it. Quoted in a finding, it once
    // failed the report's INSERT and with it the whole import.
    const lines = readFileSync(`${F}/gantz/audit.jsonl`, 'utf8').split('\n').slice(0, 20);
    lines[12] = (lines[12] ?? '').replace('"event_hash": "', '"event_hash": "\\ud800');
    const path = join(dir, 'gantz-lone-surrogate.jsonl');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const [report] = await importFiles([path]);
    expect(report).toMatchObject({ producer: 'gantz', records: 20, quarantined: 0 });
    const results = await dispatch('verify.results', { archiveId: report?.archiveId ?? '' });
    const stored = results.ok ? (results.value as { report: { verdict: string } }[]) : [];
    expect(stored[0]?.report.verdict).toBe('tampered');
    expect(JSON.stringify(stored)).toContain('\uFFFD');
  });

  it('reports a duplicate by SHA-256, whatever its name', async () => {
    const copy = join(dir, 'copy-of-gantz.jsonl');
    writeFileSync(copy, readFileSync(`${F}/gantz/audit.jsonl`));
    const [report] = await importFiles([copy]);
    expect(report?.duplicateOf).toBe(`${F}/gantz/audit.jsonl`);
    expect(report?.records).toBe(0);
  });

  it('names a file that is not an archive, and still imports the others of the same call', async () => {
    const junk = join(dir, 'report.pdf');
    writeFileSync(junk, '%PDF-1.7 not an archive');
    const reports = await importFiles([junk, `${F}/runtime-steps/steps/tnt_copperleaf.jsonl`]);
    expect(reports[0]?.error).toMatchObject({ code: 'NOT_AN_ARCHIVE', where: { file: junk } });
    expect(reports[1]).toMatchObject({ producer: 'runtime-steps', records: 784 });
  });

  it('names a JSON document too large to read whole, and still imports the others of the same call', async () => {
    const huge = join(dir, 'huge-export.json');
    writeFileSync(huge, '{"entries": [\n');
    truncateSync(huge, MAX_DOCUMENT_BYTES + 1); // sparse
    const reports = await importFiles([huge, `${F}/gantz/tampered/audit.delete-line.jsonl`]);
    expect(reports[0]?.error).toMatchObject({
      code: 'NOT_AN_ARCHIVE',
      message: expect.stringContaining('JSON Lines'),
      where: { file: huge },
    });
    expect(reports[1]).toMatchObject({ producer: 'gantz', quarantined: 0 });
  });

  it('imports the records of a cut gzip file up to the cut, quarantines the torn line and says where it broke', async () => {
    const lines = readFileSync(`${F}/meshguard/audit/2024-03-15.jsonl`, 'utf8').split('\n');
    const gz = gzipSync(`${lines.slice(0, 200).join('\n')}\n`);
    const path = join(dir, 'cut-copy.bin');
    writeFileSync(path, gz.subarray(0, Math.floor(gz.length / 2)));
    const reports = await importFiles([path, `${F}/runtime-steps/tampered/tnt_ember.delete-event.jsonl`]);
    const [cut] = reports;
    expect(cut).toMatchObject({ producer: 'meshguard', container: 'jsonl+gzip', quarantined: 1 });
    expect(cut?.records).toBeGreaterThan(10);
    expect(cut?.records).toBeLessThan(199);
    expect(cut?.notes).toContainEqual(expect.stringMatching(/^gzip: the compressed stream breaks after \d+/));
    const q = await dispatch('quarantine.page', { offset: 0, limit: 5, archiveId: cut?.archiveId ?? '' });
    const table = q.ok ? (q.value as { columns: string[]; rows: string[][] }) : null;
    expect(table?.rows[0]?.[table.columns.indexOf('reason')]).toMatch(/torn last line/);
    expect(reports[1]?.archiveId).toBeDefined();
  });

  it('imports a cut gzip export up to the cut, and its verification says it cannot judge the whole', async () => {
    const gz = gzipSync(readFileSync(`${F}/agentmesh/scenario/export.json`));
    const path = join(dir, 'cut-export.json.gz');
    writeFileSync(path, gz.subarray(0, Math.floor(gz.length * 0.6)));
    const [report] = await importFiles([path]);
    expect(report).toMatchObject({ producer: 'agentmesh-export', container: 'json+gzip', quarantined: 1 });
    expect(report?.records).toBeGreaterThan(100);
    expect(report?.notes).toContainEqual(expect.stringMatching(/^gzip: the compressed stream breaks/));
    const results = await dispatch('verify.results', { archiveId: report?.archiveId ?? '' });
    expect(results).toMatchObject({
      ok: true,
      value: [
        {
          report: {
            verdict: 'unverifiable',
            unverifiableReason: expect.stringMatching(/cannot be read whole/),
          },
        },
      ],
    });
  });

  it('names a directory and a cut Parquet file, and still imports the others of the same call', async () => {
    const cut = join(dir, 'cut.parquet');
    writeFileSync(cut, readFileSync(`${F}/runtime-steps/parquet/steps.parquet`).subarray(0, 3000));
    const folder = mkdtempSync(join(dir, 'folder-'));
    const reports = await importFiles([
      folder,
      cut,
      `${F}/runtime-steps/tampered/tnt_ember.edit-field.jsonl`,
    ]);
    expect(reports[0]?.error).toMatchObject({ code: 'NOT_AN_ARCHIVE', message: `${folder} is not a file` });
    expect(reports[1]?.error).toMatchObject({
      code: 'NOT_AN_ARCHIVE',
      message: expect.stringMatching(/^.*cut\.parquet: not a readable Parquet file: .*magic bytes/),
      where: { file: cut },
    });
    expect(reports[2]).toMatchObject({ producer: 'runtime-steps', quarantined: 0 });
  });

  it('rolls the whole call back, naming the file, when Parquet rows stop decoding part-way', async () => {
    const bytes = readFileSync(`${F}/runtime-steps/parquet/steps.parquet`);
    for (let i = Math.floor(bytes.length / 3); i < Math.floor(bytes.length / 3) + 2000; i++)
      bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
    const corrupt = join(dir, 'corrupt.parquet');
    writeFileSync(corrupt, bytes);
    const before = await dispatch('archive.list', {});
    const r = await dispatch('archive.import', {
      sources: [{ path: `${F}/runtime-steps/tampered/tnt_ember.duplicated-line.jsonl` }, { path: corrupt }],
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_AN_ARCHIVE',
        message: expect.stringMatching(
          /corrupt\.parquet: Parquet rows after row \d+ do not decode: .*the case is unchanged$/,
        ),
      },
    });
    expect(await dispatch('archive.list', {})).toEqual(before);
  });

  it('rolls the call back when a file is written to while it is imported, as its hash would not be of what was read', async () => {
    const live = join(dir, 'live.jsonl');
    // Not a copy of a file imported above, which would be reported as a duplicate before reading.
    writeFileSync(
      live,
      `${readFileSync(`${F}/gantz/audit.jsonl`, 'utf8').split('\n').slice(0, 100).join('\n')}\n`,
    );
    let appended = false;
    const stop = engine.onEvent((event) => {
      if (event.type !== 'import.progress' || appended) return;
      appended = true;
      appendFileSync(live, `${readFileSync(`${F}/gantz/audit.jsonl`, 'utf8').split('\n')[0]}\n`);
    });
    const before = await dispatch('archive.list', {});
    try {
      const r = await dispatch('archive.import', { sources: [{ path: live }] });
      expect(appended).toBe(true);
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'NOT_AN_ARCHIVE',
          message: expect.stringMatching(/live\.jsonl: the file changed while it was imported/),
        },
      });
    } finally {
      stop();
    }
    expect(await dispatch('archive.list', {})).toEqual(before);
  });

  it('normalizes decisions and delegation into the canonical columns', async () => {
    engine.close();
    const db = await Db.open(casePath);
    try {
      const decisions = await db.objects(
        `SELECT DISTINCT decision FROM events WHERE decision IS NOT NULL ORDER BY 1`,
      );
      expect(decisions.map((d) => d.decision)).toEqual(['allow', 'approval_required', 'deny', 'stop']);
      const depth = await db.scalar(`SELECT max(delegation_depth) FROM events WHERE producer = 'meshguard'`);
      expect(Number(depth)).toBe(6);
      const custody = await verifyCustody(db);
      expect(custody.intact).toBe(true);
      expect(custody.entries).toBeGreaterThan(15);
    } finally {
      db.close();
    }
    expect((await dispatch('case.open', { path: casePath })).ok).toBe(true);
  });
});
