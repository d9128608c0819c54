/** fast-check generators for hostile JSON: odd number tokens, lone surrogates, astral and U+E000+ keys. */
import fc from 'fast-check';

/** One UTF-16 unit or an astral character, weighted toward the ranges the canonicalizers treat specially. */
const unitOrChar: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      'a',
      'Z',
      '_',
      '~',
      '/',
      '"',
      '\\',
      '\u007f',
      '\u2028',
      '\u2029',
      'é',
      'ﬁ',
      'ｚ',
      '\uf8ff',
      '😀',
      '🎉',
    ),
    weight: 4,
  },
  { arbitrary: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), weight: 1 },
  { arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), weight: 4 },
  { arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), weight: 1 },
  { arbitrary: fc.integer({ min: 0xe000, max: 0xffff }).map((c) => String.fromCharCode(c)), weight: 1 },
  { arbitrary: fc.integer({ min: 0x80, max: 0xffff }).map((c) => String.fromCharCode(c)), weight: 1 },
  { arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)), weight: 2 },
);

/** Strings as UTF-16 unit sequences (lone surrogates included). */
export const hostileString: fc.Arbitrary<string> = fc
  .array(unitOrChar, { maxLength: 12 })
  .map((parts) => parts.join(''));

/** A double from a random 64-bit pattern (every exponent and subnormals, NaN payloads, ±Infinity). */
export const anyDouble: fc.Arbitrary<number> = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map((bits) => {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
});

/** The 16 hex digits of a double's bit pattern (big-endian), for handing it to python exactly. */
export function doubleBitsHex(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

const finiteDouble = fc.oneof(anyDouble, fc.double()).filter((x) => Number.isFinite(x));

/** Number tokens in every spelling a writer might use; Python decides what they mean. */
export const numberToken: fc.Arbitrary<string> = fc.oneof(
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  finiteDouble.map(String),
  finiteDouble.map((x) => x.toExponential()),
  finiteDouble.map((x) => x.toExponential().replace('e', 'E')),
  finiteDouble.map((x) => x.toPrecision(17)),
  fc.integer({ min: -30, max: 30 }).map((e) => `1e${e}`),
  fc.constantFrom(
    '0',
    '-0',
    '0.0',
    '-0.0',
    '1E400',
    '-1e400',
    '1e-400',
    '1e+16',
    '1e16',
    '0.000031',
    '3.1e-05',
    '100.0',
    '9999999999999998',
    '2.5e-7',
    '1.7976931348623157e308',
    '5e-324',
  ),
  fc.constantFrom('NaN', 'Infinity', '-Infinity'),
);

const whitespace = fc.constantFrom('', ' ', '\n', '\t', '\r\n', '  ');

/** A JSON text with random whitespace and escape styles, plus the keys/strings above; duplicates possible. */
export const hostileJsonText: fc.Arbitrary<string> = fc.letrec<{
  value: string;
  object: string;
  array: string;
}>((tie) => ({
  value: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    numberToken,
    hostileString.map(encodeString),
    fc.constantFrom('true', 'false', 'null'),
    tie('object'),
    tie('array'),
  ),
  object: fc
    .array(
      fc.tuple(
        fc.oneof(hostileString, fc.constantFrom('a', '1', '10', '2', '__proto__')),
        tie('value'),
        whitespace,
      ),
      { maxLength: 5 },
    )
    .map((members) => `{${members.map(([k, v, ws]) => `${ws}${encodeString(k)}${ws}:${ws}${v}`).join(',')}}`),
  array: fc
    .array(fc.tuple(tie('value'), whitespace), { maxLength: 5 })
    .map((items) => `[${items.map(([v, ws]) => `${ws}${v}${ws}`).join(',')}]`),
})).value;

/** Encodes a string literal: JSON.stringify (lone surrogates become \uXXXX), sometimes every unit escaped. */
function encodeString(s: string): string {
  if (s.length % 3 !== 1) return JSON.stringify(s);
  let out = '"';
  for (let i = 0; i < s.length; i++)
    out += '\\u' + s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return out + '"';
}
