/**
 * The native import of meshguard's SIEM projection (native/families/meshguardSiem.ts) must give
 * exactly what the JS mapper gives: every SIEM fixture, the tampered one, and a file of odd
 * shapes, imported both ways into real DuckDB files and compared column by column; and DuckDB
 * must really take the projection's lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/engine/case/db';
import { expectSameBothWays, writeLines } from '../helpers/importBothWays';
import { meshguardSiemLine as line } from '../helpers/meshguardSiemLine';
import { insertedByDuckDb, newInsertCase } from '../helpers/nativeInsertRows';
import { replaceOnce } from '../helpers/replaceOnce';
import { scratchDir } from '../helpers/scratchDir';
import { spacedLayout } from '../helpers/runtimeStepLine';

const dir = scratchDir('casefile-native-siem');
const M = 'test/fixtures/meshguard';
const DAYS = ['2024-03-14', '2024-03-15', '2024-03-16'].map((d) => `${M}/siem/${d}.jsonl`);
const FILES = [...DAYS, `${M}/tampered/siem-2024-03-16.edit-field.jsonl`];
const PRODUCER = 'meshguard-siem';

function oddShapes(): string[] {
  const top: Record<string, unknown>[] = [
    { timestamp: '2024-03-14T02:14:20Z' },
    { timestamp: '2024-03-14T04:14:20.079+02:00' },
    { timestamp: 1710382460 },
    { timestamp: null },
    { source: null },
    { source: 5 },
    { event_type: '' },
    { event_type: undefined },
    { severity: null },
    { severity: ['high'] },
    { tags: null },
    { tags: 'payments' },
    { tags: [{ event_id: 'in a tag' }] },
    { meshguard: null },
    { meshguard: 'x' },
    { meshguard: [] },
    { extra: 1 },
  ];
  const inner: Record<string, unknown>[] = [
    { event_id: '' },
    { event_id: 7 },
    { event_id: undefined },
    { agent_id: null },
    { agent_id: 5 },
    { agent_name: { n: 1 } },
    { decision: 'Deny' },
    { decision: 'require_approval' },
    { decision: null },
    { decision: true },
    { policy_id: 12 },
    { delegation_depth: null },
    { delegation_depth: '2' },
    { delegation_depth: '02' },
    { delegation_depth: 2.5 },
    { delegation_depth: -1 },
    { delegation_depth: 12345678901234567890123n.toString() },
    { delegation_depth: 'deep' },
    { evaluation_time_ms: null },
    { evaluation_time_ms: 1.5 },
    { resource: 'order/\u00f6 "quoted" \\ back' },
    { action: 'read:\u2028x' },
    { extra_inner: { decision: 'deny' } },
  ];
  const lines = Array.from({ length: 20 }, (_, i) => line(i));
  top.forEach((changes, i) => lines.push(line(100 + i, changes)));
  inner.forEach((changes, i) => lines.push(line(200 + i, {}, changes)));
  const raw = (i: number, from: string, to: string): string => replaceOnce(line(i), from, to);
  lines.push(
    raw(300, '"agent_id":"agent_refunds"', '"agent_id":"agent_refunds","agent_id":"agent_evil"'),
    raw(301, '"decision":"allow"', '"\\u0064ecision":"allow"'),
    raw(302, '"delegation_depth":2', '"delegation_depth":2.0'),
    raw(303, '"delegation_depth":3', '"delegation_depth":-0'),
    raw(304, '"evaluation_time_ms":4', '"evaluation_time_ms":nan'),
    raw(305, '"tags":["payments"]', '"tags":["payments",]'),
    raw(306, '"source":"meshguard"', '"source":"meshguard","source":"other"'),
    spacedLayout(line(307)),
  );
  return lines;
}

describe('native meshguard SIEM import gives what the JS path gives', () => {
  it.each(FILES)('%s', async (file) => {
    const viaJs = await expectSameBothWays(file, dir, PRODUCER);
    expect(viaJs.events.length).toBeGreaterThan(0);
  });

  it('a file of odd shapes: each row mapped or quarantined exactly as the JS mapper does', async () => {
    const viaJs = await expectSameBothWays(writeLines(dir, 'odd.jsonl', oddShapes()), dir, PRODUCER);
    expect(viaJs.quarantine.length).toBeGreaterThan(5);
    expect(viaJs.report.notes?.length ?? 0).toBeGreaterThan(0);
  });
});

describe('the native INSERT for meshguard SIEM records', () => {
  let db: Db;
  beforeAll(async () => {
    db = await newInsertCase(join(dir, 'insert.duckdb'));
  });
  afterAll(() => db.close());

  it.each(DAYS)("takes every line of the projection's %s", async (file) => {
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
    const { entries } = await insertedByDuckDb(db, dir, file, PRODUCER);
    expect(entries).toEqual([...Array(lines).keys()]);
  });

  it('leaves to JS a repeated or escaped key, a depth that is no canonical integer, and an unknown member', async () => {
    const lines = [
      line(1),
      line(2).replace('"agent_id":"agent_refunds"', '"agent_id":"agent_refunds","agent_id":"x"'),
      line(4).replace('"decision":"allow"', '"\\u0064ecision":"allow"'),
      line(5, {}, { delegation_depth: '02' }),
      line(7, { extra: 1 }),
      line(8, {}, { agent_id: null, policy_id: null }),
    ];
    const file = writeLines(dir, 'keys.jsonl', lines);
    expect((await insertedByDuckDb(db, dir, file, PRODUCER)).entries).toEqual([0, 5]);
  });
});
