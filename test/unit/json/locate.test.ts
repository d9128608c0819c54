/** locateArrayElements on real exports and CloudEvents arrays, torn and tampered documents, and fuzz. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pythonDumps } from '../../../shared/canon/pythonJson';
import { LineIndex, locateArrayElements, parseJson } from '../../../shared/json/parse';
import { asArray, asObject, fixtureJson, fixtureText } from '../canon/support/fixtures';

function elementsOf(text: string, member?: string) {
  const whole = parseJson(text, { allowNonFinite: true });
  if (!whole.ok) throw new Error(whole.error.message);
  return asArray(member === undefined ? whole.value : asObject(whole.value)[member]);
}

describe('locateArrayElements on fixtures', () => {
  it.each([
    ['agentmesh/scenario/export.json', 'entries'],
    ['agentmesh/scenario/export.pydantic.json', 'entries'],
    ['agentmesh/edge-cases/export.json', 'entries'],
    ['agentmesh/edge-cases/lone-surrogate/export.json', 'entries'],
    ['agentmesh/scenario/cloudevents.json', undefined],
    ['agentmesh/edge-cases/cloudevents.json', undefined],
  ])('%s: each span is exactly one element, in order, with its own line', (file, member) => {
    const text = fixtureText(file);
    const located = locateArrayElements(text, member);
    if (!located.ok) throw new Error(located.error.message);
    const elements = elementsOf(text, member);
    expect(located.spans.length).toBe(elements.length);
    const lines = new LineIndex(text);
    let previousLine = 0;
    for (const [i, span] of located.spans.entries()) {
      const one = parseJson(text.slice(span.start, span.end), { allowNonFinite: true });
      expect(one.ok && pythonDumps(one.value)).toBe(pythonDumps(elements[i] ?? null));
      expect(lines.line(span.start)).toBeGreaterThan(previousLine);
      previousLine = lines.line(span.end - 1);
    }
  });

  it('export.invalid-json: the document fails, the skim still splits it, and the bad element points at the truth line/column', () => {
    const text = fixtureText('agentmesh/tampered/export.invalid-json.json');
    const truth = asObject(fixtureJson('agentmesh/tampered/export.invalid-json.json.truth.json'));
    const must = asObject(asArray(truth.must_report)[0]);
    const index = Number(asObject(asArray(truth.changes)[0]).entry_index?.toString());
    const lines = new LineIndex(text);

    const whole = parseJson(text);
    expect(whole.ok).toBe(false);
    if (whole.ok) return;
    expect(whole.error.message).toBe('trailing comma');
    expect(whole.error.path).toBe(`entries[${index}]`);
    expect([lines.line(whole.error.offset), lines.column(whole.error.offset)]).toEqual([
      Number(must.line),
      Number(must.column),
    ]);

    const located = locateArrayElements(text, 'entries');
    if (!located.ok) throw new Error(located.error.message);
    const bad = located.spans.flatMap((span, i) => {
      const one = parseJson(text.slice(span.start, span.end));
      return one.ok ? [] : [{ i, offset: span.start + one.error.offset }];
    });
    expect(bad.map((b) => b.i)).toEqual([index]);
    expect(lines.line(bad[0]?.offset ?? -1)).toBe(Number(must.line));
  });

  it('a torn export keeps the complete elements before the tear', () => {
    const text = fixtureText('agentmesh/scenario/export.json');
    const torn = text.slice(0, Math.floor(text.length / 2));
    const located = locateArrayElements(torn, 'entries');
    expect(located.ok).toBe(false);
    if (located.ok) return;
    expect(located.error.message).toMatch(/unexpected end of input|unterminated string/);
    expect(located.spans.length).toBeGreaterThan(200);
    for (const span of located.spans) expect(parseJson(torn.slice(span.start, span.end)).ok).toBe(true);
  });

  it('skims the 680 KB export quickly', () => {
    const text = fixtureText('agentmesh/scenario/export.json');
    const started = performance.now();
    for (let i = 0; i < 10; i++) locateArrayElements(text, 'entries');
    expect((performance.now() - started) / 10).toBeLessThan(50);
  });
});

describe('locateArrayElements structure errors', () => {
  it.each<[string, string | undefined, string, number, string]>([
    ['[1,2,]', undefined, 'trailing comma', 5, ''],
    ['[1 2]', undefined, "expected ',' or ']' after an array element, found '2'", 3, ''],
    ['{"a": 1}', undefined, "expected an array, found '{'", 0, ''],
    ['{"a": 1}', 'entries', 'no member "entries" at top level', 7, ''],
    ['{"entries": {}}', 'entries', "expected an array, found '{'", 12, 'entries'],
    ['{"entries": [], "entries": []}', 'entries', 'duplicate member name "entries"', 16, ''],
    ['{"entries": [[1}]}', 'entries', "unexpected character '}'", 15, 'entries[0]'],
    ['{"entries": ["a]}', 'entries', 'unterminated string', 13, 'entries[0]'],
    ['{"entries": [1],}', 'entries', 'trailing comma', 16, ''],
    ['[1] 2', undefined, "unexpected character '2' after the JSON value", 4, ''],
    ['', undefined, 'expected an array, found end of input', 0, ''],
  ])('%j (%s) → %s', (text, member, message, offset, path) => {
    const result = locateArrayElements(text, member);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual({ message, offset, path });
  });

  it('member names with escapes are decoded before matching; strings with brackets and escaped quotes are skipped', () => {
    const text = '{"\\u0065ntries": [ "a]\\"}", {"b": "[{"}, NaN ], "z": 1}';
    const located = locateArrayElements(text, 'entries');
    if (!located.ok) throw new Error(located.error.message);
    expect(located.spans.map((s) => text.slice(s.start, s.end))).toEqual(['"a]\\"}"', '{"b": "[{"}', 'NaN']);
  });

  it('never throws and agrees with parseJson about the elements of valid arrays', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.json().map((j) => `[${j}, ${j}]`),
        ),
        (text) => {
          const located = locateArrayElements(text);
          const parsed = parseJson(text);
          if (parsed.ok && Array.isArray(parsed.value)) {
            expect(located.ok).toBe(true);
            if (located.ok)
              expect(located.spans.map((s) => JSON.parse(text.slice(s.start, s.end)) as unknown)).toEqual(
                JSON.parse(text),
              );
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
