/**
 * One contract suite, run once per transport (in process, and over real loopback HTTP), so
 * a response the HTTP path cannot carry fails here rather than in the renderer.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Method, Request, Response } from '../../shared/contract/api';
import type { EventDetail, ImportReport, TablePage } from '../../shared/contract/model';
import { scratchDir } from '../helpers/scratchDir';

export interface ContractClient {
  call<M extends Method>(method: M, req: Request<M>): Promise<Response<M>>;
  close(): Promise<void>;
}

const GANTZ = 'test/fixtures/gantz/audit.jsonl';

function value<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

export function runContractSuite(name: string, makeClient: () => Promise<ContractClient>): void {
  describe(`contract over ${name}`, () => {
    let client: ContractClient;
    const dir = scratchDir(`casefile-contract-${name.replace(/\W+/g, '-')}`);
    const casePath = join(dir, 'case.duckdb');

    beforeAll(async () => {
      client = await makeClient();
    });
    afterAll(async () => {
      await client.close();
    });

    async function call<M extends Method>(method: M, req: Request<M>): Promise<Response<M>> {
      const r = await client.call(method, req);
      // Every response must survive JSON: the IPC path may not carry what HTTP cannot.
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
      return r;
    }

    it('answers app.info with no case open', async () => {
      const info = value(await call('app.info', {}));
      expect(info.currentCase).toBeNull();
      expect(info.version).toMatch(/\d+\.\d+\.\d+/);
    });

    it('answers NO_CASE before a case is open', async () => {
      expect(await call('events.page', { offset: 0, limit: 10 })).toMatchObject({
        ok: false,
        error: { code: 'NO_CASE' },
      });
    });

    it('names the missing file and the invalid field', async () => {
      const missing = join(dir, 'nope.duckdb');
      expect(await call('case.open', { path: missing })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', where: { file: missing } },
      });
      const bad = await client.call('events.page', { offset: 0, limit: 0 });
      expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', where: { field: 'limit' } } });
    });

    it('creates a case and imports an archive with provenance', async () => {
      const info = value(await call('case.create', { path: casePath }));
      expect(info).toMatchObject({ path: casePath, archives: 0, events: 0 });
      const report: ImportReport = value(await call('archive.import', { sources: [{ path: GANTZ }] }));
      expect(report.files).toHaveLength(1);
      expect(report.files[0]).toMatchObject({
        producer: 'gantz',
        container: 'jsonl',
        records: 300,
        quarantined: 0,
      });
      expect(report.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
      const archives = value(await call('archive.list', {}));
      expect(archives).toHaveLength(1);
      expect(archives[0]).toMatchObject({ producer: 'gantz', records: 300, sha256: report.files[0]?.sha256 });
    });

    it('pages events and returns each original line byte for byte', async () => {
      const page: TablePage = value(await call('events.page', { offset: 290, limit: 50 }));
      expect(page.total).toBe(300);
      expect(page.rows).toHaveLength(10);
      expect(page.columns).toContain('row_id');
      const rowId = page.rows[9]?.[page.columns.indexOf('row_id')];
      const detail: EventDetail = value(await call('events.get', { rowId: String(rowId) }));
      const lines = readFileSync(GANTZ, 'utf8').split('\n');
      expect(detail.line).toBe(300);
      expect(detail.raw).toBe(lines[299]);
      expect(detail.rawBase64).toBeUndefined();
    });

    it('filters by a search over the original text', async () => {
      const firstLine = readFileSync(GANTZ, 'utf8').split('\n')[0] ?? '';
      const eventId = (JSON.parse(firstLine) as { event_id: string }).event_id;
      const page = value(await call('events.page', { offset: 0, limit: 10, search: eventId }));
      expect(page.total).toBe(1);
    });

    it('detects a re-import by SHA-256 and adds nothing', async () => {
      const copy = join(dir, 'renamed-copy.jsonl');
      copyFileSync(GANTZ, copy);
      const report = value(await call('archive.import', { sources: [{ path: copy }] }));
      expect(report.files[0]?.duplicateOf).toBe(GANTZ);
      expect(value(await call('events.page', { offset: 0, limit: 1 })).total).toBe(300);
    });

    it('answers the custody log with the import in it and the chain intact', async () => {
      const log = value(await call('custody.log', {}));
      // An import verifies what it brought in, and logs that too.
      expect(log.entries.map((e) => e.action)).toEqual(['case.create', 'archive.import', 'verify.run']);
      const imported = JSON.parse(log.entries[1]?.detail ?? '{}') as {
        files: { path: string; sha256: string }[];
      };
      expect(imported.files).toEqual([expect.objectContaining({ path: GANTZ, records: 300 })]);
      expect(imported.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(log.check).toEqual({
        entries: 3,
        intact: true,
        firstBadSeq: null,
        breaks: [],
        head: { seq: 3, hash: log.entries[2]?.hash },
      });
    });

    it('quarantines a malformed line and imports the rest', async () => {
      const lines = readFileSync(GANTZ, 'utf8').split('\n').slice(0, 5);
      lines.splice(2, 0, '{"event_id": "broken", ');
      const broken = join(dir, 'broken.jsonl');
      writeFileSync(broken, `${lines.join('\n')}\n`);
      const report = value(await call('archive.import', { sources: [{ path: broken }] }));
      expect(report.files[0]).toMatchObject({ records: 5, quarantined: 1 });
      const q = value(
        await call('quarantine.page', { offset: 0, limit: 10, archiveId: report.files[0]?.archiveId ?? '' }),
      );
      expect(q.total).toBe(1);
      const row = q.rows[0] ?? [];
      expect(row[q.columns.indexOf('line')]).toBe('3');
      expect(row[q.columns.indexOf('raw')]).toBe('{"event_id": "broken", ');
    });

    it('reports a file that is not an archive, naming it, without failing the call', async () => {
      const junk = join(dir, 'notes.txt');
      writeFileSync(junk, 'meeting notes, not an archive\n');
      const report = value(await call('archive.import', { sources: [{ path: junk }] }));
      expect(report.files[0]?.error).toMatchObject({ code: 'NOT_AN_ARCHIVE', where: { file: junk } });
      expect(report.files[0]?.error?.message).toContain(junk);
    });

    it('verifies on import and on demand, and opens the record behind a finding', async () => {
      const tampered = 'test/fixtures/gantz/tampered/audit.edit-parameters.jsonl';
      const imported = value(await call('archive.import', { sources: [{ path: tampered }] }));
      const archiveId = imported.files[0]?.archiveId ?? '';
      const atImport = value(await call('verify.results', { archiveId }));
      expect(atImport[0]).toMatchObject({ archiveId, trigger: 'import', report: { verdict: 'tampered' } });
      const finding = atImport[0]?.report.findings.find((f) => f.kind === 'hash_mismatch');
      expect(finding?.line).toBeGreaterThan(0);
      const located = value(
        await call('events.locate', { archiveId, entryIndex: finding?.entryIndex ?? -1 }),
      );
      const detail = value(await call('events.get', { rowId: located.rowId ?? '' }));
      expect(detail.line).toBe(finding?.line);
      const anchors = readFileSync('test/fixtures/gantz/anchors.json', 'utf8');
      const run = value(await call('verify.run', { archiveIds: [archiveId], anchors }));
      expect(run.archives[0]?.trigger).toBe('user');
      expect(run.archives[0]?.report.verifiedAgainst?.anchors.length).toBeGreaterThan(0);
      const bad = await client.call('verify.run', { anchors: '{"chains": [{"chain": 5}]}' });
      expect(bad).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST', where: { field: 'anchors' } },
      });
    });

    it('saves field mappings in the case and lists them for reuse', async () => {
      const mapping = {
        name: 'gantz as unknown',
        version: 1 as const,
        fields: { event_id: 'event_id', action: 'action' },
      };
      const saved = value(await call('mapping.save', { mapping }));
      expect(saved.name).toBe('gantz as unknown');
      const listed = value(await call('mapping.list', {}));
      expect(listed.map((m) => m.mapping)).toEqual([
        expect.objectContaining({ name: 'gantz as unknown', fields: mapping.fields }),
      ]);
      const bad = await client.call('mapping.save', {
        mapping: { name: 'x', version: 1, fields: { nonsense_column: 'a' } },
      } as never);
      expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    });

    it('closes the case', async () => {
      expect(value(await call('case.close', {}))).toEqual({ closed: true });
      expect(value(await call('app.info', {})).currentCase).toBeNull();
    });
  });
}
