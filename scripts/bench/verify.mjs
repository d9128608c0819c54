// npm run bench:verify [-- --n 1000000 --pairs 2]: verifies the generated archive (per-run SHA-256
// chains over RFC 8785 JSON + HMAC-SHA256 per event) with `casefile verify`, and alternately in the
// same run hashes the same file with `openssl dgst -sha256` (../shared/perf/baseline.md §2),
// printing events/s, peak RSS and the ratio.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '1000000' }, pairs: { type: 'string', default: '2' } },
});
const n = Number(values.n);
const file = `.bench/events-${n}.jsonl`;
if (!existsSync(file))
  spawnSync(process.execPath, ['scripts/bench/gen-archive.mjs', '--n', String(n), '--out', file], {
    stdio: 'inherit',
  });
const mb = statSync(file).size / 1e6;
const KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'; // gen-archive.mjs BENCH_KEY_HEX

function timed(cmd, args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { r, seconds };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cf = [];
const ssl = [];
let verdict = '';
for (let i = 0; i < Number(values.pairs); i++) {
  const o = timed('openssl', ['dgst', '-sha256', file]);
  if (o.r.status !== 0) throw new Error(`openssl failed: ${o.r.stderr}`);
  ssl.push(o.seconds);
  // measure.mjs-style peak RSS: run the CLI under a wrapper that reports its own maxRSS.
  const v = timed(process.execPath, ['scripts/bench/measure-verify.mjs', file, KEY]);
  if (v.r.status !== 0) throw new Error(`verify failed: ${v.r.stderr}`);
  const last = JSON.parse(v.r.stdout.trim().split('\n').at(-1));
  verdict = last.verdict;
  cf.push({ seconds: v.seconds, rss: last.maxRssMiB });
}
const s = median(cf.map((x) => x.seconds));
const o = median(ssl);
console.log(
  `\n${n} events, ${mb.toFixed(0)} MB, ${values.pairs} alternating pairs, medians; verdict: ${verdict}`,
);
console.table([
  {
    name: 'casefile verify (per-run chains, JCS, HMAC)',
    seconds: +s.toFixed(2),
    eventsPerSecond: Math.round(n / s),
    mbPerSecond: +(mb / s).toFixed(1),
    peakRssMiB: Math.max(...cf.map((x) => x.rss)),
  },
  {
    name: 'openssl dgst -sha256 (same file)',
    seconds: +o.toFixed(2),
    eventsPerSecond: Math.round(n / o),
    mbPerSecond: +(mb / o).toFixed(1),
    peakRssMiB: null,
  },
]);
console.log(
  `ratio casefile/openssl: ${(s / o).toFixed(1)}× (goals: ≥ 150k events/s, within 10× of openssl, ≤ 300 MiB)`,
);
