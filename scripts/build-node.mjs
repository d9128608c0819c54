// Bundles the Node side with esbuild: the CLI and engine process (ESM), Electron main and the
// sandboxed preload (CommonJS, as Electron requires for a sandboxed preload).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { __CASEFILE_VERSION__: JSON.stringify(pkg.version) },
  // Native addon and Electron are provided at run time, never bundled.
  external: ['@duckdb/node-api', 'electron'],
};
// ESM bundles still meet CommonJS dependencies that call require(): give them one.
const esmBanner = {
  js: "import { createRequire as __cfCreateRequire } from 'node:module'; const require = __cfCreateRequire(import.meta.url);",
};

/**
 * @duckdb/node-api is CommonJS. Imported from ESM, Node first runs its CommonJS export lexer over
 * every file of the package (~45 ms of each CLI command's and the engine's start, measured with
 * --cpu-prof); required, it loads in half the time. So the ESM bundles require it, through the
 * banner's `require`.
 */
const requireDuckdb = {
  name: 'require-duckdb',
  setup(b) {
    b.onResolve({ filter: /^@duckdb\/node-api$/ }, (args) =>
      args.namespace === 'require-duckdb'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'require-duckdb' },
    );
    b.onLoad({ filter: /.*/, namespace: 'require-duckdb' }, () => ({
      contents: "module.exports = require('@duckdb/node-api');",
      loader: 'js',
    }));
  },
};

await Promise.all([
  build({
    ...common,
    format: 'esm',
    banner: esmBanner,
    plugins: [requireDuckdb],
    entryPoints: {
      cli: 'electron/cli/main.ts',
      engine: 'electron/host/engineProcess.ts',
      importWorker: 'electron/engine/import/normalizeWorker.ts',
      verifyWorker: 'electron/engine/verify/stepWorker.ts',
    },
    outdir: 'dist/node',
    outExtension: { '.js': '.mjs' },
  }),
  build({
    ...common,
    format: 'cjs',
    entryPoints: { main: 'electron/main/main.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
  }),
  build({
    ...common,
    format: 'cjs',
    platform: 'browser',
    entryPoints: { preload: 'electron/preload/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
  }),
]);
console.log('built dist/node (cli, engine) and dist/electron (main, preload)');
