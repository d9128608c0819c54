/**
 * Import through the UI (issues #2 and #3): file picker and drag-and-drop with preview, detected
 * family and counts in the report; a malformed line quarantined and opened from the report's
 * link; a non-archive named in an error notice; an unknown producer mapped by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { freshCase, restoreDemoCase } from './caseSetup';
import { join } from 'node:path';
import { expect, REPO_ROOT, screenshot, test } from './fixtures';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
const GANTZ = join(FIXTURES, 'gantz', 'audit.jsonl');
const AGENTMESH_CE = join(FIXTURES, 'agentmesh', 'scenario', 'cloudevents.jsonl');
const AGENTMESH_PARQUET = join(FIXTURES, 'agentmesh', 'scenario', 'export.parquet');
const MESHGUARD_DAY = join(FIXTURES, 'meshguard', 'audit', '2024-03-14.jsonl');

function nonEmptyLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

/** Each test imports into a case of its own, so counts do not depend on test order. */
test.describe('import', () => {
  test.beforeEach(async ({ casePage, welcome, scratch }) => freshCase(casePage, welcome, scratch));

  // Later specs share this server: leave it on the demo case, as a first run would.
  test.afterAll(async ({ browser, serve }) => restoreDemoCase(browser, serve.url));

  test('through the file picker: preview, detected families and counts', async ({
    casePage,
    importDialog,
  }) => {
    await casePage.openImport();
    await importDialog.chooseFiles([GANTZ, AGENTMESH_CE, AGENTMESH_PARQUET]);
    await expect(importDialog.previews).toHaveCount(3);
    await expect(importDialog.preview('export.parquet')).toContainText('Parquet');
    await expect(importDialog.preview('audit.jsonl').getByTestId('preview-family')).toHaveAttribute(
      'data-producer',
      'gantz',
    );
    await expect(importDialog.preview('cloudevents.jsonl').getByTestId('preview-family')).toHaveAttribute(
      'data-producer',
      'agentmesh-cloudevents',
    );
    await expect(importDialog.preview('audit.jsonl').getByTestId('preview-lines')).toContainText(
      nonEmptyLines(GANTZ)[0]?.slice(0, 60) ?? '',
    );
    await screenshot(casePage.page, 'import-preview');
    await importDialog.start();
    await importDialog.waitForReport();
    const gantz = importDialog.reportFile('audit.jsonl');
    await expect(gantz.getByTestId('report-producer')).toHaveText('gantz');
    await expect(gantz.getByTestId('report-confidence')).toHaveText('certain');
    await expect(gantz.getByTestId('report-records')).toHaveText(String(nonEmptyLines(GANTZ).length));
    await expect(gantz.getByTestId('report-evidence')).not.toBeEmpty();
    const ce = importDialog.reportFile('cloudevents.jsonl');
    await expect(ce.getByTestId('report-producer')).toHaveText('agentmesh-cloudevents');
    await expect(ce.getByTestId('report-records')).toHaveText(String(nonEmptyLines(AGENTMESH_CE).length));
    // Parquet is detected by the engine from its columns and key-value metadata.
    const parquet = importDialog.reportFile('export.parquet');
    await expect(parquet.getByTestId('report-producer')).toHaveText('agentmesh-export');
    await expect(parquet.getByTestId('report-records')).toHaveText('600'); // MANIFEST.md: 600 rows
    await screenshot(casePage.page, 'import-report');
    await importDialog.close();
    const expected = nonEmptyLines(GANTZ).length + nonEmptyLines(AGENTMESH_CE).length + 600;
    await expect(casePage.eventsTable).toHaveAttribute('data-total', String(expected));
    await expect(casePage.archives).toHaveCount(3);
  });

  test('through drag and drop onto the window', async ({ casePage, importDialog }) => {
    await importDialog.dropFiles([MESHGUARD_DAY]);
    await expect(importDialog.root).toBeVisible();
    await expect(importDialog.preview('2024-03-14.jsonl').getByTestId('preview-family')).toHaveAttribute(
      'data-producer',
      'meshguard',
    );
    await importDialog.start();
    await importDialog.waitForReport();
    const file = importDialog.reportFile('2024-03-14.jsonl');
    await expect(file.getByTestId('report-producer')).toHaveText('meshguard');
    await expect(file.getByTestId('report-records')).toHaveText(String(nonEmptyLines(MESHGUARD_DAY).length));
    await importDialog.close();
    await expect(casePage.eventsTable).toHaveAttribute(
      'data-total',
      String(nonEmptyLines(MESHGUARD_DAY).length),
    );
    await casePage.waitForEvents();
    await expect(casePage.cell(casePage.row(0), 'producer')).toHaveText('meshguard');
    await screenshot(casePage.page, 'import-dropped-meshguard');
  });

  test('a malformed line is quarantined and opened from the report', async ({
    casePage,
    importDialog,
    scratch,
  }) => {
    const lines = nonEmptyLines(GANTZ);
    const broken = '{"event_type": "tool_call", "agent_id": "truncated mid-write';
    const brokenLineNumber = 151;
    const path = join(scratch, 'gantz-torn.jsonl');
    writeFileSync(
      path,
      [...lines.slice(0, brokenLineNumber - 1), broken, ...lines.slice(brokenLineNumber - 1)].join('\n') +
        '\n',
    );
    await casePage.openImport();
    await importDialog.chooseFiles([path]);
    await importDialog.start();
    await importDialog.waitForReport();
    const file = importDialog.reportFile('gantz-torn.jsonl');
    await expect(file.getByTestId('report-records')).toHaveText(String(lines.length));
    await expect(file.getByTestId('report-quarantined')).toHaveText('1');
    await file.getByTestId('report-quarantine-link').click();
    await expect(importDialog.root).toBeHidden();
    await expect(casePage.quarantineView).toBeVisible();
    await expect(casePage.page.getByTestId('quarantine-count')).toContainText('1 quarantined line');
    const row = casePage.quarantineRow(0);
    await expect(casePage.cell(row, 'line')).toHaveText(String(brokenLineNumber));
    await row.click();
    await expect(casePage.page.getByTestId('quarantine-raw')).toHaveText(broken);
    await expect(casePage.page.getByTestId('quarantine-detail-location')).toContainText(
      `:${brokenLineNumber}`,
    );
    await expect(casePage.page.getByTestId('quarantine-detail-reason')).not.toBeEmpty();
    await screenshot(casePage.page, 'import-quarantined-line');
  });

  test('a first record longer than the preview: the engine decides the container', async ({
    casePage,
    importDialog,
    scratch,
  }) => {
    const steps = nonEmptyLines(join(FIXTURES, 'runtime-steps', 'steps', 'tnt_ember.jsonl'));
    const long = steps[0]?.replace('"reason":"policy_ok"', `"reason":"${'x'.repeat(300 * 1024)}"`) ?? '';
    const path = join(scratch, 'long-first-record.jsonl');
    writeFileSync(path, [long, ...steps.slice(1)].join('\n') + '\n');
    await casePage.openImport();
    await importDialog.chooseFiles([path]);
    const preview = importDialog.preview('long-first-record.jsonl');
    await expect(preview.getByTestId('preview-container')).toHaveAttribute('data-container', 'unknown');
    await expect(preview.getByTestId('preview-note')).toContainText('longer than this preview');
    await screenshot(casePage.page, 'import-long-first-record');
    await importDialog.start();
    await importDialog.waitForReport();
    const report = importDialog.reportFile('long-first-record.jsonl');
    await expect(report.getByTestId('report-producer')).toHaveText('runtime-steps');
    await expect(report.getByTestId('report-records')).toHaveText(String(steps.length));
  });

  test('a file that is not an archive is named in an error notice', async ({
    casePage,
    importDialog,
    scratch,
  }) => {
    const path = join(scratch, 'meeting-notes.txt');
    writeFileSync(path, 'Notes from the incident call.\nNothing here is JSON.\n');
    await casePage.openImport();
    await importDialog.chooseFiles([path]);
    await importDialog.start();
    await importDialog.waitForReport();
    const notice = casePage.page.getByTestId('notices').getByTestId('error-notice');
    await expect(notice).toBeVisible();
    await expect(notice.getByTestId('error-notice-file')).toHaveText('meeting-notes.txt');
    await expect(notice).toHaveAttribute('data-code', 'NOT_AN_ARCHIVE');
    await expect(importDialog.reportFile('meeting-notes.txt').getByTestId('error-notice')).toBeVisible();
    await screenshot(casePage.page, 'import-not-an-archive');
    await importDialog.close();
    await notice.getByTestId('error-notice-dismiss').click();
    await expect(notice).toBeHidden();
    await expect(casePage.eventsTable).toHaveAttribute('data-total', '0');
  });

  test('an unknown producer is mapped in the dialog', async ({ casePage, importDialog, scratch }) => {
    const path = join(scratch, 'homegrown-agent.jsonl');
    const records = Array.from({ length: 12 }, (_, i) => ({
      when: `2026-05-01T10:00:${String(i).padStart(2, '0')}Z`,
      bot: `helper-${i % 3}`,
      verb: i % 4 === 0 ? 'files.delete' : 'files.read',
      verdict: i % 4 === 0 ? 'deny' : 'allow',
      job: 'job-7',
    }));
    writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    await casePage.openImport();
    await importDialog.chooseFiles([path]);
    await expect(importDialog.preview('homegrown-agent.jsonl').getByTestId('preview-family')).toHaveAttribute(
      'data-producer',
      'mapped',
    );
    const editor = casePage.page.getByTestId('mapping-editor');
    await expect(editor).toBeVisible();
    await expect(casePage.page.getByTestId('mapping-ts')).toHaveValue('when');
    // The suggestion cannot know "bot" is the agent: the investigator says so.
    await casePage.page.getByTestId('mapping-agent_id').fill('bot');
    await casePage.page.getByTestId('mapping-action').fill('verb');
    await casePage.page.getByTestId('mapping-decision').fill('verdict');
    await screenshot(casePage.page, 'import-mapping');
    await importDialog.start();
    await importDialog.waitForReport();
    await expect(importDialog.reportFile('homegrown-agent.jsonl').getByTestId('report-producer')).toHaveText(
      'mapped',
    );
    await importDialog.close();
    await casePage.waitForEvents();
    const first = casePage.row(0);
    await expect(casePage.cell(first, 'agent_id')).toHaveText('helper-0');
    await expect(casePage.cell(first, 'action')).toHaveText('files.delete');
    await expect(casePage.cell(first, 'decision')).toHaveText('deny');
  });

  test('cancel during an import leaves the case unchanged', async ({ casePage, importDialog, scratch }) => {
    // About 50 MB of real gantz records: long enough to be cancelled mid-way.
    const lines = nonEmptyLines(GANTZ);
    const path = join(scratch, 'gantz-large.jsonl');
    writeFileSync(path, Array.from({ length: 200 }, () => lines.join('\n')).join('\n') + '\n');
    await casePage.openImport();
    await importDialog.chooseFiles([path]);
    await importDialog.start();
    await expect(importDialog.root).toHaveAttribute('data-step', 'running', { timeout: 30_000 });
    await expect(casePage.page.getByTestId('progress-records')).toHaveText(/^[1-9][\d,]*$/, {
      timeout: 30_000,
    });
    await screenshot(casePage.page, 'import-progress');
    await casePage.page.getByTestId('import-cancel').click();
    await expect(casePage.page.getByTestId('import-cancelled')).toContainText('unchanged');
    await importDialog.close();
    await expect(casePage.eventsTable).toHaveAttribute('data-total', '0');
    await expect(casePage.archives).toHaveCount(0);
    await expect(casePage.page.getByTestId('case-counts')).toContainText('0 archives · 0 events');
  });
});
