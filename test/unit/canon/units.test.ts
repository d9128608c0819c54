/** Unit tables and JS-only properties for pythonFloatRepr, pythonDumps strings/options, key orders and JCS. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, keysInCodePointOrder } from '../../../shared/canon/codePointOrder';
import { jcs } from '../../../shared/canon/jcs';
import { pythonFloatRepr } from '../../../shared/canon/pythonFloat';
import { pythonDumps, pythonNumberRepr } from '../../../shared/canon/pythonJson';
import { emptyObject, JsonNumber, type JsonValue } from '../../../shared/json/value';
import { anyDouble, hostileString } from './support/arbitraries';

function obj(entries: [string, JsonValue][]): JsonValue {
  const o = emptyObject();
  for (const [k, v] of entries) o[k] = v;
  return o;
}

describe('pythonFloatRepr (formats/agentmesh.md §1)', () => {
  it.each([
    [0, '0.0'],
    [-0, '-0.0'],
    [2, '2.0'],
    [100, '100.0'],
    [1775477282, '1775477282.0'],
    [1775466230.6820729, '1775466230.6820729'],
    [0.0001, '0.0001'],
    [0.00012, '0.00012'],
    [1e-5, '1e-05'],
    [3.1e-5, '3.1e-05'],
    [7.5e-8, '7.5e-08'],
    [1e16, '1e+16'],
    [9999999999999998, '9999999999999998.0'],
    [1e22, '1e+22'],
    [1.2345678901234568e20, '1.2345678901234568e+20'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [-1.5, '-1.5'],
    [0.30000000000000004, '0.30000000000000004'],
    [Number.NaN, 'nan'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
  ])('%s → %s', (x, repr) => {
    expect(pythonFloatRepr(x)).toBe(repr);
  });

  it('always round-trips to the same double and always looks like a float', () => {
    fc.assert(
      fc.property(anyDouble, (x) => {
        if (!Number.isFinite(x)) return;
        const repr = pythonFloatRepr(x);
        expect(Object.is(Number(repr), x)).toBe(true);
        expect(repr).toMatch(/^-?\d+(\.\d+)?(e[+-]\d\d+)?$/);
        expect(repr.includes('.') || repr.includes('e')).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('pythonDumps', () => {
  it('ensure_ascii escapes per UTF-16 unit with lowercase hex and short forms', () => {
    const s = '"\\/\n\r\t\b\f\u0000\u001f\u007f\u2028é😀\ud83d\udc00\uDFFF';
    expect(pythonDumps(s)).toBe(
      '"\\"\\\\/\\n\\r\\t\\b\\f\\u0000\\u001f\\u007f\\u2028\\u00e9\\ud83d\\ude00\\ud83d\\udc00\\udfff"',
    );
    expect(pythonDumps(s, { ensureAscii: false })).toBe(
      '"\\"\\\\/\\n\\r\\t\\b\\f\\u0000\\u001f\u007f\u2028é😀\ud83d\udc00\udfff"',
    );
  });

  it('number modes: tokens copied, or floats re-rendered as repr with integers exact', () => {
    const value: JsonValue = [
      new JsonNumber('0.000031'),
      new JsonNumber('1e+16'),
      new JsonNumber('1E5'),
      new JsonNumber('1789234567890123456'),
      new JsonNumber('-0'),
      new JsonNumber('1e400'),
      new JsonNumber('NaN'),
      new JsonNumber('-Infinity'),
    ];
    expect(pythonDumps(value)).toBe('[0.000031, 1e+16, 1E5, 1789234567890123456, -0, 1e400, NaN, -Infinity]');
    expect(pythonDumps(value, { numbers: 'python-repr' })).toBe(
      '[3.1e-05, 1e+16, 100000.0, 1789234567890123456, 0, Infinity, NaN, -Infinity]',
    );
    expect(pythonNumberRepr(new JsonNumber('-1e400'))).toBe('-Infinity');
  });

  it('sorts by code point at every level, separators configurable, __proto__ is data', () => {
    const value = obj([
      [
        '😀',
        obj([
          ['b', null],
          ['a', true],
        ]),
      ],
      ['ﬁ', []],
      ['__proto__', false],
      ['10', new JsonNumber('1')],
      ['9', null],
    ]);
    expect(pythonDumps(value)).toBe(
      '{"10": 1, "9": null, "__proto__": false, "\\ufb01": [], "\\ud83d\\ude00": {"a": true, "b": null}}',
    );
    expect(pythonDumps(value, { itemSeparator: ',', keySeparator: ':', ensureAscii: false })).toBe(
      '{"10":1,"9":null,"__proto__":false,"ﬁ":[],"😀":{"a":true,"b":null}}',
    );
  });
});

describe('code point order', () => {
  function byCodePoints(a: string, b: string): number {
    const x = Array.from(a, (c) => c.codePointAt(0) as number);
    const y = Array.from(b, (c) => c.codePointAt(0) as number);
    for (let i = 0; i < Math.min(x.length, y.length); i++)
      if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
    return x.length - y.length;
  }

  it('agrees with comparing Array.from code points, lone surrogates included', () => {
    fc.assert(
      fc.property(hostileString, hostileString, (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(byCodePoints(a, b)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('lone high surrogate then U+F000 sorts before the pair it shares a high surrogate with', () => {
    expect(compareCodePoints('\ud83d\uf000', '\ud83d\ude00')).toBeLessThan(0);
    expect(keysInCodePointOrder(['😀', 'ｚ', 'ﬁle', 'a', '\ud83d'])).toEqual([
      'a',
      '\ud83d',
      'ﬁle',
      'ｚ',
      '😀',
    ]);
  });
});

describe('jcs (formats/meshguard.md §3)', () => {
  it('numbers: any spelling of a double gives JSON.stringify of that double', () => {
    fc.assert(
      fc.property(anyDouble, (x) => {
        if (!Number.isFinite(x)) return;
        for (const token of [pythonFloatRepr(x), String(x), x.toExponential(), x.toPrecision(17)]) {
          expect(jcs(new JsonNumber(token))).toEqual({ ok: true, text: JSON.stringify(x) });
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('strings: JSON.stringify form when well formed, refused with a lone surrogate', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        let wellFormed = true;
        try {
          encodeURIComponent(s);
        } catch {
          wellFormed = false;
        }
        const result = jcs(obj([['k', [s]]]));
        if (wellFormed) expect(result).toEqual({ ok: true, text: `{"k":[${JSON.stringify(s)}]}` });
        else expect(result).toEqual({ ok: false, reason: 'lone surrogate in string', path: 'k[0]' });
      }),
      { numRuns: 10_000 },
    );
  });

  it('escapes only what RFC 8785 escapes', () => {
    const result = jcs('"\\/\b\t\n\f\r\u0001\u001f\u007f\u2028é😀');
    expect(result).toEqual({ ok: true, text: '"\\"\\\\/\\b\\t\\n\\f\\r\\u0001\\u001f\u007f\u2028é😀"' });
  });

  it('refuses non-finite numbers and lone-surrogate member names, naming the path', () => {
    expect(jcs(obj([['a', [null, obj([['b', new JsonNumber('NaN')]])]]]))).toEqual({
      ok: false,
      reason: 'number NaN is not finite',
      path: 'a[1].b',
    });
    expect(jcs(obj([['x y', new JsonNumber('1e400')]]))).toEqual({
      ok: false,
      reason: 'number 1e400 is not finite',
      path: '["x y"]',
    });
    expect(jcs(obj([['\udc00', null]]))).toEqual({
      ok: false,
      reason: 'lone surrogate in string',
      path: '["\\udc00"]',
    });
  });

  it('sorts members by UTF-16 unit; integer-like names are not enumerated first', () => {
    const value = obj([
      ['b', null],
      ['10', null],
      ['9', null],
      ['ｚ', null],
      ['😀', null],
      ['', null],
    ]);
    expect(jcs(value)).toEqual({
      ok: true,
      text: '{"":null,"10":null,"9":null,"b":null,"😀":null,"ｚ":null}',
    });
  });
});

describe('hostile hand-built values', () => {
  it('jcs returns an error value instead of overflowing the stack', () => {
    let deep: JsonValue = null;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const result = jcs(deep);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^cannot canonicalize/);
  });
});
