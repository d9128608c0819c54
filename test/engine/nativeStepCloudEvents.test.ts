/**
 * The native import of runtime-steps CloudEvents (native/families/runtimeSteps.ts,
 * runtimeStepsCloudEvents) must give exactly what the JS mapper gives: every CloudEvents fixture,
 * the tampered one, and a file of odd envelopes and events, imported both ways into real DuckDB
 * files and compared column by column; and DuckDB must really take the producer's lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/engine/case/db';
import { expectSameBothWays, writeLines } from '../helpers/importBothWays';
import { insertedByDuckDb, newInsertCase } from '../helpers/nativeInsertRows';
import { pythonLayout, spacedLayout, stepLine } from '../helpers/runtimeStepLine';
import { scratchDir } from '../helpers/scratchDir';
import { stepCloudEventLine as line } from '../helpers/stepCloudEventLine';

const dir = scratchDir('casefile-native-step-ce');
const CE = 'test/fixtures/runtime-steps/cloudevents';
const FILES = [
  ...readdirSync(CE).map((n) => join(CE, n)),
  'test/fixtures/runtime-steps/tampered/cloudevents-tnt_ember.edit-data.jsonl',
];
const PRODUCER = 'runtime-steps-cloudevents';

function oddShapes(): string[] {
  const envelopes: Record<string, string | undefined>[] = [
    { specversion: undefined },
    { specversion: '""' },
    { specversion: '1.0' },
    { id: '""' },
    { id: '7' },
    { type: undefined },
    { type: '{"a":1}' },
    { source: '""' },
    { source: 'null' },
    { subject: undefined },
    { subject: 'null' },
    { subject: '5' },
    { subject: '"run_\\u00e9 \\"q\\""' },
    { time: undefined },
    { time: '"2025-02-11T08:01:35Z"' },
    { time: '"2025-02-11T08:01:35.625+00:00"' },
    { time: '"2025-02-11T09:01:35+01:00"' },
    { time: '"yesterday"' },
    { time: '1739260895' },
    { datacontenttype: '5' },
    { traceparent: '"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"' },
    { traceparent: '{"x":1}' },
    { traceid: '""' },
    { sessionid: '["s"]' },
    { dataschema: '"https://example/schema"' },
    { extension: '"x"' },
    { data: undefined },
    { data: 'null' },
    { data: '"text"' },
    { data: '[1]' },
    { data: '{}' },
    { data: '5' },
    { data: '[]' },
    { data: pythonLayout(stepLine(7)) },
    { data: stepLine(8).replace(/}$/, ',"extra":{"run_id":5}}') },
  ];
  const events: Record<string, string | undefined>[] = [
    { step_id: '"5"' },
    { step_id: '"0300"' },
    { step_id: '1.0' },
    { step_id: '-0' },
    { step_id: 'null' },
    { run_id: '""' },
    { run_id: '5' },
    { phase: '"approval"', actor: '"user:bob"' },
    { timestamp: '"2025-02-11T08:04:37+01:00"' },
    { timestamp: '"2025-02-30T00:00:00Z"' },
    { decision: '"DENY"' },
    { decision: '"require_approval"' },
    { decision: '3' },
    { actor: '5' },
    { reason: '"caf\\u00e9 \\"x\\""' },
    { reason: 'nan' },
    { result: '"ok"' },
    { scope: '{"x":1}' },
    { sig: '5' },
  ];
  const lines = Array.from({ length: 20 }, (_, i) => line(i + 1));
  envelopes.forEach((changes, i) => lines.push(line(100 + i, changes)));
  events.forEach((changes, i) => lines.push(line(200 + i, {}, changes)));
  lines.push(
    line(300).replace('"data":', '"data":{},"data":'),
    line(301).replace('"run_id":"run_1",', '"run_id":"run_1","run_id":"run_2",'),
    line(302).replace('"subject":', '"\\u0073ubject":'),
    line(303).replace('"run_id":', '"\\u0072un_id":'),
    line(304).replace(/}}$/, '},}'),
    spacedLayout(line(305)),
  );
  return lines;
}

describe('native runtime-steps CloudEvents import gives what the JS path gives', () => {
  it.each(FILES)('%s', async (file) => {
    const viaJs = await expectSameBothWays(file, dir, PRODUCER);
    expect(viaJs.events.length).toBeGreaterThan(0);
  });

  it('a file of odd envelopes and events: each row mapped or quarantined exactly as the JS mapper does', async () => {
    const viaJs = await expectSameBothWays(writeLines(dir, 'odd.jsonl', oddShapes()), dir, PRODUCER);
    expect(viaJs.quarantine.length).toBeGreaterThan(10);
  });
});

describe('the native INSERT for runtime-steps CloudEvents', () => {
  let db: Db;
  beforeAll(async () => {
    db = await newInsertCase(join(dir, 'insert.duckdb'));
  });
  afterAll(() => db.close());

  it.each(readdirSync(CE))("takes every line of the producer's %s", async (name) => {
    const file = join(CE, name);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
    const { entries } = await insertedByDuckDb(db, dir, file, PRODUCER);
    expect(entries).toEqual([...Array(lines).keys()]);
  });

  it('leaves to JS an unknown envelope member, a repeated or escaped key, and a non-string envelope text', async () => {
    const lines = [
      line(1),
      line(2, { extension: '"x"' }),
      line(3).replace('"run_id":"run_1",', '"run_id":"run_1","run_id":"run_2",'),
      line(4).replace('"subject":', '"\\u0073ubject":'),
      line(5, { subject: '5' }),
      line(6, { data: pythonLayout(stepLine(6)) }),
      line(7, { subject: undefined, datacontenttype: undefined }),
    ];
    const file = writeLines(dir, 'keys.jsonl', lines);
    expect((await insertedByDuckDb(db, dir, file, PRODUCER)).entries).toEqual([0, 5, 6]);
  });

  it("accounts for a compact line's every byte, the event's included (recordShape.ts compactLength)", async () => {
    // Text that only looks like DuckDB's lenient JSON: the general check refuses any record
    // holding it, the compact one takes it as long as every byte is accounted for.
    const lenientLooking = { reason: '"x,}y: nan"' };
    const lines = [
      line(1, {}, lenientLooking),
      line(2, { data: pythonLayout(stepLine(2, lenientLooking)) }),
      line(3, {}, { ...lenientLooking, step_id: '"3"' }), // a string step: two bytes more than read
      line(4, {}, lenientLooking).replace(/}}$/, ',"x":1}}'), // a member the event does not name
      line(5, {}, { ...lenientLooking, scope: 'null' }), // null reads as absent
      line(6, {}, lenientLooking).replace(/}}$/, ',}}'),
      line(7, {}, { ...lenientLooking, sig: undefined }), // members may be absent
    ];
    const file = writeLines(dir, 'compact.jsonl', lines);
    expect((await insertedByDuckDb(db, dir, file, PRODUCER)).entries).toEqual([0, 6]);
  });
});
