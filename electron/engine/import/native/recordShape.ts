/**
 * SQL that decides whether DuckDB read a record's top-level members as the JS parser reads them
 * (shared/json/parse.ts), so that the native INSERT may keep the row: every string member holds
 * a JSON string or null, each member the format names appears at most once, and no other member
 * appears. DuckDB reads a repeated key first-wins and the JS parser (like the producers' Python)
 * last-wins; DuckDB renders a number anew (`1.50` as `1.5`) where the JS reader keeps its token.
 * A row that fails goes to the JS path, which is only slower.
 *
 * Three ways to show it, cheapest first:
 *
 * - the producer's layout, when the family names it: the record is exactly the producer's own
 *   line filled in with the values DuckDB read (producerLayout).
 * - compact: the record holds no backslash and is exactly as long as the compact serialization
 *   of the members DuckDB read (compactLength). Without a backslash no text is escaped, so each
 *   string member's raw text is its decoded value in quotes, and a token member's raw text is at
 *   least as long as DuckDB's rendering (its plain rule admits only canonical integers). Any
 *   other byte (a member DuckDB did not read, a repeat, a null, whitespace, a comma too many)
 *   makes the record longer, and nothing can make it shorter once every string member is a
 *   string, so equal lengths leave no room for anything else. That is the producers' own
 *   layout (formats/runtime-steps.md §1: compact, non-ASCII raw) and costs a few additions per
 *   row. A free-form member counts the same way inside its braces when it is closed (all its
 *   fields read, as a CloudEvent's `data` holding a runtime-steps event); a family with any other
 *   free-form member cannot be shown compact.
 * - general, for records with escapes or whitespace (Python's json.dumps writes both): the keys
 *   DuckDB lists, counted (keysKnownOnce), no key spelled with an escape, and no trailing comma;
 *   for free-form members, their nested keys too (nestedKeysRead).
 *
 * The string-type check (stringsAreStrings) holds for the last two; the first needs none.
 */
import { membersOf, nestedFieldsOf, type LayoutEntry, type NativeFamily } from './nativeFamilies';
import { member, nestedMember, sqlText } from './sqlFields';

const WS = '[ \\t]*'; // JSON whitespace inside a line (no LF; lines holding a CR are left out, taggedCopy.ts)

function names(list: readonly string[]): string {
  for (const n of list) if (!/^[a-z0-9_]+$/.test(n)) throw new Error(`member name ${n} needs regex escaping`);
  return list.join('|');
}

/** The family's string members: those the SQL reads and those it only has to account for. */
function stringMembers(family: NativeFamily): readonly string[] {
  return [...family.strings, ...family.others];
}

/**
 * Names that must hold a string or null wherever they appear as a key: the nested text fields and
 * the field read from each element of a nested list (nativeFamilies.ts `nested`).
 */
function nestedTextNames(family: NativeFamily): readonly string[] {
  return nestedFieldsOf(family).flatMap(({ field, kind }) =>
    kind === 'text' ? [field] : typeof kind === 'object' ? [kind.listOf] : [],
  );
}

/**
 * True when, in the record's raw text, every string member holds a JSON string or null. A key is
 * raw text `"name"` followed by `:`; a string value cannot be followed by `:`, and quotes inside
 * strings are escaped, so the pattern finds keys only (at any depth: a nested one only sends the
 * row to JS). A key spelled with an escape hides from it: the compact way admits no backslash at
 * all and the general way checks for such keys. A row DuckDB parsed starts a value with `n`
 * only for null or for `nan`, which DuckDB's parser takes (any case, as it takes `inf`) and JSON
 * and the JS parser do not: so after an `n` only a `u` passes.
 */
function stringsAreStrings(record: string, family: NativeFamily): string {
  return `NOT regexp_matches(${record}, '${[wrongTypePattern(family), ...refusedPattern(family)].join('|')}')`;
}

function wrongTypePattern(family: NativeFamily): string {
  return `"(${names(refusingNames(family).mustBeText)})"${WS}:${WS}([^"n \\t]|n[^u])`;
}

/**
 * What DuckDB's parser takes and JSON refuses, anywhere in a free-form member's text: a comma
 * before a closing bracket or brace, and `nan`, `inf` or `infinity` in any case (the JS parser
 * takes only Python's `NaN`, `Infinity`, `-Infinity`, and those go to it too). Matched in the
 * whole record, strings included, so a string holding such text only sends the row to JS.
 */
const LENIENT_JSON = `,${WS}[\\]}]|[:,\\[]${WS}-?(?i:nan|inf)`;

/** The family's `refused` names in quotes, anywhere (a key, or a string value that only sends the row to JS). */
function refusedPattern(family: NativeFamily): string[] {
  return family.refused.length > 0 ? [`"(${names(family.refused)})"`] : [];
}

/** A nested field whose key appears twice, anywhere in the record (see nestedKeysRead). */
function repeatedKeyPattern(family: NativeFamily): string[] {
  return refusingNames(family).once.map((n) => `"${names([n])}"${WS}:.*"${n}"${WS}:`);
}

