/**
 * The native import of meshguard audit JSONL (native/families/meshguard.ts) must give exactly
 * what the JS mapper gives: every audit fixture, and a file of odd shapes, imported both ways
 * into real DuckDB files and compared column by column; and DuckDB must really take the
 * gateway's plain lines (a check that sent every row to JS would agree, only slower).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/engine/case/db';
import { expectSameBothWays, writeLines } from '../helpers/importBothWays';
import { meshguardLine } from '../helpers/meshguardLine';
import { insertedByDuckDb, newInsertCase } from '../helpers/nativeInsertRows';
import { replaceOnce } from '../helpers/replaceOnce';
import { scratchDir } from '../helpers/scratchDir';
import { spacedLayout } from '../helpers/runtimeStepLine';

const dir = scratchDir('casefile-native-meshguard');
const M = 'test/fixtures/meshguard';
const DAYS = ['2024-03-14', '2024-03-15', '2024-03-16'];
const AUDIT_FILES = [
  ...DAYS.map((d) => `${M}/audit/${d}.jsonl`),
  ...[
    'delete-event',
    'edit-field',
    'edit-rehashed',
    'forged-rechain',
    'forged-sig',
    'insert-event',
    'swap-events',
    'torn-line',
    'truncated',
  ].map((t) => `${M}/tampered/2024-03-16.${t}.jsonl`),
];

const HOP = { agent_id: 'agent_a', delegated_at: '2024-03-14T02:10:00.000Z', permissions_granted: [] };
const delegated = (changes: Record<string, unknown>): Record<string, unknown> => ({
  delegation: { chain: [HOP], depth: 1, root_agent: 'agent_a', chain_id: 'chn_9', ...changes },
});
const agentWith = (changes: Record<string, unknown>): Record<string, unknown> => ({
  agent: { id: 'agent_refunds', name: 'Refunds Bot', trust_tier: 'trusted', tags: [], ...changes },
});

function oddShapes(): string[] {
  const odd: Record<string, unknown>[] = [
    { decision: { effect: 'Deny' } },
    { decision: { effect: '' } },
    { decision: { effect: 'weird', policy_id: 'p' } },
    { decision: { effect: null } },
    { decision: { effect: 5 } },
    { decision: 'allow' },
    { delegation: undefined },
    { delegation: null },
    { delegation: 'x' },
    { delegation: {} },
    delegated({ chain: [] }),
    delegated({ chain: 'x' }),
    delegated({ chain: ['x'] }),
    delegated({ chain: [{}] }),
    delegated({ chain: [{ agent_id: null }] }),
    delegated({ chain: [{ agent_id: 5 }] }),
    delegated({ chain: [HOP, { agent_id: 'agent_b', note: { agent_id: 'agent_c' } }] }),
    delegated({ depth: '3' }),
    delegated({ depth: '03' }),
    delegated({ depth: true }),
    delegated({ depth: 12345678901234567890123n.toString() }),
    delegated({ depth: null }),
    delegated({ chain_id: 7 }),
    delegated({ root_agent: null }),
    { ...delegated({}), agent: undefined },
    { ...delegated({}), ...agentWith({ id: '' }) },
    { ...delegated({}), ...agentWith({ id: 'a"b' }) },
    { ...delegated({}), ...agentWith({ id: 'a\\b' }) },
    { ...delegated({}), ...agentWith({ id: 'tab\there' }) },
    { ...delegated({}), ...agentWith({ id: 'del\u007f' }) },
    { ...delegated({}), ...agentWith({ id: 'zoë ✓ 😀 \u2028' }) },
    { ...delegated({ chain: [{ agent_id: 'ünï' }, { agent_id: 'b/c' }] }) },
    { agent: null },
    { agent: 'agent_x' },
    { agent: [] },
    agentWith({ id: 7 }),
    agentWith({ id: { x: 1 } }),
    agentWith({ name: null, trust_tier: false }),
    { action: { type: { x: 1 }, resource: 'r' } },
    { action: { type: 't', resource: 'r', parameters: { type: 'inner' } } },
    { action: { type: 't', resource: 'r', parameters: { agent_id: 'hidden' } } },
    { action: { type: 't', resource: 'r', parameters: { text: 'mentions "type" and "policy"' } } },
    { action: { type: 't', resource: 'r', parameters: [1, 2, { nested: [] }] } },
    { event_type: 'context_access', context: { data_subject_id: 'ds_1', data_classification: 'pii' } },
    { event_type: 'delegation_end', result: { status: 'completed', duration_ms: 5 } },
    { result: 'x' },
    { result: { status: 5 } },
    {
      event_type: 'policy_update',
      agent: undefined,
      policy: { policy_id: 'p1', version_to: 'p2', changes: [], updated_by: 'ops@x', comment: 'c' },
    },
    {
      event_type: 'agent_lifecycle',
      lifecycle: { agent_id: 'a', change_type: 'suspended', changed_by: 'ops' },
    },
    { event_type: 'anomaly_detected', anomaly: { anomaly_type: 'spike', severity: 'high', details: {} } },
    { event_type: 'policy_update' },
    { timestamp: '2024-03-14T02:14:20Z' },
    { timestamp: '2024-03-14T02:14:20.079+00:00' },
    { timestamp: '2024-03-14T02:14:20.079+02:00' },
    { timestamp: 1710382460.079 },
    { event_id: '' },
    { event_id: 12 },
    { event_id: undefined },
    { extra: 1 },
    { integrity: { hash: 5, prev: 'p' } },
    { integrity: 'none' },
    { metadata: { client_ip: null } },
  ];
  const lines = Array.from({ length: 20 }, (_, i) => meshguardLine(i));
  odd.forEach((changes, i) => lines.push(meshguardLine(100 + i, changes)));
  const raw = (i: number, from: string, to: string): string => replaceOnce(meshguardLine(i), from, to);
  lines.push(
    raw(200, '"id":"agent_refunds"', '"id":"agent_refunds","id":"agent_evil"'),
    raw(201, '{"agent_id":"agent_support",', '{"agent_id":"agent_support","agent_id":"agent_x",'),
    raw(202, '"depth":2', '"depth":2.0'),
    raw(203, '"depth":2', '"depth":-0'),
    raw(204, '"depth":2', '"depth":2e0'),
    raw(205, '"id":"agent_refunds"', '"\\u0069d":"agent_refunds"'),
    raw(206, '"effect":', '"effect":"allow","effect":'),
    raw(207, '"currency":"EUR"}', '"currency":"EUR",}'),
    raw(208, '"amount":149.99', '"amount":nan'),
    raw(209, '"amount":149.99', '"amount":NaN'),
    raw(210, '"chain_id":"chn_1"', '"chain_id":"chn_1","chain":[]'),
    raw(211, '"event_type":"policy_decision"', '"event_type":"policy_decision","agent":null'),
    raw(212, '"resource":"order/o_212"', '"resource":"order/\\u00f6_\\"212\\""'),
    spacedLayout(meshguardLine(213)),
  );
  return lines;
}

describe('native meshguard import gives what the JS path gives', () => {
  it.each(AUDIT_FILES)('%s', async (file) => {
    const viaJs = await expectSameBothWays(file, dir, 'meshguard');
    expect(viaJs.events.length).toBeGreaterThan(0);
  });

  it('a file of odd shapes: each row mapped or quarantined exactly as the JS mapper does', async () => {
    const viaJs = await expectSameBothWays(writeLines(dir, 'odd.jsonl', oddShapes()), dir, 'meshguard');
    expect(viaJs.quarantine.length).toBeGreaterThan(2);
    // The shapes reach the columns they are about: delegation paths with and without escapes.
    expect(viaJs.events.some((e) => String(e.delegation_path).includes('ünï'))).toBe(true);
  });
});

describe('the native INSERT for meshguard audit events', () => {
  let db: Db;
  beforeAll(async () => {
    db = await newInsertCase(join(dir, 'insert.duckdb'));
  });
  afterAll(() => db.close());

  it("takes most of the gateway's lines, delegated ones included, but not policy, lifecycle or anomaly events", async () => {
    for (const day of DAYS) {
      const file = `${M}/audit/${day}.jsonl`;
      const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
      const { entries } = await insertedByDuckDb(db, dir, file, 'meshguard');
      expect(entries.length).toBeGreaterThan(lines.length * 0.8);
      const taken = entries.map((i) => JSON.parse(lines[i] ?? '') as Record<string, unknown>);
      expect(taken.filter((e) => 'policy' in e || 'lifecycle' in e || 'anomaly' in e)).toEqual([]);
      expect(taken.filter((e) => e.delegation !== undefined).length).toBeGreaterThan(entries.length / 5);
    }
  });

  it('leaves to JS a repeated or escaped key, an element key out of place, and what JSON would escape', async () => {
    const lines = [
      meshguardLine(1),
      meshguardLine(2).replace('"id":"agent_refunds"', '"id":"agent_refunds","id":"agent_evil"'),
      meshguardLine(3).replace('{"agent_id":"agent_support",', '{"agent_id":"agent_support","agent_id":"x",'),
      meshguardLine(4, { action: { type: 't', parameters: { agent_id: 'hidden' } } }),
      meshguardLine(5).replace('"id":"agent_refunds"', '"\\u0069d":"agent_refunds"'),
      meshguardLine(6, agentWith({ id: 'a"b' })),
      meshguardLine(7, agentWith({ id: 7 })),
      meshguardLine(8).replace('"depth":2', '"depth":2.0'),
      meshguardLine(9, { event_type: 'policy_update', policy: { policy_id: 'p' } }),
      meshguardLine(10, { delegation: 'x' }),
      meshguardLine(11, { delegation: undefined }),
    ];
    const file = writeLines(dir, 'keys.jsonl', lines);
    expect((await insertedByDuckDb(db, dir, file, 'meshguard')).entries).toEqual([0, 9, 10]);
  });
});
