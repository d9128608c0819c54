/**
 * The e2e fixtures: one `casefile serve` per worker (fresh CASEFILE_HOME, random port and token),
 * a page already signed in with the token, the page objects, and a scratch directory per test.
 */
import { test as base, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CasePage } from './pages/casePage';
import { ImportDialogPage } from './pages/importDialogPage';
import { WelcomePage } from './pages/welcomePage';
import { startServe, type RunningServe } from './serveProcess';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'dist', 'screenshots');

interface WorkerFixtures {
  serve: RunningServe;
}

interface TestFixtures {
  app: Page;
  casePage: CasePage;
  welcome: WelcomePage;
  importDialog: ImportDialogPage;
  scratch: string;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  serve: [
    // Playwright reads a fixture's dependencies from this pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const home = mkdtempSync(join(tmpdir(), 'casefile-e2e-home-'));
      const serve = await startServe(REPO_ROOT, home);
      await use(serve);
      await serve.stop();
      rmSync(home, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  app: async ({ page, serve }, use) => {
    // The first visit carries the token; the server trades it for a cookie and strips it.
    await page.goto(serve.url);
    await use(page);
  },
  casePage: async ({ app }, use) => use(new CasePage(app)),
  welcome: async ({ app }, use) => use(new WelcomePage(app)),
  importDialog: async ({ app }, use) => use(new ImportDialogPage(app)),
  // eslint-disable-next-line no-empty-pattern
  scratch: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'casefile-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/** Saves a full-window screenshot under dist/screenshots/ for review. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
