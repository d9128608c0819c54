/** parseJson property tests: never throws, and agrees with JSON.parse wherever both apply. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../shared/json/parse';
import { isJsonObject, JsonNumber, type JsonValue } from '../../../shared/json/value';
import { hostileJsonText } from '../canon/support/arbitraries';
import { fixtureLines } from '../canon/support/fixtures';

/** Our value as JSON.parse would build it (numbers through the nearest double). */
function toPlain(value: JsonValue): unknown {
  if (value instanceof JsonNumber) return value.toDouble();
  if (Array.isArray(value)) return value.map(toPlain);
  if (isJsonObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  return value;
}

function jsonParseOk(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Strings over JSON's own alphabet, so that many are valid and most errors are near misses. */
const nearJson = fc
  .array(
    fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      '"a"',
      '"\\u00e9"',
      '\\',
      '0',
      '1',
      '-',
      '.',
      'e',
      '+',
      'true',
      'null',
      'NaN',
      ' ',
      '\n',
      '\t',
      'x',
      '\u0001',
      '\ud83d',
      '"k":',
      '1e5',
      '[]',
      '{}',
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('parseJson properties', () => {
  it('never throws, and the error offset lies inside the text (arbitrary strings)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string(), nearJson), (text) => {
        const result = parseJson(text, { allowNonFinite: true, rejectDuplicateKeys: true });
        if (!result.ok) {
          expect(result.error.offset).toBeGreaterThanOrEqual(0);
          expect(result.error.offset).toBeLessThanOrEqual(text.length);
          expect(result.error.message).not.toBe('');
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('accepts exactly what JSON.parse accepts and builds the same value (near-JSON strings)', () => {
    fc.assert(
      fc.property(nearJson, (text) => {
        const ours = parseJson(text);
        const theirs = jsonParseOk(text);
        expect(ours.ok).toBe(theirs.ok);
        if (ours.ok && theirs.ok) expect(toPlain(ours.value)).toEqual(theirs.value);
      }),
      { numRuns: 20_000 },
    );
  });

  it('parses every generated hostile document (odd tokens, surrogates, duplicates) like JSON.parse', () => {
    fc.assert(
      fc.property(hostileJsonText, (text) => {
        const theirs = jsonParseOk(text);
        const ours = parseJson(text, { allowNonFinite: true });
        expect(ours.ok).toBe(true);
        if (theirs.ok && ours.ok) expect(toPlain(ours.value)).toEqual(theirs.value);
        if (!theirs.ok) expect(ours.ok && ours.nonFinite).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on fixture lines with random cuts and insertions', () => {
    const lines = fixtureLines('agentmesh/edge-cases/audit_trail.jsonl');
    const mutation = fc.tuple(
      fc.nat(lines.length - 1),
      fc.nat(),
      fc.nat(40),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(mutation, ([which, at, cut, insert]) => {
        const line = lines[which] as string;
        const pos = at % (line.length + 1);
        const text = line.slice(0, pos) + insert + line.slice(pos + cut);
        const result = parseJson(text, { allowNonFinite: true });
        if (!result.ok) expect(result.error.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 5000 },
    );
  });
});