/**
 * The names the refusing pattern (refusingPattern) is made of: those that must hold a string or
 * null (stringsAreStrings), the family's refused names, and the nested fields whose key may appear
 * only once (nestedKeysRead). keyScan.ts scans for the same pattern over these names.
 */
export function refusingNames(family: NativeFamily): {
  mustBeText: string[];
  refused: string[];
  once: string[];
} {
  const element = new Set(nestedLists(family).map((l) => l.element));
  return {
    mustBeText: [...stringMembers(family), ...nestedTextNames(family)],
    refused: [...family.refused],
    once: nestedFieldsOf(family)
      .map((f) => f.field)
      .filter((f) => !element.has(f)),
  };
}

/**
 * For a family with free-form members, everything a regex can refuse in one pass over the record
 * (see nestedKeysRead). The copy pass scans for it instead (keyScan.ts) and tags each line with
 * the answer; this stays its definition, which the tests hold the scan to.
 */
export function refusingPattern(family: NativeFamily): string {
  return [
    wrongTypePattern(family),
    LENIENT_JSON,
    ...refusedPattern(family),
    ...repeatedKeyPattern(family),
  ].join('|');
}

function nestedLists(family: NativeFamily): { element: string; list: string }[] {
  return nestedFieldsOf(family).flatMap(({ member: m, field, kind }) =>
    typeof kind === 'object' ? [{ element: kind.listOf, list: nestedMember(m, field) }] : [],
  );
}

/**
 * For a family with free-form members, everything one pattern can refuse (refusingPattern; one
 * pattern cost ≈40% less than a regex pass each, meshguard lines): a string member or nested text
 * field of another type (stringsAreStrings), lenient JSON, a refused name, and a nested field's
 * key repeated.
 *
 * Each nested field's key must appear at most once in the whole record, so DuckDB's first-wins
 * read of a repeated key cannot differ from the JS parser's last-wins one (a key is a quoted name
 * followed by `:`, see stringsAreStrings; one spelled with an escape is refused by noEscapedKey).
 * A list's element field must appear exactly once per element and nowhere else, so every element
 * has its own and none is repeated: counted apart, by splitting the record at it.
 */
function nestedKeysRead(record: string, family: NativeFamily, scanned: string): string {
  const counts = nestedLists(family).map(
    ({ element, list }) =>
      `len(string_split(${record}, '"${names([element])}"')) - 1 = COALESCE(len(${list}), 0)`,
  );
  // The copy pass's answer for refusingPattern (keyScan.ts): 0 when it does not match; 1 when it
  // does, and 2 for a copy written without the family's rules, whose rows all go to JS.
  return [`${scanned} = 0`, ...counts].join(' AND ');
}

/**
 * The length of `{"a":"x","b":1}` from DuckDB's values: per member present, its key in quotes,
 * the colon, the value (in quotes for a string) and a comma; the braces less the last comma. A
 * closed member's object counts the same way inside its own braces, once a field is present; a
 * value with none (`{}`, or no object at all, which DuckDB reads as fields all NULL) counts
 * nothing, so the record is longer than the sum and the general way takes it.
 */
function compactLength(record: string, family: NativeFamily): string {
  const term = (name: string, value: string, quotes: number): string =>
    `COALESCE(strlen(${value}) + ${name.length + 2 + 1 + quotes + 1}, 0)`;
  const closed = family.closed.map((m) => {
    const fields = nestedFieldsOf(family).filter((f) => f.member === m);
    const terms = fields.map(({ field, kind }) => {
      if (typeof kind === 'object') throw new Error(`closed member ${m} holds a list, ${field}`);
      return term(field, nestedMember(m, field), kind === 'text' ? 2 : 0);
    });
    const anyField = fields.map(({ field }) => `${nestedMember(m, field)} IS NOT NULL`).join(' OR ');
    return `(CASE WHEN ${anyField} THEN ${m.length + 2 + 1} + 1 + ${terms.join(' + ')} + 1 ELSE 0 END)`;
  });
  const terms = [
    ...stringMembers(family).map((m) => term(m, member(m), 2)),
    ...family.tokens.map((m) => term(m, member(m), 0)),
    ...closed,
  ];
  return `strlen(${record}) = 1 + ${terms.join(' + ')}`;
}

/**
 * Every key DuckDB lists is one the format names, each once: `len(k)` counts every key and each
 * name adds at most one, so the two are equal exactly when no name repeats and no other key is
 * present. The keys are bound once through a one-element list, so json_keys runs only for the
 * rows that reach this branch (a repeated call is not shared, and a projection would run it for
 * every row: ≈0.5 s per million).
 */
function keysKnownOnce(record: string, family: NativeFamily): string {
  const counted = membersOf(family).map((n) => `list_contains(k, ${sqlText(n)})::INTEGER`);
  return `list_transform([json_keys(${record})], k -> len(k) = (${counted.join(' + ')}))[1]`;
}

function noEscapedKey(record: string): string {
  return `(NOT contains(${record}, '\\') OR NOT regexp_matches(${record}, '\\\\[^"]*"${WS}:'))`;
}

