// Deterministic synthetic archive for the benchmarks: runtime-steps events (formats/runtime-steps.md)
// with real per-run SHA-256 chains over RFC 8785 JSON and HMAC-SHA256 signatures, so the same file
// serves bench:import and bench:verify. Runs interleave like a busy runtime's file.
// usage: node scripts/bench/gen-archive.mjs --n 1000000 --out .bench/events-1m.jsonl [--seed 42]
import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, openSync, writeSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import { generatorArgs } from './generatorArgs.mjs';
import { seededRandom } from './random.mjs';

const { n: N, out, seed } = generatorArgs('runtime-steps');
export const BENCH_KEY_HEX = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const key = Buffer.from(BENCH_KEY_HEX, 'hex');

const { rand, pick, hex } = seededRandom(seed);

// RFC 8785 for these events: strings and one small integer, ASCII keys → sorted JSON.stringify.
function jcs(obj) {
  const keys = Object.keys(obj).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(obj[k])}`).join(',')}}`;
}

const TENANTS = ['tnt_bluefin', 'tnt_copperleaf', 'tnt_driftwood', 'tnt_ember'];
const ACTIONS = [
  'crm.search',
  'crm.update',
  'refund.create',
  'email.send',
  'kb.lookup',
  'ticket.close',
  'payment.capture',
];
const AGENTS = Array.from({ length: 40 }, (_, i) => `agent:worker-${i.toString().padStart(2, '0')}`);
const ACTIVE = 32;
const runs = [];
function newRun() {
  return {
    id: `run_${hex(20)}`,
    tenant: pick(TENANTS),
    agent: pick(AGENTS),
    step: 0,
    prev: '0'.repeat(64),
    left: 20 + Math.floor(rand() * 380),
    pending: null,
  };
}
for (let i = 0; i < ACTIVE; i++) runs.push(newRun());

mkdirSync(dirname(out), { recursive: true });
const fd = openSync(out, 'w');
let buf = [];
let ms = Date.UTC(2025, 0, 2, 3, 4, 5, 678);
function emit(run, phase, fields) {
  ms += 1 + Math.floor(rand() * 40);
  const e = {
    run_id: run.id,
    step_id: run.step,
    tenant_id: run.tenant,
    action: fields.action,
    action_key: fields.actionKey,
    timestamp: new Date(ms).toISOString(),
    phase,
    decision: fields.decision,
    reason: fields.reason,
    actor: run.agent,
    scope: fields.scope,
    args_hash: fields.argsHash,
  };
  if (phase === 'post_exec') e.result = fields.result;
  e.prev = run.prev;
  e.hash = createHash('sha256').update(jcs(e)).digest('hex');
  e.sig = createHmac('sha256', key).update(jcs(e)).digest('hex');
  run.prev = e.hash;
  buf.push(JSON.stringify(e));
  if (buf.length >= 10000) {
    writeSync(fd, `${buf.join('\n')}\n`);
    buf = [];
  }
}
for (let written = 0; written < N;) {
  const slot = Math.floor(rand() * ACTIVE);
  const run = runs[slot];
  const action = pick(ACTIONS);
  const argsHash = hex(64);
  const fields = {
    action,
    actionKey: hex(16),
    argsHash,
    decision: 'allow',
    reason: 'policy_ok',
    scope: 'user',
    result: pick(['ok', 'ok', 'ok', 'error', 'timeout']),
  };
  run.step += 1;
  if (rand() < 0.03) {
    emit(run, 'pre_exec', { ...fields, decision: 'stop', reason: 'rate_limited_user' });
    written += 1;
    runs[slot] = newRun();
    continue;
  }
  emit(run, 'pre_exec', fields);
  written += 1;
  if (written < N) {
    emit(run, 'post_exec', fields);
    written += 1;
  }
  run.left -= 2;
  if (run.left <= 0) runs[slot] = newRun();
}
if (buf.length) writeSync(fd, `${buf.join('\n')}\n`);
closeSync(fd);
console.log(JSON.stringify({ out, events: N }));
