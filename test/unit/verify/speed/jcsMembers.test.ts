/** jcsMembers/joinMembers give exactly the JCS texts of an object with some members left out. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jcs } from '../../../../shared/canon/jcs';
import { jcsMembers, joinMembers } from '../../../../shared/canon/jcsMembers';
import { parseJson } from '../../../../shared/json/parse';
import { isJsonObject, type JsonObject } from '../../../../shared/json/value';
import { withoutMembers } from '../../../../shared/verify/meshguard/records';

function objectOf(text: string): JsonObject {
  const parsed = parseJson(text, { allowNonFinite: false });
  if (!parsed.ok || !isJsonObject(parsed.value)) throw new Error(`not an object: ${text}`);
  return parsed.value;
}

function jcsText(obj: JsonObject): string {
  const r = jcs(obj);
  if (!r.ok) throw new Error(r.reason);
  return r.text;
}

describe('jcsMembers', () => {
  const lines = readFileSync('test/fixtures/runtime-steps/steps/tnt_ember.jsonl', 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');

  it('matches jcs() of the whole event and of the event without hash/sig, on every fixture event', () => {
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) {
      const event = objectOf(line);
      const members = jcsMembers(event);
      expect(members).not.toBeNull();
      if (members === null) continue;
      expect(joinMembers(members, [])).toBe(jcsText(event));
      expect(joinMembers(members, ['sig'])).toBe(jcsText(withoutMembers(event, ['sig'])));
      expect(joinMembers(members, ['hash', 'sig'])).toBe(jcsText(withoutMembers(event, ['hash', 'sig'])));
    }
  });

  it('sorts by UTF-16 units, canonicalizes nested values and numbers, and leaves out only top-level members', () => {
    const obj = objectOf('{"b":{"hash":"x","a":1.0},"hash":"h","\\u00e9":2e0,"a":[true,null]}');
    const members = jcsMembers(obj);
    expect(members?.map((m) => m.name)).toEqual(['a', 'b', 'hash', 'é']);
    expect(members && joinMembers(members, ['hash'])).toBe('{"a":[true,null],"b":{"a":1,"hash":"x"},"é":2}');
  });

  it('returns null when a member cannot be canonicalized (lone surrogate, non-finite number)', () => {
    expect(jcsMembers(objectOf('{"a":"\\ud800"}'))).toBeNull();
    expect(jcsMembers(objectOf('{"a":1e400}'))).toBeNull();
  });
});
