import { describe, expect, it } from 'vitest';
import { formatPath, parsePath, valueAtPath } from '../../../shared/ingest/jsonPath';
import { parseJson } from '../../../shared/json/parse';
import type { JsonValue } from '../../../shared/json/value';

function parsed(text: string): JsonValue {
  const r = parseJson(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('source paths for mappings', () => {
  const doc = parsed(
    '{"data":{"agent":{"id":"a1"}},"chain":[{"id":"h0"},{"id":"h1"}],"a.b":{"c":3},"x":null}',
  );

  it.each([
    ['data.agent.id', '"a1"'],
    ['$.data.agent.id', '"a1"'],
    ['chain[0].id', '"h0"'],
    ['chain[-1].id', '"h1"'],
    ['$["a.b"].c', '3'],
    ['x', 'null'],
  ])('%s', (path, expected) => {
    const v = valueAtPath(doc, path);
    expect(v === null ? 'null' : typeof v === 'string' ? JSON.stringify(v) : String(v)).toBe(expected);
  });

  it('returns undefined for missing steps and inherited members', () => {
    expect(valueAtPath(doc, 'data.nope.id')).toBeUndefined();
    expect(valueAtPath(doc, 'chain[5]')).toBeUndefined();
    expect(valueAtPath(doc, 'data.constructor')).toBeUndefined();
    expect(valueAtPath(doc, 'toString')).toBeUndefined();
  });

  it.each(['', '$', 'a..b', 'a.', '.a', 'a[x]', 'a["\\q"]', 'a[', 'a]b'])('rejects %j', (path) => {
    expect(parsePath(path).ok).toBe(false);
  });

  it('formats segments back to a path that parses to the same segments', () => {
    for (const path of ['data.agent.id', 'chain[-1].id', '$["a.b"].c', 'x["with space"][2]']) {
      const p = parsePath(path);
      expect(p.ok).toBe(true);
      if (!p.ok) continue;
      const again = parsePath(formatPath(p.segments));
      expect(again).toEqual(p);
    }
  });
});
