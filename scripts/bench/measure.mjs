// Runs one benchmark step in this process and prints {"seconds","maxRssMiB"} as the last line,
// so the bench driver gets each step's own peak RSS (process.resourceUsage().maxRSS).
// usage: node scripts/bench/measure.mjs casefile-import <case> <file>
//        node scripts/bench/measure.mjs duckdb-read-json <db> <file>
import { rmSync } from 'node:fs';

const [step, target, file] = process.argv.slice(2);
rmSync(target, { force: true });
rmSync(`${target}.wal`, { force: true });
const started = process.hrtime.bigint();
if (step === 'casefile-import') {
  process.argv = [process.argv[0], 'casefile', 'import', target, file, '--json'];
  const out = process.stdout.write.bind(process.stdout);
  process.stdout.write = () => true; // the report is not the benchmark's output
  await import('../../dist/node/cli.mjs');
  await new Promise((resolve) => process.once('beforeExit', resolve));
  process.stdout.write = out;
} else if (step === 'duckdb-read-json') {
  // ../shared/perf/baseline.md §5 (b): read_json with explicit columns into a persistent file.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(target);
  const c = await instance.connect();
  await c.run(
    `CREATE TABLE events AS SELECT * FROM read_json(?, format = 'newline_delimited', columns = {run_id: 'VARCHAR', step_id: 'BIGINT', tenant_id: 'VARCHAR', action: 'VARCHAR', action_key: 'VARCHAR', timestamp: 'TIMESTAMP', phase: 'VARCHAR', decision: 'VARCHAR', reason: 'VARCHAR', actor: 'VARCHAR', scope: 'VARCHAR', args_hash: 'VARCHAR', result: 'VARCHAR', prev: 'VARCHAR', hash: 'VARCHAR', sig: 'VARCHAR'})`,
    [file],
  );
  await c.run('CHECKPOINT');
  c.closeSync();
  instance.closeSync();
} else {
  console.error(`unknown step ${step}`);
  process.exit(2);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ seconds, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
