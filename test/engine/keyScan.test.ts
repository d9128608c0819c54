/**
 * The copy pass's scan for a family's refusing pattern (keyScan.ts, wasm/tagLines.ts) answers, for
 * every line it copies, what DuckDB's regexp_matches answers with the pattern itself
 * (recordShape.ts refusingPattern), and the WebAssembly pass writes the same copy as the JS one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listValue } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Db } from '../../electron/engine/case/db';
import { keyRulesOf, keyScanner } from '../../electron/engine/import/native/keyScan';
import { nativeFamily } from '../../electron/engine/import/native/nativeFamilies';
import { refusingPattern } from '../../electron/engine/import/native/recordShape';
import { TAG_SEPARATOR, writeTaggedCopy } from '../../electron/engine/import/native/taggedCopy';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-key-scan');
const FAMILIES = ['meshguard', 'agentmesh-sink', 'meshguard-siem', 'runtime-steps-cloudevents'];
let n = 0;
const db = Db.open(':memory:');
afterAll(async () => (await db).close());

/** What regexp_matches answers for each of `lines` with `pattern`. */
async function regexAnswers(lines: string[], pattern: string): Promise<boolean[]> {
  const [row] = await (
    await db
  ).objects('SELECT list_transform(?::VARCHAR[], l -> regexp_matches(l, ?)) AS m', [
    listValue(lines),
    pattern,
  ]);
  return row?.m as boolean[];
}

/** The tagged copy of `lines` (each its own JSON Lines line), and each copied line's scan digit by index. */
async function copied(
  lines: string[],
  producer: string,
  reference: boolean,
): Promise<{ copy: string; scanned: Map<number, string> }> {
  const family = nativeFamily(producer)!;
  const src = join(dir, `in-${n}.jsonl`);
  const out = join(dir, `out-${n++}.csv`);
  writeFileSync(src, `${lines.join('\n')}\n`);
  const keyRules = keyRulesOf(family)!;
  await writeTaggedCopy(src, out, { keyRules, reference });
  const copy = readFileSync(out, 'latin1');
  const scanned = new Map<number, string>();
  for (const line of copy.split('\n').filter((l) => l !== '')) {
    const parts = line.split(String.fromCharCode(TAG_SEPARATOR));
    scanned.set(Number(parts[0]), parts[4]!);
  }
  return { copy, scanned };
}

describe.each(FAMILIES)("the key scan for %s's refusing pattern", (producer) => {
  const family = nativeFamily(producer)!;
  const rules = keyRulesOf(family)!;
  const names = [...new Set([...rules.mustBeText, ...rules.refused, ...rules.once])];
  // What the pattern looks at: the family's names quoted or not, blanks, colons, commas, brackets,
  // null, nan/inf in any case, minus signs, quotes, escapes, and other text.
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names).map((name) => `"${name}"`) },
    { weight: 1, arbitrary: fc.constantFrom(...names) },
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        ':',
        ',',
        '[',
        ']',
        '{',
        '}',
        ' ',
        '\t',
        '"',
        '\\',
        '\\"',
        'null',
        'nu',
        'n',
        'NaN',
        'iNf',
        'Infinity',
        '-',
        '1',
        '"x"',
        'é',
        'x',
      ),
    },
  );
  const line = fc.array(piece, { maxLength: 14 }).map((p) => `{${p.join('')}}`);

  it('answers what regexp_matches answers, in the WebAssembly pass and the JS one alike', async () => {
    const pattern = refusingPattern(family);
    let matched = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 40 }), async (lines) => {
        const wasm = await copied(lines, producer, false);
        const js = await copied(lines, producer, true);
        expect(wasm.copy).toBe(js.copy);
        const expected = await regexAnswers(lines, pattern);
        lines.forEach((l, i) => {
          expect([l, wasm.scanned.get(i)]).toEqual([l, expected[i] ? '1' : '0']);
        });
        matched += expected.filter(Boolean).length;
        total += lines.length;
      }),
      { numRuns: 60 },
    );
    // Both answers were exercised (each kind of match: the test below).
    expect(matched).toBeGreaterThan(total / 50);
    expect(matched).toBeLessThan(total);
  });

  it('answers as the regex on lines of the family that pass and fail each part of it', async () => {
    const scan = keyScanner(rules);
    const text = rules.mustBeText[0]!;
    const once = rules.once[0];
    const lines = [
      `{"${text}":"a","x":null}`,
      `{"${text}" :\t 5}`,
      `{"${text}":nul}`,
      `{"${text}":null}`,
      `{"a":[1,2 ]}`,
      `{"a":[1,]}`,
      `{"a":{"b":1 ,}}`,
      `{"a": -NaN}`,
      `{"a":[ inF]}`,
      `{"a":"nan"}`,
      ...(once ? [`{"${once}":1,"z":{"${once}" :2}}`, `{"${once}":1,"z":"${once}"}`] : []),
      ...rules.refused.map((r) => `{"a":"${r}"}`),
    ];
    const expected = await regexAnswers(lines, refusingPattern(family));
    expect(lines.map((l) => scan(Buffer.from(l), 0, Buffer.byteLength(l)))).toEqual(expected);
  });
});