/**
 * DuckDB's JSON functions accept a comma before a closing brace (yyjson's trailing-comma flag),
 * which JSON and the JS parser refuse. The other members are strings, canonical integers or
 * refused, so only the record's own closing brace can follow one.
 */
function noTrailingComma(record: string): string {
  return `NOT regexp_matches(${record}, ',${WS}}$')`;
}

/**
 * The record is, byte for byte, the producer's own line (NativeFamily `layout`) filled in with the
 * values DuckDB read: `{"run_id":"…","step_id":…,…}`. With no backslash in the record, no value
 * DuckDB decoded can hold a quote (only an escape puts one inside a string), so the record holds
 * exactly the layout's members, in its order, each once, each string member a string, and
 * nothing else; any JSON parser reads those same values. A token's text is DuckDB's rendering,
 * which the family's plain rule admits only where it is the token itself (nativeFamilies.ts).
 *
 * One concat and one comparison per row, where the other ways take a regex pass over the record
 * and a sum of lengths (≈0.65 CPU-s less per million runtime-steps lines, import benchmark).
 * concat skips a NULL: a required member DuckDB found absent leaves `"k":""`, which such a record
 * cannot equal (DuckDB would have read ''), and an optional member's whole piece is NULL when it
 * is absent.
 */
function producerLayout(record: string, family: NativeFamily, layout: readonly LayoutEntry[]): string {
  const pieces: string[] = [];
  let text = ''; // literal text not yet in `pieces`
  const value = (sql: string): void => {
    if (text !== '') pieces.push(sqlText(text));
    text = '';
    pieces.push(sql);
  };
  const topLevel = (name: string): { sql: string; quoted: boolean } => {
    if (stringMembers(family).includes(name)) return { sql: member(name), quoted: true };
    if (family.tokens.includes(name)) return { sql: member(name), quoted: false };
    throw new Error(`layout member ${name} is not read by ${family.producer}`);
  };
  const inside =
    (object: string) =>
    (field: string): { sql: string; quoted: boolean } => {
      const kind = family.nested[object]?.[field];
      if (kind !== 'text' && kind !== 'integer')
        throw new Error(`layout field ${object}.${field} is not read as a value`);
      return { sql: nestedMember(object, field), quoted: kind === 'text' };
    };
  const object = (entries: readonly LayoutEntry[], read: typeof topLevel): void => {
    text += '{';
    entries.forEach((entry, i) => {
      const comma = i === 0 ? '' : ',';
      if (typeof entry === 'object') {
        if (!family.closed.includes(entry.object))
          throw new Error(`layout object ${entry.object} is not closed`);
        text += `${comma}"${names([entry.object])}":`;
        object(entry.fields, inside(entry.object));
        return;
      }
      const optional = entry.endsWith('?');
      const name = names([optional ? entry.slice(0, -1) : entry]);
      const { sql, quoted } = read(name);
      const q = quoted ? '"' : '';
      if (!optional) {
        text += `${comma}"${name}":${q}`;
        value(sql);
        text += q;
      } else if (i === 0) throw new Error(`layout member ${name} comes first and may be absent`);
      else value(`(${sqlText(`${comma}"${name}":${q}`)} || ${sql}${quoted ? ` || ${sqlText(q)}` : ''})`);
    });
    text += '}';
  };
  object(layout, topLevel);
  pieces.push(sqlText(text));
  return `(NOT contains(${record}, '\\') AND ${record} = concat(${pieces.join(', ')}))`;
}

/**
 * The whole check, on the record's text column `record`, the members as `v_<name>` and, for a
 * family with free-form members, `scanned`: the copy pass's answer for refusingPattern.
 */
export function readAlike(record: string, family: NativeFamily, scanned: string): string {
  const layout = producerLayoutMatch(record, family);
  const checked = checkedReadAlike(record, family, scanned);
  return layout ? `(${layout} OR (${checked}))` : checked;
}

/** The first way alone (producerLayout), for a family that names its producer's layout. */
export function producerLayoutMatch(record: string, family: NativeFamily): string | undefined {
  return family.layout && producerLayout(record, family, family.layout);
}

/** The ways that take any layout of the members: compact and general. */
function checkedReadAlike(record: string, family: NativeFamily, scanned: string): string {
  const general = `(${keysKnownOnce(record, family)} AND ${noEscapedKey(record)} AND ${noTrailingComma(record)})`;
  const compact = `(NOT contains(${record}, '\\') AND ${compactLength(record, family)})`;
  if (family.free.length === 0) return `${stringsAreStrings(record, family)} AND (${compact} OR ${general})`;
  // A free-form member's text has no length to account for, unless it is closed: the general way
  // only. (Its checks cost ≈1.4 s per million 860-byte CloudEvents, the compact one ≈0.5 s.)
  if (!family.free.every((m) => family.closed.includes(m)))
    return `${nestedKeysRead(record, family, scanned)} AND ${general}`;
  return `${stringsAreStrings(record, family)} AND (${compact} OR (${nestedKeysRead(record, family, scanned)} AND ${general}))`;
}
