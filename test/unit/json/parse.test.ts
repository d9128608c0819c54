/** parseJson: strict grammar, lossless values, error messages with offset and path, hostile input. */
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJson, type ParseOptions } from '../../../shared/json/parse';
import { isJsonObject, JsonNumber, type JsonValue } from '../../../shared/json/value';

function parsed(text: string, options?: ParseOptions): JsonValue {
  const result = parseJson(text, options);
  if (!result.ok) throw new Error(`${result.error.message} at ${result.error.offset}`);
  return result.value;
}

function tokens(value: JsonValue): string[] {
  if (value instanceof JsonNumber) return [value.token];
  if (Array.isArray(value)) return value.flatMap(tokens);
  if (isJsonObject(value)) return Object.values(value).flatMap(tokens);
  return [];
}

describe('parseJson errors: message, offset, path', () => {
  it.each<[string, string, number, string, ParseOptions?]>([
    ['{"a":1,}', 'trailing comma', 7, ''],
    ['[1,2,\n]', 'trailing comma', 6, ''],
    ['{"data":{"items":[1,2,{"sku":01}]}}', 'leading zero in number', 29, 'data.items[2].sku'],
    ['"abc', 'unterminated string', 0, ''],
    ['{"a":["x\\"]}', 'unterminated string', 6, 'a[0]'],
    ['{"a":"x\u0001"}', 'raw control character U+0001 in string', 7, 'a'],
    ['["tab\there"]', 'raw control character U+0009 in string', 5, '[0]'],
    ['"\\x"', "invalid escape '\\x'", 1, ''],
    ['"\\u12G4"', 'invalid \\u escape: expected 4 hex digits', 1, ''],
    ['{"a" 1}', "expected ':' after member name, found '1'", 5, ''],
    ['{a:1}', "expected a member name in double quotes, found 'a'", 1, ''],
    ["{'a':1}", "expected a member name in double quotes, found '''", 1, ''],
    ['[1 2]', "expected ',' or ']' after an array element, found '2'", 3, ''],
    ['{"a":1 "b":2}', "expected ',' or '}' after a member value, found '\"'", 7, ''],
    ['[1,,2]', "unexpected character ','", 3, '[1]'],
    ['[NaN]', 'bare NaN not allowed', 1, '[0]'],
    ['{"x":-Infinity}', 'bare -Infinity not allowed', 5, 'x'],
    ['{"x y":{"z":Infinity}}', 'bare Infinity not allowed', 12, '["x y"].z'],
    ['-', 'expected a digit, found end of input', 1, ''],
    ['[-x]', "expected a digit, found 'x'", 2, '[0]'],
    ['1.', "expected a digit after '.', found end of input", 2, ''],
    ['.5', "unexpected character '.'", 0, ''],
    ['1e+', 'expected a digit in the exponent, found end of input', 3, ''],
    ['+1', "unexpected character '+'", 0, ''],
    ['tru', 'unexpected end of input', 3, ''],
    ['nul1', "unexpected character '1'", 3, ''],
    ['[True]', "unexpected character 'T'", 1, '[0]'],
    ['[1] x', "unexpected character 'x' after the JSON value", 4, ''],
    ['{} {}', "unexpected character '{' after the JSON value", 3, ''],
    ['', 'unexpected end of input', 0, ''],
    ['   ', 'unexpected end of input', 3, ''],
    ['\ufeff{}', 'unexpected character U+FEFF', 0, ''],
    ['\u00a0[]', 'unexpected character U+00A0', 0, ''],
    ['\f[]', 'unexpected character U+000C', 0, ''],
    ['// c\n{}', "unexpected character '/'", 0, ''],
    ['{"a":{"b":[', 'unexpected end of input', 11, 'a.b[0]'],
    ['{"a":1,"a":2}', 'duplicate member name "a"', 7, '', { rejectDuplicateKeys: true }],
    ['{"k":{"é":1,"\\u00e9":2}}', 'duplicate member name "é"', 12, 'k', { rejectDuplicateKeys: true }],
  ])('%j → %s', (text, message, offset, path, options) => {
    expect(parseJson(text, options)).toEqual({ ok: false, error: { message, offset, path } });
  });
});

describe('parseJson values', () => {
  it('keeps every number token verbatim (int vs float, exponents, > 2^53)', () => {
    const value = parsed(
      '[1, 1.0, 1e-05, 1E+2, -0, -0.0, 9007199254740993, 1789234567890123456, 0.30000000000000004]',
    );
    expect(tokens(value)).toEqual([
      '1',
      '1.0',
      '1e-05',
      '1E+2',
      '-0',
      '-0.0',
      '9007199254740993',
      '1789234567890123456',
      '0.30000000000000004',
    ]);
  });

  it('decodes escapes to UTF-16 units: lone surrogates stay lone, pairs join, hex in either case', () => {
    expect(parsed('"\\ud83dx\\uDE00\\ud83d\\ude00\\u00E9\\/\\b\\f\\n\\r\\t\\"\\\\"')).toBe(
      '\ud83dx\ude00😀é/\b\f\n\r\t"\\',
    );
    expect(parsed('"raw ☃ 😀 \u007f \u2028"')).toBe('raw ☃ 😀 \u007f \u2028');
  });

  it('objects have no prototype, so __proto__ and constructor are plain data', () => {
    const value = parsed('{"__proto__": {"polluted": true}, "constructor": 1, "toString": null}');
    expect(isJsonObject(value)).toBe(true);
    expect(Object.getPrototypeOf(value)).toBeNull();
    expect(Object.keys(value as object)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const inner = (value as Record<string, JsonValue>).__proto__;
    expect(isJsonObject(inner) && inner.polluted).toBe(true);
  });

  it('duplicate names: last value wins unless rejected (Python and JSON.parse agree)', () => {
    expect(tokens(parsed('{"a":1,"b":2,"a":3}'))).toEqual(['3', '2']);
  });

  it('accepts bare NaN/Infinity/-Infinity only when allowed, and says so', () => {
    const result = parseJson('{"a": NaN, "b": [Infinity, -Infinity]}', { allowNonFinite: true });
    expect(result.ok && result.nonFinite).toBe(true);
    expect(result.ok && tokens(result.value)).toEqual(['NaN', 'Infinity', '-Infinity']);
    const plain = parseJson('{"a": 1}', { allowNonFinite: true });
    expect(plain.ok && plain.nonFinite).toBe(false);
    expect(parseJson('[Nan]', { allowNonFinite: true }).ok).toBe(false);
    expect(parseJson('[-Inf]', { allowNonFinite: true }).ok).toBe(false);
  });

  it('whitespace is space, tab, CR and LF (CRLF lines parse)', () => {
    expect(tokens(parsed(' \t\r\n{ "a" :\r\n[ 1 ,\t2 ] }\r\n'))).toEqual(['1', '2']);
  });
});

describe('parseJson on hostile nesting', () => {
  it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more without throwing`, () => {
    expect(parseJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)).ok).toBe(true);
    const deeper = parseJson('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1));
    expect(deeper.ok).toBe(false);
    if (!deeper.ok) {
      expect(deeper.error.message).toBe(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
      expect(deeper.error.offset).toBe(MAX_JSON_DEPTH);
      expect(deeper.error.path).toBe('[0]'.repeat(MAX_JSON_DEPTH));
    }
  });

  it('a million open brackets or members is an error value, quickly', () => {
    const started = performance.now();
    expect(parseJson('['.repeat(1_000_000)).ok).toBe(false);
    expect(parseJson('{"a":'.repeat(200_000)).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
