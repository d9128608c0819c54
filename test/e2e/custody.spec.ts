/**
 * The Custody view (issue #3, "the case audits itself"): the demo case shows what was done to it
 * with the chain intact and its head; a case whose log was edited outside Casefile shows the
 * break on the entry that was changed; an import made while the view is open appears in it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { freshCase, restoreDemoCase } from './caseSetup';
import { expect, REPO_ROOT, screenshot, test } from './fixtures';
import type { CasePage } from './pages/casePage';

const GANTZ = join(REPO_ROOT, 'test', 'fixtures', 'gantz', 'audit.jsonl');

async function openCustody(casePage: CasePage): Promise<void> {
  await casePage.page.getByTestId('tab-custody').click();
  await expect(casePage.page.getByTestId('custody-view')).toBeVisible();
}

test.describe('custody view', () => {
  test.afterAll(async ({ browser, serve }) => restoreDemoCase(browser, serve.url));

  test('the demo case lists what was done to it, chain intact, with the head to note', async ({
    casePage,
  }) => {
    await casePage.waitForEvents();
    await openCustody(casePage);
    const page = casePage.page;
    const status = page.getByTestId('custody-status');
    await expect(status).toHaveAttribute('data-intact', 'true');
    const rows = page.getByTestId('custody-row');
    await expect(rows.nth(0)).toContainText('case.create');
    await expect(rows.nth(0)).toContainText('(the demo case)');
    await expect(rows.nth(1)).toContainText('archive.import');
    await expect(rows.nth(1)).toContainText('6 files');
    await expect(rows.nth(1)).toContainText('gantz.audit.jsonl (300 records, sha256 ');
    await expect(rows.nth(2)).toContainText('verify.run');
    const count = await rows.count();
    await expect(status).toContainText(`Chain intact: ${count} entries`);
    // The head shown is the last entry's hash, in full.
    const lastHash = await rows
      .nth(count - 1)
      .locator('td')
      .nth(4)
      .getAttribute('title');
    await expect(page.getByTestId('custody-head')).toHaveText(lastHash ?? 'missing');
    await screenshot(page, 'custody-demo');
  });

  test('an entry edited outside Casefile is named as the break', async ({ casePage, welcome, scratch }) => {
    const casePath = join(scratch, 'edited.duckdb');
    const made = spawnSync(process.execPath, ['bin/casefile.mjs', 'import', casePath, GANTZ], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(made.status, made.stderr).toBe(0);
    const instance = await DuckDBInstance.create(casePath);
    const c = await instance.connect();
    await c.run(`UPDATE custody_log SET detail = '{"files":[]}' WHERE seq = 2`);
    c.closeSync();
    instance.closeSync();

    await casePage.waitForTotal();
    await casePage.switchCase();
    await welcome.openCase(casePath);
    await expect(casePage.caseName).toHaveText('edited.duckdb');
    await openCustody(casePage);
    const page = casePage.page;
    await expect(page.getByTestId('custody-status')).toHaveAttribute('data-intact', 'false');
    await expect(page.getByTestId('custody-break')).toHaveText([
      '#2 edited: entry 2 (archive.import) was changed after it was logged: its hash does not recompute',
    ]);
    const edited = page.getByTestId('custody-row').nth(1);
    await expect(edited).toHaveClass(/custody-row-broken/);
    await expect(edited).toContainText('no files');
    await expect(edited.locator('td').last()).toHaveText('edited');
    await screenshot(page, 'custody-edited');
  });

  test('an import made while the view is open appears in the log', async ({
    casePage,
    welcome,
    importDialog,
    scratch,
  }) => {
    await freshCase(casePage, welcome, scratch, 'fresh.duckdb');
    await openCustody(casePage);
    const rows = casePage.page.getByTestId('custody-row');
    await expect(rows).toHaveCount(1);
    await casePage.openImport();
    await importDialog.chooseFiles([GANTZ]);
    await importDialog.start();
    await importDialog.waitForReport();
    await importDialog.close();
    await expect(rows.nth(1)).toContainText('archive.import');
    await expect(casePage.page.getByTestId('custody-status')).toHaveAttribute('data-intact', 'true');
  });
});
