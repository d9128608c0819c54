/**
 * SQL building blocks that read one top-level member of a record the way the JS mappers'
 * RecordReader does (shared/ingest/normalize/reader.ts), for the cases where that is simple.
 * Each member arrives as DuckDB's VARCHAR rendering (`v_<name>`): a JSON string decoded, any other
 * value as its JSON text, NULL when absent or null. That rendering does not say whether `5` was
 * `5` or `"5"`, so the JSON type of every member is checked once per record on its raw text
 * (recordShape.ts). Anything a plain rule does not cover (a number where text is expected, an
 * object, an unusual time) makes the row "not plain", and the JS mapper handles that row instead,
 * so the two paths never disagree (nativeImport tests).
 */
import { DECISION_WORDS } from '../../../../shared/ingest/decision';

/** The member's value as text (see above), by name. */
export function member(name: string): string {
  return `v_${name}`;
}

/** A field inside a free-form member (nativeFamilies.ts `nested`), by name. */
export function nestedMember(name: string, field: string): string {
  return `v_${name}__${field}`;
}

/**
 * A free-form member is present and not null: RecordReader.has(). DuckDB reads a member of any
 * other type (text, a number, an array) as a STRUCT whose fields are all NULL, which is not NULL.
 * `m` is the record as the native INSERT reads it (nativeJsonl.ts).
 */
export function present(name: string): string {
  return `(m."${name}" IS NOT NULL)`;
}

/*
 * The readers below take the value as an SQL text expression: a member (`member('run_id')`) or
 * a field inside one (`nestedMember('data', 'run_id')`).
 */

/** RecordReader.requireText(): a non-empty string (its type checked by recordShape.ts). */
export function requiredTextPlain(v: string): string {
  return `(${v} IS NOT NULL AND ${v} <> '')`;
}

/** RecordReader.requireInteger() for a JSON integer token that BigInt reads back unchanged. */
export function requiredIntegerPlain(v: string): string {
  return `regexp_full_match(${v}, '0|-?[1-9][0-9]{0,17}')`;
}

/** RecordReader.integer(): absent, or an integer requiredIntegerPlain takes; anything else is noted, so JS. */
export function optionalIntegerPlain(v: string): string {
  return `(${v} IS NULL OR ${requiredIntegerPlain(v)})`;
}

export function integer(v: string): string {
  return `CAST(${v} AS BIGINT)`;
}

/**
 * RecordReader.time() for RFC 3339 UTC text (`Z` or `+00:00`, at most microseconds, a real
 * calendar date in years 0001–9999): shared/ingest/time.ts gives exactly this instant and no note.
 */
export function utcTimePlain(v: string): string {
  return `(regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,6})?(Z|\\+00:00)') AND NOT starts_with(${v}, '0000') AND TRY_CAST(${v} AS TIMESTAMP) IS NOT NULL)`;
}

/**
 * The instant of a time utcTimePlain admits. DuckDB's cast to TIMESTAMP reads `Z` and `+00:00` as
 * UTC but drops any other offset (`+01:00` reads as if it were UTC), so only under that rule.
 */
export function utcTime(v: string): string {
  return `CAST(${v} AS TIMESTAMP)`;
}

/** decisionFromWord() on a word that is already folded (lower case, `_`), so folding is the identity. */
export function decisionWordPlain(expression: string): string {
  return `(${expression} IS NULL OR regexp_full_match(${expression}, '[a-z_]+'))`;
}

/** decisionFromWord() of an SQL text expression holding a folded word (or NULL). */
export function decisionOf(expression: string): string {
  const whens = [...DECISION_WORDS]
    .map(([word, d]) => `WHEN '${word.replace(/'/g, "''")}' THEN '${d}'`)
    .join(' ');
  return `(CASE ${expression} ${whens} END)`;
}

/** RecordReader.text(name, true): an empty string reads as absent. */
export function emptyAsNull(v: string): string {
  return `NULLIF(${v}, '')`;
}

/** The rest of a text after `prefix` when it starts with it (an `agent:`/`user:` actor). */
export function afterPrefix(text: string, prefix: string): string {
  return `(CASE WHEN starts_with(${text}, '${prefix}') THEN substr(${text}, ${prefix.length + 1}) END)`;
}

export function sqlText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
