/**
 * Case files made by earlier Casefiles (test/fixtures/cases/, written by
 * scripts/fixtures/make-compat-case.mjs) must open in this one and read the same: archives,
 * counts, each record's original bytes, the custody chain and its head, the stored verdicts.
 * A schema change without a migration, or a DuckDB upgrade that cannot read older storage,
 * fails here rather than on an investigator's case (field/anchors.md §5.8).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ArchiveInfo, TablePage } from '../../shared/contract/model';
import type { Result } from '../../shared/contract/result';
import { testEngine } from '../contract/testEngine';
import { scratchDir } from '../helpers/scratchDir';

const CASES = 'test/fixtures/cases';
const dir = scratchDir('casefile-compat');

interface Expected {
  madeBy: string;
  archives: Pick<ArchiveInfo, 'path' | 'sha256' | 'producer' | 'container' | 'records' | 'quarantined'>[];
  custodyHead: { seq: number; hash: string };
}

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const fixtures = readdirSync(CASES).filter((f) => f.endsWith('.duckdb.gz'));

describe('case files from earlier Casefiles', () => {
  it('has at least one to check', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)('opens %s and reads it as it was written', async (name) => {
    const expected = JSON.parse(
      readFileSync(join(CASES, name.replace(/\.gz$/, '.expect.json')), 'utf8'),
    ) as Expected;
    const casePath = join(dir, name.replace(/\.gz$/, ''));
    writeFileSync(casePath, gunzipSync(readFileSync(join(CASES, name))));
    const engine = testEngine();
    try {
      const h = engine.handlers;
      const info = value(await h['case.open']({ path: casePath }));
      const records = expected.archives.reduce((n, a) => n + a.records, 0);
      const quarantined = expected.archives.reduce((n, a) => n + a.quarantined, 0);
      expect(info).toMatchObject({ archives: expected.archives.length, events: records, quarantined });

      const bySha = <T extends { sha256: string }>(xs: T[]): T[] =>
        [...xs].sort((a, b) => a.sha256.localeCompare(b.sha256));
      const archives = bySha(value(await h['archive.list']({})));
      expect(
        archives.map(({ path, sha256, producer, container, records, quarantined }) => ({
          path,
          sha256,
          producer,
          container,
          records,
          quarantined,
        })),
      ).toEqual(
        // The case keeps the full path the CLI resolved; the report named it as typed.
        bySha(expected.archives).map((a) => ({
          ...a,
          path: expect.stringMatching(new RegExp(`${a.path}$`)) as string,
        })),
      );

      // The first event of each JSONL archive is its file's first line, byte for byte.
      for (const a of archives.filter((x) => x.container === 'jsonl')) {
        const page: TablePage = value(
          await h['events.page']({ offset: 0, limit: 1, archiveId: a.archiveId }),
        );
        const rowId = String(page.rows[0]?.[page.columns.indexOf('row_id')]);
        const detail = value(await h['events.get']({ rowId }));
        const original = readFileSync(expected.archives.find((x) => x.sha256 === a.sha256)?.path ?? '');
        const firstLine = original.subarray(0, original.indexOf(0x0a)).toString('utf8');
        expect(detail.line).toBe(1);
        expect(detail.raw).toBe(firstLine.replace(/^\uFEFF/, ''));
      }

      const custody = value(await h['custody.log']({}));
      expect(custody.check).toMatchObject({ intact: true, head: expected.custodyHead });
      expect(custody.entries[0]?.action).toBe('case.create');

      const verdicts = value(await h['verify.results']({}));
      expect(verdicts.map((v) => v.archiveId).sort()).toEqual(archives.map((a) => a.archiveId).sort());
    } finally {
      engine.close();
    }
  });
});
