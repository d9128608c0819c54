/**
 * The native import of AgentMesh FileAuditSink JSONL (nativeFamilies.ts agentmeshSink) must give
 * exactly what the JS mapper gives: every sink fixture, and a file of odd shapes, imported both
 * ways into real DuckDB files and compared column by column; and DuckDB must really take the
 * producer's plain lines (a check that sent every row to JS would agree, only slower).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/engine/case/db';
import { expectSameBothWays, writeLines } from '../helpers/importBothWays';
import { insertedByDuckDb, newInsertCase } from '../helpers/nativeInsertRows';
import { scratchDir } from '../helpers/scratchDir';
import { sinkLine } from '../helpers/agentmeshSinkLine';

const dir = scratchDir('casefile-native-agentmesh');
const A = 'test/fixtures/agentmesh';
const SINK_FILES = [
  `${A}/scenario/audit_trail.jsonl`,
  `${A}/edge-cases/audit_trail.jsonl`,
  `${A}/rotation/audit_trail.jsonl`,
  `${A}/rotation/audit_trail.20260409151036.jsonl`,
  `${A}/rotation/audit_trail.20260409152019.jsonl`,
  ...[
    'delete-entry',
    'edit-field',
    'edit-uncovered-field',
    'forged-hmac-rechain',
    'forged-hmac-single',
    'insert-entry',
    'invalid-json-line',
    'truncated',
  ].map((t) => `${A}/tampered/sink.${t}.jsonl`),
];

/** A sink line whose data member is `text` exactly, raw. */
function withData(i: number, text: string): string {
  const line = sinkLine(i);
  const withText = line.replace(`"data": {"note":"n${i}"}`, `"data": ${text}`);
  if (withText === line) throw new Error('data member not found');
  return withText;
}

function oddShapes(): string[] {
  const odd: Record<string, unknown>[] = [
    { policy_decision: 'deny' },
    { policy_decision: 'require_approval' },
    { policy_decision: 'Allow' },
    { policy_decision: '' },
    { policy_decision: 'weird', action: 'deny' },
    { action: 'warning' },
    { action: '' },
    { outcome: 'denied' },
    { event_type: 'tool_blocked' },
    { event_type: 'policy_violation', action: 'warning' },
    { event_type: 'agent_invocation', target_did: 'did:web:other.example' },
    { event_type: 'agent_invocation', target_did: '', resource: 'agent://did:web:third.example' },
    { event_type: 'delegation', resource: 'agent://' },
    { event_type: 'delegation', resource: 'tool://y' },
    { data: { reason: 'because', severity: 'high' } },
    { data: { delegation_chain: ['did:a', 'did:b'], delegation_depth: 2 } },
    { data: { nested: { reason: 5 } } },
    { data: 'a string' },
    { data: null },
    { data: [1, 2] },
    { data: { big: 717897987691852588770249n.toString() } },
    { matched_rule: '' },
    { trace_id: '', session_id: null },
    { previous_hash: '' },
    { content_hash: null },
    { resource: 5 },
    { target_did: 7 },
    { entry_id: '' },
    { entry_id: 12 },
    { agent_did: undefined },
    { timestamp: '2026-04-09T13:00:00Z' },
    { timestamp: '2026-04-09 13:00:00.450000+00:00' },
    { timestamp: '2026-04-09T13:00:00.450000' },
    { timestamp: '2026-04-09T15:00:00.450000+02:00' },
    { timestamp: 1775739600.45 },
    { extra: 1 },
    { approver_did: 'did:web:boss.example' },
    { data: { resource: 5 } },
    { data: { reason: '' } },
    { data: { reason: null, severity: 'low' } },
    { data: { reason: 'r', x: { reason: 's' } } },
    { data: { reason: true } },
    { data: { severity: ['a'] } },
    { data: { note: 'mentions "reason" in text' } },
  ];
  const lines = Array.from({ length: 20 }, (_, i) => sinkLine(i));
  odd.forEach((changes, i) => lines.push(sinkLine(100 + i, changes)));
  lines.push(
    sinkLine(200).replace('"action": "allow"', '"action": "allow", "action": "deny"'),
    sinkLine(201).replace('"data": {', '"data": {"reason": null, "reason": "x", '),
    sinkLine(202).replace('"outcome"', '"\\u006futcome"'),
    sinkLine(203).replace(/}$/, ', }'),
    sinkLine(204).replace(/, /g, ',').replace(/": /g, '":'),
    sinkLine(205, { data: { k: 'with \\"quote\\" and é' } }),
    // What DuckDB's parser takes and JSON refuses, inside the free-form data (recordShape.ts).
    withData(206, '{"a": [1, ]}'),
    withData(207, '{"a": {"b": 1,}}'),
    withData(208, '{"a": nan}'),
    withData(209, '{"a": -INF}'),
    withData(210, '{"a": NaN, "b": [Infinity, -Infinity]}'),
    withData(211, '{"a": "text, nan and [x, ]"}'),
  );
  return lines;
}

describe('native AgentMesh sink import gives what the JS path gives', () => {
  it.each(SINK_FILES)('%s', async (file) => {
    const viaJs = await expectSameBothWays(file, dir, 'agentmesh-sink');
    expect(viaJs.events.length).toBeGreaterThan(0);
  });

  it('a file of odd shapes: each row mapped or quarantined exactly as the JS mapper does', async () => {
    const viaJs = await expectSameBothWays(writeLines(dir, 'odd.jsonl', oddShapes()), dir, 'agentmesh-sink');
    expect(viaJs.quarantine.length).toBeGreaterThan(2);
  });
});

describe('the native INSERT for AgentMesh sink lines', () => {
  let db: Db;
  beforeAll(async () => {
    db = await newInsertCase(join(dir, 'insert.duckdb'));
  });
  afterAll(() => db.close());

  it("takes the scenario file's lines but those with a delegation chain or depth", async () => {
    const file = `${A}/scenario/audit_trail.jsonl`;
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const delegationData = (l: string): boolean => /"(delegation_chain|delegation_depth)"\s*:/.test(l);
    const expected = lines.flatMap((l, i) => (delegationData(l) ? [] : [i]));
    expect(expected.length).toBeGreaterThan(lines.length * 0.8);
    // data.reason is read natively: many of the lines taken hold one.
    expect(expected.filter((i) => lines[i]?.includes('"reason": "')).length).toBeGreaterThan(20);
    const { entries } = await insertedByDuckDb(db, dir, file, 'agentmesh-sink');
    expect(entries).toEqual(expected);
  });

  it('leaves to JS a repeated, escaped or unknown key, and a value of the wrong type', async () => {
    const lines = [
      sinkLine(1),
      sinkLine(2).replace('"action": "allow"', '"action": "allow", "action": "deny"'),
      sinkLine(3).replace('"outcome"', '"\\u006futcome"'),
      sinkLine(4, { extra: 1 }),
      sinkLine(5, { resource: 5 }),
      sinkLine(6, { data: { anything: [1, { deep: true }] } }),
      sinkLine(7, { data: { reason: 'r', severity: 'high' } }),
      sinkLine(8).replace('"data": {', '"data": {"reason": "r", "reason": "s", '),
      sinkLine(9, { data: { reason: 5 } }),
      sinkLine(10, { data: { reason: 'r', x: { reason: 's' } } }),
    ];
    const file = writeLines(dir, 'keys.jsonl', lines);
    expect((await insertedByDuckDb(db, dir, file, 'agentmesh-sink')).entries).toEqual([0, 5, 6]);
  });
});
