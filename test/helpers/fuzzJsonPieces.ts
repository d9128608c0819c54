/**
 * fast-check arbitraries for the raw text of JSON values (nativeFuzz.test.ts): strings with
 * escapes and raw bytes JSON forbids, number tokens JSON, Python or only DuckDB's parser takes,
 * other tokens, times near RFC 3339, and whitespace.
 */
import fc from 'fast-check';

/** Pieces of a JSON string's text: plain, raw non-ASCII, escapes, and bytes JSON forbids raw. */
const stringPiece = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom('a', 'Z', '0', ' ', ':', ',', '{', '}', '[', '/', '-', '_', '.', 'n'),
  },
  { weight: 2, arbitrary: fc.constantFrom('é', '✓', '😀', 'ß', '\u2028', '\u007f') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '\\"',
      '\\\\',
      '\\/',
      '\\b',
      '\\n',
      '\\r',
      '\\t',
      '\\u00e9',
      '\\u0041',
      '\\u005f',
      '\\ud83d\\ude00',
      '\\ud83d',
      '\\u0000',
      '\\u001f',
      '\\u0022',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('\t', '\u0000', '\u001f', '\u0001', '\r', '\u0085') },
);
export const jsonString = fc.array(stringPiece, { maxLength: 10 }).map((ps) => `"${ps.join('')}"`);

/** Number tokens, valid JSON or only Python's (NaN, Infinity), or not JSON at all. */
const numberToken = fc.oneof(
  fc.integer().map(String),
  fc.constantFrom(
    '0',
    '-0',
    '1.50',
    '1e2',
    '1E+2',
    '12345678901234567890',
    '9007199254740993',
    '007',
    '1.',
    '.5',
    '+1',
    'NaN',
    'Infinity',
    '-Infinity',
    // DuckDB's parser takes these, in any case; JSON and the JS parser do not.
    'nan',
    'NAN',
    'inf',
    '-inf',
    'infinity',
    '0x10',
  ),
);
const otherToken = fc.constantFrom(
  'true',
  'false',
  'null',
  'nul',
  'True',
  '{}',
  '{"a":1}',
  '{"decision":"deny"}',
  '[]',
  '["x"]',
  '[1,]',
);
export const anyValue = fc.oneof(
  { weight: 3, arbitrary: jsonString },
  { weight: 2, arbitrary: numberToken },
  { weight: 2, arbitrary: otherToken },
);

/** Values of the form each member usually has, and near misses. */
export const timestamp = (zones: readonly string[]): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom('2025-02-11', '2024-02-29', '2025-02-30', '0000-01-01', '9999-12-31', '2025-2-11'),
      fc.constantFrom('T', ' ', 't'),
      fc.constantFrom('08:01:35', '23:59:59', '24:00:00', '08:01:60', '8:01:35'),
      fc.constantFrom('', '.6', '.625', '.123456', '.1234567', '.123456789', '\\u002e5'),
      fc.constantFrom(...zones),
    )
    .map((parts) => `"${parts.join('')}"`);

export const whitespace = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(' ', '\t', '  ', ' \t') },
  { weight: 1, arbitrary: fc.constant('\r') },
);
