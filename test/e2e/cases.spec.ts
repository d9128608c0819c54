/**
 * The case picker stays reachable (issue #2): "Switch case" shows it, a wrong path is explained
 * in an error notice naming the file, a foreign file is refused, and "Return" goes back.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, screenshot, test } from './fixtures';

test.describe('case picker', () => {
  test('a missing or foreign case file is named in a notice; the open case stays open', async ({
    casePage,
    welcome,
    scratch,
  }) => {
    await casePage.waitForTotal();
    const openCase = await casePage.caseName.innerText();
    await casePage.switchCase();
    await expect(welcome.root).toBeVisible();
    await expect(casePage.page.getByTestId('return-to-case')).toContainText(openCase);

    const missing = join(scratch, 'no-such-case.duckdb');
    await welcome.openCase(missing);
    const notice = casePage.notices.first();
    await expect(notice).toHaveAttribute('data-code', 'NOT_FOUND');
    await expect(notice.getByTestId('error-notice-file')).toHaveText(missing);
    await screenshot(casePage.page, 'welcome-missing-case');
    await notice.getByTestId('error-notice-dismiss').click();

    const foreign = join(scratch, 'evidence.duckdb');
    writeFileSync(foreign, 'this is a text file, not a database\n');
    await welcome.openCase(foreign);
    await expect(casePage.notices.first()).toHaveAttribute('data-code', 'FOREIGN_FILE');
    await expect(casePage.notices.first().getByTestId('error-notice-file')).toHaveText(foreign);

    // Creating where a file already exists is refused too, and says which file.
    await welcome.createCase(foreign);
    await expect(casePage.notices.last()).toHaveAttribute('data-code', 'EXISTS');

    await casePage.page.getByTestId('return-to-case').click();
    await expect(casePage.caseName).toHaveText(openCase);
    await casePage.waitForTotal();
  });
});
