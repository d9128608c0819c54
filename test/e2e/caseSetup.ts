/**
 * Case set-up shared by the specs that import: each test gets a fresh empty case, and the
 * server (shared by later spec files) is left on the demo case afterwards, as a first run would.
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { expect } from './fixtures';
import { CasePage } from './pages/casePage';
import { WelcomePage } from './pages/welcomePage';

/** Switches from whatever case is open to a new empty one named `name` in `dir`. */
export async function freshCase(
  casePage: CasePage,
  welcome: WelcomePage,
  dir: string,
  name = 'investigation.duckdb',
): Promise<void> {
  await casePage.waitForTotal(); // the case open in the engine (the demo case on first run)
  await casePage.switchCase();
  await welcome.createCase(join(dir, name));
  await expect(casePage.caseName).toHaveText(name);
  await expect(casePage.eventsTable).toHaveAttribute('data-total', '0');
}

/** Reopens the demo case in a page of its own. */
export async function restoreDemoCase(browser: Browser, url: string): Promise<void> {
  const page = await browser.newPage();
  await page.goto(url);
  const casePage = new CasePage(page);
  await casePage.waitForTotal();
  await casePage.switchCase();
  await new WelcomePage(page).openDemo();
  await casePage.waitForEvents();
  await page.close();
}
