/** The quick path answers only for events checkStep finds plain, with checkStep's values; flatLine's JCS texts are jcs()'s. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeHash } from '../../../../electron/engine/verify/nodeHash';
import { jcs } from '../../../../shared/canon/jcs';
import { FlatLine } from '../../../../shared/canon/flatLine';
import { parseJson } from '../../../../shared/json/parse';
import { isJsonObject } from '../../../../shared/json/value';
import { readRecord, withoutMembers } from '../../../../shared/verify/meshguard/records';
import { StringPool } from '../../../../shared/verify/runtimeSteps/keptStrings';
import { quickStep } from '../../../../shared/verify/runtimeSteps/quickStep';
import { checkStep, type HmacKey } from '../../../../shared/verify/runtimeSteps/stepCheck';

const DIR = 'test/fixtures/runtime-steps';
const FILES = [
  ...readdirSync(`${DIR}/steps`).map((f) => `${DIR}/steps/${f}`),
  ...readdirSync(`${DIR}/tampered`)
    .filter((f) => f.startsWith('tnt_') && f.endsWith('.jsonl'))
    .map((f) => `${DIR}/tampered/${f}`),
];
const KEY = Uint8Array.from(Buffer.from(readFileSync(`${DIR}/keys/hmac-key.hex`, 'utf8').trim(), 'hex'));
const WRONG = new TextEncoder().encode('guessed-runtime-key-0000');
const KEYRINGS: (HmacKey[] | null)[] = [
  [{ id: 'right', key: KEY }],
  [
    { id: 'wrong', key: WRONG },
    { id: 'right', key: KEY },
  ],
  [{ id: 'wrong', key: WRONG }],
  [{ id: 'windowed', key: KEY, validUntil: '2025-03-01T09:00:00.000Z' }],
  null,
];

function linesOf(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

describe('quickStep', () => {
  it.each(FILES)('answers for %s only what checkStep says of a plain event', (path) => {
    const flat = new FlatLine();
    for (const keys of KEYRINGS) {
      let answered = 0;
      const lines = linesOf(path);
      lines.forEach((text, entryIndex) => {
        const quick = quickStep(flat, text, nodeHash, keys);
        const read = readRecord({ entryIndex, line: entryIndex + 1, text });
        const c = read.ok ? checkStep(read.value, { entryIndex }, nodeHash, keys, new StringPool()) : null;
        const plain = c !== null && c.ok && c.hashOk && c.findings.length === 0;
        if (quick === null) return;
        answered++;
        expect(plain).toBe(true);
        if (c === null || !c.ok) return;
        expect(quick).toEqual({
          runId: c.runId,
          tenantId: c.tenantId,
          prev: c.prev,
          hash: c.hash,
          keyIndex: keys === null || c.verifiedBy === undefined ? -1 : keys.indexOf(c.verifiedBy),
        });
      });
      // The producers' own lines take the quick path unless something is to be reported.
      if (path.includes('/steps/') && keys?.[0]?.id === 'right') expect(answered).toBe(lines.length);
    }
  });
});

describe('FlatLine', () => {
  it('gives jcs() of the event without hash/sig and without sig, on every fixture line', () => {
    const flat = new FlatLine();
    for (const text of linesOf(`${DIR}/steps/tnt_ember.jsonl`)) {
      expect(flat.read(text)).toBe(true);
      const parsed = parseJson(text);
      if (!parsed.ok || !isJsonObject(parsed.value) || flat.layout === null) throw new Error(text);
      const hash = flat.layout.slot('hash');
      const sig = flat.layout.slot('sig');
      const expected = (names: string[]): string => {
        const r = jcs(withoutMembers(parsed.value as never, names));
        return r.ok ? r.text : '';
      };
      expect(flat.jcsWithout(hash, sig)).toBe(expected(['hash', 'sig']));
      expect(flat.jcsWithout(sig, -1)).toBe(expected(['sig']));
      expect(flat.jcsWithout(-1, -1)).toBe(expected([]));
    }
  });

  it.each([
    '{"a":"x", "b":"y"}',
    '{"a":"x","b":"y"} ',
    '{"a":"\\u0078"}',
    '{"a":"x\\ty"}',
    '{"a":"x\ty"}',
    '{"a":"😀"}',
    '{"a":"x","a":"y"}',
    '{"a":1.0}',
    '{"a":1e3}',
    '{"a":-0}',
    '{"a":01}',
    '{"a":1234567890123456}',
    '{"a":{"b":1}}',
    '{"a":[1]}',
    '{"a":true}',
    '{"a":null}',
    '{}',
    '[1]',
    '{"a":"x"',
    '{"a":"x"}}',
  ])('refuses %s (the general path decides)', (text) => {
    expect(new FlatLine().read(text)).toBe(false);
  });

  it('reads integers JCS writes as they are, and non-ASCII text', () => {
    const flat = new FlatLine();
    expect(flat.read('{"b":-12,"a":0,"é":"zoë","c":123456789012345}')).toBe(true);
    expect(flat.jcsWithout(-1, -1)).toBe('{"a":0,"b":-12,"c":123456789012345,"é":"zoë"}');
    expect(flat.value(0)).toBe('-12');
    expect(flat.isString(0)).toBe(false);
    expect(flat.value(2)).toBe('zoë');
    expect(flat.value(3)).toBe('123456789012345');
  });
});
