// Runs one benchmark step in this process and prints {"seconds","cpuSeconds","maxRssMiB"} as the
// last line, so the bench driver gets each step's own CPU time (all threads: DuckDB's, workers')
// and peak RSS (process.resourceUsage()).
// usage: node scripts/bench/measure.mjs casefile-import|duckdb-read-json|duckdb-floor <target> <family> <files...>
// (several files: one import call, or one read of the list)
import { rmSync } from 'node:fs';
import { BENCH_FAMILIES } from './families.mjs';

const [step, target, family, ...files] = process.argv.slice(2);
rmSync(target, { force: true });
rmSync(`${target}.wal`, { force: true });
const started = process.hrtime.bigint();
if (step === 'casefile-import') {
  process.argv = [process.argv[0], 'casefile', 'import', target, ...files, '--json'];
  const out = process.stdout.write.bind(process.stdout);
  process.stdout.write = () => true; // the report is not the benchmark's output
  await import('../../dist/node/cli.mjs');
  await new Promise((resolve) => process.once('beforeExit', resolve));
  process.stdout.write = out;
} else if (step === 'duckdb-read-json' || step === 'duckdb-floor') {
  // ../shared/perf/baseline.md §5 (b): read_json with explicit columns into a persistent file.
  const { DuckDBInstance, listValue } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(target);
  const c = await instance.connect();
  const columns = Object.entries(BENCH_FAMILIES[family].columns);
  if (step === 'duckdb-read-json') {
    const spec = columns.map(([name, type]) => `${name}: '${type}'`).join(', ');
    await c.run(
      `CREATE TABLE events AS SELECT * FROM read_json(?, format = 'newline_delimited', columns = {${spec}})`,
      [listValue(files)],
    );
  } else {
    // The least an import that keeps each record's text can do: the baseline's columns, parsed
    // the same way, plus the record stored as Casefile stores it (electron/engine/case/schema.ts).
    const struct = columns.map(([name, type]) => `${name} ${type}`).join(', ');
    // json_transform, not a cast: a cast refuses an object that lacks one of the STRUCT's fields.
    const shape = JSON.stringify(Object.fromEntries(columns));
    await c.run(`CREATE TABLE events (record VARCHAR USING COMPRESSION uncompressed, m STRUCT(${struct}))`);
    // Casefile's own insert settings (electron/engine/import/insertSettings.ts).
    await c.run(
      "SET preserve_insertion_order = false; SET disabled_compression_methods = 'fsst'; SET memory_limit = '600MB'",
    );
    await c.run(
      `INSERT INTO events SELECT json::VARCHAR, json_transform(json, '${shape}') FROM read_ndjson_objects(?)`,
      [listValue(files)],
    );
  }
  await c.run('CHECKPOINT');
  c.closeSync();
  instance.closeSync();
} else {
  console.error(`unknown step ${step}`);
  process.exit(2);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const usage = process.resourceUsage();
const cpuSeconds = +((usage.userCPUTime + usage.systemCPUTime) / 1e6).toFixed(2);
console.log(JSON.stringify({ seconds, cpuSeconds, maxRssMiB: Math.round(usage.maxRSS / 1024) }));
