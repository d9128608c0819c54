/**
 * Bundles the real Node entry points (CLI, engine process) the way scripts/build-node.mjs does,
 * so tests run the shipped code without needing `npm run build` first. The bundle sits inside
 * the project (dist/) so Node resolves @duckdb/node-api from its node_modules.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Each bundle's directory in dist/ starts with this; removeBundles.ts removes them after a run. */
export const BUNDLE_PREFIX = 'test-bundle-';

const cache = new Map<string, string>();

export async function bundleEntry(entry: 'cli' | 'engine'): Promise<string> {
  const cached = cache.get(entry);
  if (cached) return cached;
  mkdirSync('dist', { recursive: true });
  const dir = mkdtempSync(join('dist', `${BUNDLE_PREFIX}${entry}-`));
  const outfile = join(dir, `${entry}.mjs`);
  await build({
    // The workers sit beside the entry, as in dist/node (import/normalizerPool.ts, verify/precheckSteps.ts).
    entryPoints: {
      [entry]: entry === 'cli' ? 'electron/cli/main.ts' : 'electron/host/engineProcess.ts',
      importWorker: 'electron/engine/import/normalizeWorker.ts',
      verifyWorker: 'electron/engine/verify/stepWorker.ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    external: ['@duckdb/node-api', 'electron'],
    define: { __CASEFILE_VERSION__: '"0.0.0-test"' },
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
    },
  });
  cache.set(entry, outfile);
  return outfile;
}

/** A test's own child-process script (TypeScript), bundled the same way, for tests of how a process ends. */
export async function bundleChild(entryPath: string): Promise<string> {
  const cached = cache.get(entryPath);
  if (cached) return cached;
  mkdirSync('dist', { recursive: true });
  const dir = mkdtempSync(join('dist', `${BUNDLE_PREFIX}child-`));
  const outfile = join(dir, 'child.mjs');
  await build({
    entryPoints: [entryPath],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    external: ['@duckdb/node-api'],
    logLevel: 'error',
  });
  cache.set(entryPath, outfile);
  return outfile;
}
