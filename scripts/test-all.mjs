// `npm test`: typecheck, lint, build, unit + engine + contract tests, then e2e in Chromium.
// Every stage runs even if an earlier one failed (so one run shows everything), and the
// closing line is `N passed, N failed` over the test cases plus one check per static stage.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failedStages = [];

function run(name, command, args) {
  process.stdout.write(`\n=== ${name}: ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = r.status === 0;
  process.stdout.write(
    `=== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${seconds}s\n`,
  );
  if (!ok) failedStages.push(name);
  return ok;
}

function check(name, command, args) {
  if (run(name, command, args)) results.passed += 1;
  else results.failed += 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

rmSync('dist/test-results', { recursive: true, force: true });
mkdirSync('dist/test-results', { recursive: true });

check('typecheck', 'npx', ['tsc', '-b']);
check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
check('build renderer', 'npx', ['vite', 'build', '--logLevel', 'warn']);
check('build node', 'node', ['scripts/build-node.mjs']);

const unitOk = run('unit, engine and contract tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=dist/test-results/unit.json',
]);
const unit = readJson('dist/test-results/unit.json');
if (unit) {
  results.passed += unit.numPassedTests;
  results.failed += unit.numFailedTests;
  results.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
  if (!unitOk && unit.numFailedTests === 0) results.failed += 1; // a suite failed to load
} else if (!unitOk) results.failed += 1;

if (existsSync('/usr/bin/chromium')) {
  const e2eOk = run('e2e (Chromium, serve mode)', 'npx', [
    'playwright',
    'test',
    '-c',
    'test/e2e/playwright.config.ts',
  ]);
  const e2e = readJson('dist/test-results/e2e.json');
  if (e2e?.stats) {
    results.passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
    results.failed += e2e.stats.unexpected;
    results.skipped += e2e.stats.skipped;
    if (!e2eOk && e2e.stats.unexpected === 0) results.failed += 1;
  } else if (!e2eOk) results.failed += 1;
} else {
  process.stdout.write(
    '\n=== e2e: /usr/bin/chromium is missing (apt-get install -y chromium); counted as a failure\n',
  );
  results.failed += 1;
  failedStages.push('e2e (no chromium)');
}

if (failedStages.length > 0) process.stdout.write(`\nfailed stages: ${failedStages.join(', ')}\n`);
const skipped = results.skipped > 0 ? `, ${results.skipped} skipped` : '';
process.stdout.write(`\n${results.passed} passed, ${results.failed} failed${skipped}\n`);
process.exitCode = results.failed > 0 ? 1 : 0;
