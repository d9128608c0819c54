/**
 * Bundles the real Node entry points (CLI, engine process) the way scripts/build-node.mjs does,
 * so tests run the shipped code without needing `npm run build` first. The bundle sits inside
 * the project (dist/) so Node resolves @duckdb/node-api from its node_modules.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

/** Each bundle's directory in dist/ starts with this; removeBundles.ts removes them after a run. */
export const BUNDLE_PREFIX = 'test-bundle-';

const cache = new Map<string, string>();

/** Bundles `entryPoints` once per test process into a fresh dist/ directory; answers `file` in it. */
async function bundleOnce(
  key: string,
  file: string,
  entryPoints: Record<string, string>,
  options: BuildOptions = {},
): Promise<string> {
  const cached = cache.get(key);
  if (cached) return cached;
  mkdirSync('dist', { recursive: true });
  const dir = mkdtempSync(join('dist', `${BUNDLE_PREFIX}${key.replace(/\W+/g, '-')}-`));
  await build({
    entryPoints,
    bundle: true,
    platform: 'node',
    format: 'esm',
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    external: ['@duckdb/node-api', 'electron'],
    logLevel: 'error',
    ...options,
  });
  const outfile = join(dir, file);
  cache.set(key, outfile);
  return outfile;
}

export function bundleEntry(entry: 'cli' | 'engine'): Promise<string> {
  return bundleOnce(
    entry,
    `${entry}.mjs`,
    {
      [entry]: entry === 'cli' ? 'electron/cli/main.ts' : 'electron/host/engineProcess.ts',
      // The workers sit beside the entry, as in dist/node (import/normalizerPool.ts, verify/precheckSteps.ts).
      importWorker: 'electron/engine/import/normalizeWorker.ts',
      verifyWorker: 'electron/engine/verify/stepWorker.ts',
    },
    {
      define: { __CASEFILE_VERSION__: '"0.0.0-test"' },
      banner: {
        js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
      },
    },
  );
}

/** A test's own child-process script (TypeScript), bundled the same way, for tests of how a process ends. */
export function bundleChild(entryPath: string): Promise<string> {
  return bundleOnce(entryPath, 'child.mjs', { child: entryPath });
}
