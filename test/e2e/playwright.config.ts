/**
 * Playwright e2e against `casefile serve` in Debian's Chromium (issue #2). A worker-scoped
 * fixture (fixtures.ts) starts the server on a random port with a fresh CASEFILE_HOME, so the
 * demo case is built anew, as on a newcomer's first start.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  forbidOnly: !!process.env.CI,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: '../../dist/test-results/e2e-artifacts',
  reporter: [['list'], ['json', { outputFile: '../../dist/test-results/e2e.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
});
