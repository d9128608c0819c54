/**
 * Random lines and files of a native family for the differential fuzz test (nativeFuzz.test.ts):
 * each line an ordinary record with a few random changes (a value of another type or form, a key
 * spelled with an escape or in another case, a member dropped, repeated or unknown, whitespace, a
 * trailing comma, raw control bytes) or now and then no record at all, laid out in a file the way
 * the JS reader must handle (endings, blank lines, BOM, torn end).
 */
import fc from 'fast-check';
import type { FuzzFamily } from './fuzzFamilies';
import { anyValue, jsonString, whitespace } from './fuzzJsonPieces';

const valueFor = (family: FuzzFamily, name: string): fc.Arbitrary<string> => {
  const usual = family.typical[name];
  return usual ? fc.oneof({ weight: 3, arbitrary: usual }, { weight: 1, arbitrary: anyValue }) : anyValue;
};

/** One change to an ordinary record, as a function of its members' raw [key, value] texts. */
type Change = (entries: [string, string][]) => [string, string][];
function changeFor(family: FuzzFamily): fc.Arbitrary<Change> {
  const members = Object.keys(JSON.parse(family.ordinary(1)) as Record<string, unknown>);
  const member = fc.constantFrom(...members);
  return fc.oneof(
    member.chain((m) =>
      valueFor(family, m).map(
        (v): Change =>
          (es) =>
            es.map(([k, x]) => [k, k === `"${m}"` ? v : x]),
      ),
    ),
    member.map(
      (m): Change =>
        (es) =>
          es.filter(([k]) => k !== `"${m}"`),
    ),
    fc.tuple(member, fc.nat(20), fc.boolean()).map(
      ([m, at, upper]): Change =>
        (es) =>
          es.map(([k, x]) => {
            if (k !== `"${m}"`) return [k, x];
            const i = 1 + (at % m.length);
            const ch = k[i] ?? 'a';
            const spelled = upper ? ch.toUpperCase() : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
            return [`${k.slice(0, i)}${spelled}${k.slice(i + 1)}`, x];
          }),
    ),
    fc.tuple(member, anyValue, fc.boolean()).map(
      ([m, v, first]): Change =>
        (es) =>
          first ? [[`"${m}"`, v], ...es] : [...es, [`"${m}"`, v]],
    ),
    fc.tuple(jsonString, anyValue).map(([k, v]): Change => (es) => [...es, [k, v]]),
    fc.array(fc.nat(), { minLength: 20, maxLength: 20 }).map(
      (order): Change =>
        (es) =>
          es
            .map((e, i) => [order[i] ?? 0, e] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, e]) => e),
    ),
  );
}

/** How the members are laid out: compact, or with whitespace and maybe a trailing comma. */
const layout = fc.record({
  around: fc.array(fc.oneof(fc.constant(''), whitespace), { minLength: 4, maxLength: 4 }),
  trailingComma: fc.oneof(
    { weight: 6, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) },
  ),
});
const COMPACT = { around: [], trailingComma: false };

function render(entries: [string, string][], l: { around: string[]; trailingComma: boolean }): string {
  const [open = '', colon = '', comma = '', close = ''] = l.around;
  const body = entries.map(([k, v]) => `${k}${colon}:${colon}${v}`).join(`${comma},${comma}`);
  return `{${open}${body}${l.trailingComma ? ',' : ''}${close}}`;
}

export const fuzzedLine = (family: FuzzFamily): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.integer({ min: 1, max: 5000 }),
      fc.array(changeFor(family), { maxLength: 3 }),
      fc.oneof({ weight: 3, arbitrary: fc.constant(COMPACT) }, { weight: 1, arbitrary: layout }),
      // Now and then a whole line that is not one record, or not a bare {…} (the tagged copy
      // leaves those to the JS path, taggedCopy.ts), or not UTF-8.
      fc.oneof(
        { weight: 30, arbitrary: fc.constant(null) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '{}',
            '{,}',
            '{"run_id":}',
            '{"a":1}{"b":2}',
            '{"run_id":"x",,"step_id":1}',
            '[1]',
            'not json',
            NOT_UTF8,
          ),
        },
      ),
      // Whitespace around the record, which JSON allows and the JS reader takes.
      fc.oneof(
        { weight: 12, arbitrary: fc.constant(['', '']) },
        { weight: 1, arbitrary: fc.tuple(whitespace, whitespace) },
      ),
    )
    .map(([step, changes, l, whole, [before, after]]) => {
      if (whole !== null) return whole;
      let entries = Object.entries(JSON.parse(family.ordinary(step)) as Record<string, unknown>).map(
        ([k, v]): [string, string] => [`"${k}"`, JSON.stringify(v)],
      );
      for (const c of changes) entries = c(entries);
      return `${before}${render(entries, l)}${after}`;
    });

/** Stands for a line with a byte that is not UTF-8 (fileBytes writes it). */
const NOT_UTF8 = '<not utf-8>';
const NOT_UTF8_BYTES = Buffer.from([0x7b, 0x22, 0x72, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]); // {"r":"\xff"}

/**
 * How the lines become a file, all of which the JS reader handles (lines.ts): LF or CRLF after
 * each, blank lines between, a BOM in front, and a last line with no newline, whole or torn.
 */
export const fileLayout = fc.record({
  bom: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  endings: fc.array(
    fc.oneof(
      { weight: 12, arbitrary: fc.constant('\n') },
      { weight: 2, arbitrary: fc.constant('\r\n') },
      { weight: 1, arbitrary: fc.constantFrom('\n\n', '\r\n\r\n', '\n \t\n', '\n\r\r\n') },
    ),
    { minLength: 64, maxLength: 64 },
  ),
  end: fc.constantFrom('newline', 'newline', 'newline', 'none', 'torn'),
});

export function fileBytes(lines: string[], l: { bom: boolean; endings: string[]; end: string }): Buffer {
  const parts = lines.map((line, i) => {
    const last = i === lines.length - 1;
    const ending = last && l.end !== 'newline' ? '' : (l.endings[i % l.endings.length] ?? '\n');
    const text = last && l.end === 'torn' ? line.slice(0, Math.ceil(line.length / 2)) : line;
    return text === NOT_UTF8
      ? Buffer.concat([NOT_UTF8_BYTES, Buffer.from(ending)])
      : Buffer.from(`${text}${ending}`);
  });
  return Buffer.concat([Buffer.from(l.bom ? '\uFEFF' : ''), ...parts]);
}
