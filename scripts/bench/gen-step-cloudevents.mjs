// The runtime-steps benchmark archive as its producer's CloudEvents copy (formats/runtime-steps.md
// §7): each event, byte for byte, as `data` of a structured-mode CloudEvent whose id, type,
// subject and time repeat the event's, one per line in the same order. Generates the events first
// (gen-archive.mjs) if they are missing.
// usage: node scripts/bench/gen-step-cloudevents.mjs --n 1000000 --out .bench/step-cloudevents-1000000.jsonl
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, openSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { generatorArgs } from './generatorArgs.mjs';

const { n: N, out } = generatorArgs('runtime-steps-cloudevents');
const events = `.bench/events-${N}.jsonl`;
if (!existsSync(events))
  spawnSync(process.execPath, ['scripts/bench/gen-archive.mjs', '--n', String(N), '--out', events], {
    stdio: 'inherit',
  });

const fd = openSync(out, 'w');
let pending = [];
for await (const line of createInterface({ input: createReadStream(events), crlfDelay: Infinity })) {
  const e = JSON.parse(line);
  const envelope = [
    '"specversion":"1.0"',
    `"id":${JSON.stringify(`${e.run_id}/${e.step_id}/${e.phase}`)}`,
    `"source":${JSON.stringify(`//runtime.bench.example/tenants/${e.tenant_id}`)}`,
    `"type":${JSON.stringify(`io.agentruntime.step.${e.phase}`)}`,
    `"subject":${JSON.stringify(e.run_id)}`,
    `"time":${JSON.stringify(e.timestamp)}`,
    '"datacontenttype":"application/json"',
  ];
  pending.push(`{${envelope.join(',')},"data":${line}}\n`);
  if (pending.length >= 10_000) {
    writeSync(fd, pending.join(''));
    pending = [];
  }
}
writeSync(fd, pending.join(''));
closeSync(fd);
