/**
 * Saved, reusable field mappings (issue #3): an unknown producer (gantz records with their hash
 * members removed, so detection says `mapped`) is mapped by hand, the mapping is saved in the
 * case and chosen for a second file, the canonical fields carry the mapped values, and the
 * exported JSON file is a valid `casefile import --mapping` file.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMapping } from '../../shared/ingest/mapping';
import { CasePage } from './pages/casePage';
import { freshCase, restoreDemoCase } from './caseSetup';
import { expect, REPO_ROOT, screenshot, test } from './fixtures';

const GANTZ = join(REPO_ROOT, 'test', 'fixtures', 'gantz', 'audit.jsonl');
const CLI = join(REPO_ROOT, 'dist', 'node', 'cli.mjs');
const MAPPING_NAME = 'gantz-unhashed';

/** gantz lines without previous_hash and event_hash: no family signature matches any more. */
function unhashedGantzLines(): string[] {
  return readFileSync(GANTZ, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const record = JSON.parse(l) as Record<string, unknown>;
      delete record.previous_hash;
      delete record.event_hash;
      return JSON.stringify(record);
    });
}

function writeLines(path: string, lines: readonly string[]): string {
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** The value of one canonical field in the event detail panel. */
function detailField(casePage: CasePage, name: string): ReturnType<CasePage['page']['locator']> {
  return casePage.detail.getByTestId('event-fields').locator(`tr:has(th:text-is("${name}")) td`);
}

test.describe('saved field mappings', () => {
  test.beforeEach(async ({ casePage, welcome, scratch }) =>
    freshCase(casePage, welcome, scratch, 'mapped.duckdb'),
  );

  // Later specs share this server: leave it on the demo case, as a first run would.
  test.afterAll(async ({ browser, serve }) => restoreDemoCase(browser, serve.url));

  test('edit, save, reuse on a second file, export for the CLI', async ({
    casePage,
    importDialog,
    scratch,
  }) => {
    const lines = unhashedGantzLines();
    const half = Math.floor(lines.length / 2);
    const first = writeLines(join(scratch, 'agent-part1.jsonl'), lines.slice(0, half));
    const second = writeLines(join(scratch, 'agent-part2.jsonl'), lines.slice(half));
    const page = casePage.page;

    await casePage.openImport();
    await importDialog.chooseFiles([first]);
    await expect(importDialog.preview('agent-part1.jsonl').getByTestId('preview-family')).toHaveAttribute(
      'data-producer',
      'mapped',
    );
    await expect(page.getByTestId('mapping-ts')).toHaveValue('timestamp');
    await expect(page.getByTestId('mapping-actor')).toHaveCount(0);
    // Name it, map a column the suggestion left out, and upper-case the actions.
    await page.getByTestId('mapping-name').fill(MAPPING_NAME);
    await page.getByTestId('mapping-add-column').selectOption('actor');
    await page.getByTestId('mapping-actor').fill('user_id');
    await page.getByTestId('mapping-action-transform').selectOption('uppercase');
    await page.getByTestId('mapping-save').click();
    await expect(page.getByTestId('mapping-status')).toHaveText(
      `Saved mapping “${MAPPING_NAME}” in this case.`,
    );
    await expect(page.getByTestId('mapping-saved').locator('option', { hasText: MAPPING_NAME })).toHaveCount(
      1,
    );
    await screenshot(page, 'mapping-edited-saved');

    const downloading = page.waitForEvent('download');
    await page.getByTestId('mapping-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${MAPPING_NAME}.mapping.json`);
    const exportedPath = join(scratch, download.suggestedFilename());
    await download.saveAs(exportedPath);
    const exported = parseMapping(JSON.parse(readFileSync(exportedPath, 'utf8')));
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    expect(exported.mapping.name).toBe(MAPPING_NAME);
    expect(exported.mapping.fields.actor).toBe('user_id');
    expect(exported.mapping.fields.action).toEqual({ path: 'action', transform: 'uppercase' });

    await importDialog.start();
    await importDialog.waitForReport();
    const firstReport = importDialog.reportFile('agent-part1.jsonl');
    await expect(firstReport.getByTestId('report-producer')).toHaveText('mapped');
    await expect(firstReport.getByTestId('report-records')).toHaveText(String(half));
    await importDialog.close();

    // A second file of the same producer: choose the saved mapping instead of the suggestion.
    await casePage.openImport();
    await importDialog.chooseFiles([second]);
    await expect(page.getByTestId('mapping-name')).not.toHaveValue(MAPPING_NAME);
    await page.getByTestId('mapping-saved').selectOption(MAPPING_NAME);
    await expect(page.getByTestId('mapping-name')).toHaveValue(MAPPING_NAME);
    await expect(page.getByTestId('mapping-actor')).toHaveValue('user_id');
    await expect(page.getByTestId('mapping-action-transform')).toHaveValue('uppercase');
    await expect(page.getByTestId('mapping-status')).toHaveText(`Using saved mapping “${MAPPING_NAME}”.`);
    await screenshot(page, 'mapping-saved-chosen');
    await importDialog.start();
    await importDialog.waitForReport();
    const secondReport = importDialog.reportFile('agent-part2.jsonl');
    await expect(secondReport.getByTestId('report-producer')).toHaveText('mapped');
    await expect(secondReport.getByTestId('report-records')).toHaveText(String(lines.length - half));
    await screenshot(page, 'mapping-second-report');
    await importDialog.close();

    await expect(casePage.eventsTable).toHaveAttribute('data-total', String(lines.length));
    // An event of the second file, found by its id in the raw record.
    const secondId = (JSON.parse(lines[half] ?? '{}') as { event_id?: string }).event_id ?? '';
    expect(secondId).toMatch(/^[0-9a-f-]{36}$/);
    await casePage.search(secondId);
    await expect(casePage.eventsTable).toHaveAttribute('data-total', '1');
    await casePage.waitForEvents();
    await casePage.row(0).click();
    await expect(casePage.detail.getByTestId('event-file')).toHaveText('agent-part2.jsonl:1');
    const raw = JSON.parse((await casePage.detailRaw.textContent()) ?? '') as Record<string, unknown>;
    expect(typeof raw.user_id).toBe('string');
    expect(typeof raw.action).toBe('string');
    await expect(detailField(casePage, 'producer')).toHaveText('mapped');
    await expect(detailField(casePage, 'actor')).toHaveText(String(raw.user_id));
    await expect(detailField(casePage, 'action')).toHaveText(String(raw.action).toUpperCase());
    await expect(casePage.cell(casePage.row(0), 'action')).toHaveText(String(raw.action).toUpperCase());
    await screenshot(page, 'mapping-event-detail');

    // The exported file is what the CLI's --mapping reads.
    const whole = writeLines(join(scratch, 'agent-all.jsonl'), lines);
    const cliReport = JSON.parse(
      execFileSync(
        process.execPath,
        [
          CLI,
          'import',
          join(scratch, 'cli.duckdb'),
          whole,
          '--producer',
          'mapped',
          '--mapping',
          exportedPath,
          '--json',
        ],
        { encoding: 'utf8' },
      ),
    ) as { files: { producer: string; records: number }[] };
    expect(cliReport.files.map((f) => [f.producer, f.records])).toEqual([['mapped', lines.length]]);
  });

  test('a mapping file is loaded into the editor, and an invalid one is named by field', async ({
    casePage,
    importDialog,
    scratch,
  }) => {
    const file = writeLines(join(scratch, 'agent.jsonl'), unhashedGantzLines().slice(0, 20));
    const invalid = join(scratch, 'broken.mapping.json');
    writeFileSync(
      invalid,
      JSON.stringify({ name: 'broken', version: 1, fields: { step: { transform: 'trim' } } }),
    );
    const valid = join(scratch, 'team.mapping.json');
    writeFileSync(
      valid,
      JSON.stringify({
        name: 'team mapping',
        version: 1,
        fields: {
          ts: { path: 'timestamp', transform: 'epoch-seconds' },
          actor: 'user_id',
          phase: { value: 'live' },
        },
      }),
    );
    const page = casePage.page;
    await casePage.openImport();
    await importDialog.chooseFiles([file]);
    await expect(page.getByTestId('mapping-editor')).toBeVisible();

    await page.getByTestId('mapping-file-input').setInputFiles(invalid);
    const notice = page.getByTestId('notices').getByTestId('error-notice');
    await expect(notice).toBeVisible();
    await expect(notice.getByTestId('error-notice-file')).toHaveText('broken.mapping.json');
    await expect(notice.getByTestId('error-notice-field')).toHaveText('fields.step');
    await expect(page.getByTestId('mapping-name')).not.toHaveValue('broken');
    await screenshot(page, 'mapping-invalid-file');
    await notice.getByTestId('error-notice-dismiss').click();

    await page.getByTestId('mapping-file-input').setInputFiles(valid);
    await expect(page.getByTestId('mapping-name')).toHaveValue('team mapping');
    await expect(page.getByTestId('mapping-actor')).toHaveValue('user_id');
    await expect(page.getByTestId('mapping-ts-transform')).toHaveValue('epoch-seconds');
    // Only what the file maps: the suggestion's other columns are gone.
    await expect(page.getByTestId('mapping-event_id')).toHaveValue('');
    await expect(page.getByTestId('mapping-phase')).toHaveAttribute('placeholder', 'constant “live”');
    await screenshot(page, 'mapping-file-loaded');
    await importDialog.start();
    await importDialog.waitForReport();
    await expect(importDialog.reportFile('agent.jsonl').getByTestId('report-records')).toHaveText('20');
    await importDialog.close();
    await casePage.waitForEvents();
    await casePage.row(0).click();
    await expect(detailField(casePage, 'phase')).toHaveText('live');
    await expect(detailField(casePage, 'event_id')).toHaveCount(0);
  });
});
