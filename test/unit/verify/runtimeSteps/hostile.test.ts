import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonNumber, type JsonValue } from '../../../../shared/json/value';
import { verifyRuntimeSteps } from '../../../../shared/verify/runtimeSteps/profile';
import { FINDING_KINDS } from '../../../../shared/verify/types';
import { jsonlRecords } from '../helpers';
import { RS, context, hmacKeys } from './fixtures';

const lines = readFileSync(`${RS}/steps/tnt_ember.jsonl`, 'utf8')
  .split('\n')
  .filter((l) => l !== '');

function verifyLines(texts: string[], ctx = context([])): ReturnType<typeof verifyRuntimeSteps> {
  return verifyRuntimeSteps(
    [{ path: 'steps/x.jsonl', container: 'jsonl', records: jsonlRecords(texts.join('\n')) }],
    ctx,
  );
}

function runOf(line: string): string {
  return (JSON.parse(line) as { run_id: string }).run_id;
}

describe('runtime-steps hostile records', () => {
  it('a run whose genesis is gone: the dangling link and the missing genesis are both reported', () => {
    const genesisLine = lines.findIndex((l) => (JSON.parse(l) as { prev: string }).prev === '0'.repeat(64));
    const run = runOf(lines[genesisLine] ?? '');
    const out = verifyLines(lines.filter((_, i) => i !== genesisLine));
    const ofRun = out[0]?.findings.filter((f) => f.chain === run) ?? [];
    expect(ofRun.map((f) => [f.kind, f.entryIndex === undefined, f.detail.split(' ')[0]])).toEqual([
      ['chain_break', false, 'chain_break'],
      ['chain_break', true, 'missing_genesis:'],
    ]);
  });

  it('schema errors name the field; the other events are still checked', () => {
    const texts = lines.slice(0, 6);
    texts[0] = (texts[0] ?? '').replace(/"prev":"[0-9a-f]+"/, '"prev":"xyz"');
    texts[1] = (texts[1] ?? '').replace(/"run_id":"[^"]+",/, '');
    texts[2] = (texts[2] ?? '').replace(/"sig":"[0-9a-f]+"/, '"sig":7');
    const out = verifyLines(texts);
    const schema = out[0]?.findings.filter((f) => f.kind === 'parse_error').map((f) => [f.line, f.field]);
    expect(schema).toEqual([
      [1, 'prev'],
      [2, 'run_id'],
      [3, 'sig'],
    ]);
  });

  it('with several HMAC keys, the one that verifies is named', () => {
    const right = hmacKeys().hmac[0];
    if (right === undefined) throw new Error('key');
    const keys = { hmac: [{ id: 'wrong', key: new Uint8Array(32) }, right], ed25519: [] };
    const out = verifyLines(lines.slice(0, 20), context([], keys));
    expect(out[0]?.findings.filter((f) => f.kind === 'signature_invalid')).toEqual([]);
    expect(out[0]?.keysUsed.map((k) => k.split(' ')[0])).toEqual([right.id]);
  });

  it('20,000 events that all claim the genesis and one hash: every fork reported, each naming a few of the others', () => {
    // Each of N claimants of one prev has a finding; naming all N-1 others in each took N² text,
    // and 23,000 such lines ran the engine out of memory.
    const base = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    const n = 20_000;
    const texts = Array.from({ length: n }, (_, i) =>
      JSON.stringify({ ...base, step_id: i + 1, prev: '0'.repeat(64), hash: 'a'.repeat(64) }),
    );
    const out = verifyLines(texts);
    const forks = out[0]?.findings.filter((f) => f.kind === 'chain_fork') ?? [];
    expect(forks).toHaveLength(n);
    expect(forks[0]?.detail).toMatch(
      /^chain_fork \(.*\): line 2, line 3, line 4, line 5, line 6 and 19994 more name the same prev \(the genesis\)/,
    );
    expect(forks[n - 1]?.detail).toMatch(/: line 1, line 2, line 3, line 4, line 5 and 19994 more name/);
    expect(Math.max(...forks.map((f) => f.detail.length))).toBeLessThan(400);
  });

  it('never throws on arbitrary values or mutated lines', () => {
    const arbitrary = fc.letrec<{ v: JsonValue }>((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.string(),
        fc.double().map((d) => new JsonNumber(Number.isFinite(d) ? String(d) : 'NaN')),
        fc.array(tie('v'), { maxLength: 3 }),
        fc
          .dictionary(
            fc.constantFrom('run_id', 'prev', 'hash', 'sig', 'tenant_id', 'x', '__proto__'),
            tie('v'),
            { maxKeys: 5 },
          )
          .map((d) => Object.assign(Object.create(null) as Record<string, JsonValue>, d)),
      ),
    })).v;
    fc.assert(
      fc.property(fc.array(arbitrary, { maxLength: 4 }), fc.nat(500), (values, cut) => {
        const records = values.map((value, entryIndex) => ({ entryIndex, value }));
        records.push({ entryIndex: records.length, value: null });
        const out = verifyRuntimeSteps(
          [
            { path: 'x', container: 'parquet', records },
            { path: 'y', container: 'jsonl', records: jsonlRecords((lines[0] ?? '').slice(0, cut)) },
          ],
          context(),
        );
        expect(out.length).toBe(2);
        for (const f of out.flatMap((o) => o.findings)) expect(FINDING_KINDS).toContain(f.kind);
      }),
      { numRuns: 200 },
    );
  });
});
