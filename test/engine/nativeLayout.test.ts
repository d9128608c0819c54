/**
 * The native INSERT's cheapest check (recordShape.ts producerLayout): a record that is exactly the
 * producer's own line filled in with the values DuckDB read is taken by one comparison. It must
 * take the producer's lines, and nothing whose values any reader could read otherwise; what it
 * leaves goes on to the other checks (nativeInsert.test.ts), so leaving a line costs only time.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../electron/engine/case/db';
import { nativeReadSql } from '../../electron/engine/import/native/nativeJsonl';
import { producerLayoutMatch } from '../../electron/engine/import/native/recordShape';
import { nativeFamilyOf } from '../helpers/nativeInsertRows';
import { stepLine } from '../helpers/runtimeStepLine';

let db: Db;
beforeAll(async () => {
  db = await Db.open(':memory:');
});
afterAll(() => db.close());

/** Whether the layout check alone takes each line. */
async function takenByLayout(producer: string, lines: string[]): Promise<boolean[]> {
  const family = nativeFamilyOf(producer);
  const check = producerLayoutMatch('record', family);
  if (!check) throw new Error(`${producer} names no layout`);
  const rows = lines.map((_, i) => `(${i}, ?)`).join(', ');
  const source = `(SELECT 0::BIGINT AS file_index, i::BIGINT AS e, 0::BIGINT AS b, 0::BIGINT AS o, strlen(t)::BIGINT AS n, 2::UTINYINT AS r, t AS record FROM (VALUES ${rows}) v(i, t))`;
  const taken = await db.objects(
    `SELECT e, coalesce(${check}, false) AS taken FROM (${nativeReadSql(family, source)}) ORDER BY e`,
    lines,
  );
  return taken.map((r) => r.taken === true);
}

/** A post_exec line as the producer writes it: `result` between args_hash and prev (formats/runtime-steps.md §2). */
function postExec(step: number, result: string): string {
  return stepLine(step, { phase: '"post_exec"' }).replace('"prev":', `"result":${result},"prev":`);
}

describe("the producer's layout", () => {
  it('takes every line of the producer files, runtime-steps and its CloudEvents', async () => {
    for (const [producer, file] of [
      ['runtime-steps', 'test/fixtures/runtime-steps/steps/tnt_ember.jsonl'],
      ['runtime-steps-cloudevents', 'test/fixtures/runtime-steps/cloudevents/tnt_ember.jsonl'],
    ] as const) {
      const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
      expect(lines.some((l) => l.includes('"result":'))).toBe(true);
      expect(await takenByLayout(producer, lines), file).toEqual(lines.map(() => true));
    }
  });

  it('leaves every line whose text is not the layout filled in with what DuckDB read', async () => {
    const lines: [string, boolean][] = [
      [stepLine(1), true],
      [postExec(2, '"ok"'), true],
      [postExec(3, '""'), true],
      [postExec(4, 'null'), false], // null reads as absent, which the layout leaves out
      [postExec(5, '5'), false], // a number where the layout has a string
      [
        stepLine(6)
          .replace('"prev":', '"result":"ok","prev":')
          .replace(/,"result":"ok"/, ''),
        true,
      ],
      [stepLine(7, { run_id: '5' }), false],
      [stepLine(8, { tenant_id: 'null' }), false],
      [stepLine(9, { tenant_id: '""' }), true],
      [stepLine(10, { tenant_id: undefined }), false], // absent reads as NULL: `"tenant_id":""` is not there
      [stepLine(11, { reason: '"a\\"b"' }), false], // an escape: the value read is not the text
      [stepLine(12, { reason: '"caf\\u00e9"' }), false],
      [stepLine(13, { reason: '"café ✓"' }), true], // raw non-ASCII is its own text
      [stepLine(14, { reason: '{"a":"b"}' }), false],
      [stepLine(15, { step_id: '"15"' }), false], // a string where the layout has a token
      [stepLine(16).replace('{"run_id":"run_1","step_id":16', '{"step_id":16,"run_id":"run_1"'), false],
      [stepLine(17).replace(/}$/, ',"sig":"11"}'), false],
      [stepLine(18).replace(/}$/, ',"extra":1}'), false],
      [stepLine(19).replace('"actor":', '"actor": '), false],
      [stepLine(20).replace(/}$/, ',}'), false],
      [stepLine(21).replace('"reason":"policy_ok",', ''), false],
      [
        stepLine(22).replace('"actor":"agent:booker"', '"actor":"agent:booker","actor":"agent:booker"'),
        false,
      ],
    ];
    expect(
      await takenByLayout(
        'runtime-steps',
        lines.map(([l]) => l),
      ),
    ).toEqual(lines.map(([, t]) => t));
  });
});
