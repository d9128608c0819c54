// npm run bench:import [-- --n 1000000 --pairs 2 --family runtime-steps|runtime-steps-cloudevents|meshguard --gzip --files K]: generates N
// events of the family (if missing; families.mjs), then imports
// them with Casefile and, alternately in the same run, with DuckDB read_json (explicit columns),
// printing events/s, MB/s, CPU seconds (all threads), peak RSS and the Casefile/DuckDB ratio
// (../shared/perf/baseline.md §5).
// A third step, the floor, is DuckDB parsing the same columns and also storing each record's text:
// the least any import that keeps the original records in the case can do. `--js` adds Casefile's
// JS path (CASEFILE_NATIVE_IMPORT=0), which every family without a SQL restatement takes.
// `--gzip` imports a gzip copy of the archive instead (DuckDB's read_json decompresses it too).
// `--files K` splits the archive into K files of consecutive lines (daily or per-tenant files),
// imported by one call and read by DuckDB as one list.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { parseArgs } from 'node:util';
import { BENCH_FAMILIES } from './families.mjs';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000000' },
    pairs: { type: 'string', default: '2' },
    js: { type: 'boolean', default: false },
    family: { type: 'string', default: 'runtime-steps' },
    gzip: { type: 'boolean', default: false },
    files: { type: 'string', default: '1' },
  },
});
const n = Number(values.n);
const family = BENCH_FAMILIES[values.family];
if (!family) throw new Error(`--family is one of ${Object.keys(BENCH_FAMILIES).join(', ')}`);
const jsonl = family.file(n);
if (!existsSync(jsonl))
  spawnSync(process.execPath, [family.generator, '--n', String(n), '--out', jsonl], {
    stdio: 'inherit',
  });
/** `jsonl` cut into `k` files of consecutive lines, each as near n/k lines as the line count allows. */
async function split(k) {
  if (k === 1) return [jsonl];
  const dir = jsonl.replace(/\.jsonl$/, `-parts-${k}`);
  const parts = Array.from({ length: k }, (_, i) => `${dir}/part-${String(i).padStart(3, '0')}.jsonl`);
  if (parts.every((p) => existsSync(p))) return parts;
  mkdirSync(dir, { recursive: true });
  let part = 0;
  let line = 0;
  let out = createWriteStream(`${parts[0]}.part`);
  const close = (stream) => new Promise((resolve) => stream.end(resolve));
  const write = async (bytes) => {
    if (!out.write(bytes)) await once(out, 'drain');
  };
  for await (const chunk of createReadStream(jsonl, { highWaterMark: 8 << 20 })) {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, nl + 1)) {
      line += 1;
      if (part < k - 1 && line === Math.round(((part + 1) * n) / k)) {
        await write(chunk.subarray(start, nl + 1));
        await close(out);
        renameSync(`${parts[part]}.part`, parts[part]);
        part += 1;
        out = createWriteStream(`${parts[part]}.part`);
        start = nl + 1;
      }
    }
    await write(chunk.subarray(start));
  }
  await close(out);
  renameSync(`${parts[part]}.part`, parts[part]);
  return parts;
}

const plainFiles = await split(Number(values.files));
const files = values.gzip ? plainFiles.map((f) => `${f}.gz`) : plainFiles;
for (const [i, file] of files.entries()) {
  if (existsSync(file)) continue;
  await pipeline(createReadStream(plainFiles[i]), createGzip(), createWriteStream(`${file}.part`));
  renameSync(`${file}.part`, file);
}
if (!existsSync('dist/node/cli.mjs')) spawnSync('npm', ['run', 'build:node'], { stdio: 'inherit' });
// MB/s of the JSON Lines text, gzip or not, so the figures compare.
const mb = statSync(jsonl).size / 1e6;

function measure(step, target, env = {}) {
  // Flush the previous step's writes first, so no step pays for another's disk writeback.
  if (process.platform !== 'win32') spawnSync('sync');
  const r = spawnSync(
    process.execPath,
    ['scripts/bench/measure.mjs', step, target, values.family, ...files],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, ...env },
    },
  );
  if (r.status !== 0) throw new Error(`${step} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = { casefile: [], duckdb: [], floor: [], js: [] };
for (let i = 0; i < Number(values.pairs); i++) {
  runs.duckdb.push(measure('duckdb-read-json', '.bench/baseline.duckdb'));
  runs.floor.push(measure('duckdb-floor', '.bench/floor.duckdb'));
  runs.casefile.push(measure('casefile-import', '.bench/case.duckdb'));
  if (values.js)
    runs.js.push(measure('casefile-import', '.bench/case-js.duckdb', { CASEFILE_NATIVE_IMPORT: '0' }));
}
const row = (name, rs) => {
  const times = rs.map((r) => r.seconds);
  const s = median(times);
  return {
    name,
    seconds: +s.toFixed(2),
    range: `${Math.min(...times).toFixed(2)}–${Math.max(...times).toFixed(2)}`,
    cpuSeconds: median(rs.map((r) => r.cpuSeconds)),
    eventsPerSecond: Math.round(n / s),
    mbPerSecond: +(mb / s).toFixed(1),
    peakRssMiB: Math.max(...rs.map((r) => r.maxRssMiB)),
  };
};
const cf = row('casefile import (provenance, quarantine, canonical columns)', runs.casefile);
const dd = row('duckdb read_json, explicit columns (baseline)', runs.duckdb);
const fl = row('duckdb, same columns + each record text (floor)', runs.floor);
// Round by round, as ../shared/perf/baseline.md reads ratios: each round ran under the same machine load.
const ratio = (xs, base = runs.duckdb) => {
  const rs = xs.map((r, i) => r.seconds / base[i].seconds);
  return `${median(rs).toFixed(2)}× [${Math.min(...rs).toFixed(2)}–${Math.max(...rs).toFixed(2)}]`;
};
console.log(
  `\n${n} ${values.family} events, ${mb.toFixed(0)} MB${files.length > 1 ? ` in ${files.length} files` : ''}${values.gzip ? ` (gzip: ${(files.reduce((sum, f) => sum + statSync(f).size, 0) / 1e6).toFixed(0)} MB)` : ''}, ${values.pairs} alternating rounds, medians:`,
);
console.table(values.js ? [cf, dd, fl, row('casefile import, JS path', runs.js)] : [cf, dd, fl]);
console.log(
  `ratio casefile/duckdb: ${ratio(runs.casefile)} (goal ≤ 1.5×; ≥ 150k events/s; peak RSS ≤ 1024 MiB)`,
);
console.log(`ratio floor/duckdb:    ${ratio(runs.floor)}`);
console.log(`ratio casefile/floor:  ${ratio(runs.casefile, runs.floor)}`);
