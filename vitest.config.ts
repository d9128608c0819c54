import { defineConfig } from 'vitest/config';

// Unit, engine and contract tests. Forks (not threads) because DuckDB's native
// addon and child processes behave best in separate processes.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    pool: 'forks',
    globalSetup: ['test/helpers/removeBundles.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'dist/test-results/unit.json' },
  },
});
