/**
 * SQL building blocks that read one top-level member of a record the way the JS mappers'
 * RecordReader does (shared/ingest/normalize/reader.ts), for the cases where that is simple.
 * Each member arrives as DuckDB JSON text (`j_<name>`: yyjson's rendering, NULL when absent or
 * null). A string is recognisable by its quote; its value is the text between the quotes unless
 * it holds an escape, when DuckDB decodes it. Anything a plain rule does not cover (a number where
 * text is expected, an object, an unusual time) makes the row "not plain", and the JS mapper
 * handles that row instead, so the two paths never disagree (nativeEquivalence tests).
 */
import { DECISION_WORDS } from '../../../../shared/ingest/decision';

/** The member as raw JSON text. */
export function json(name: string): string {
  return `j_${name}`;
}

/**
 * The string value of a member that is a JSON string, NULL otherwise: computed once per row in
 * its own projection (nativeJsonl.ts), since DuckDB would evaluate a repeated expression each time.
 */
export function decodeString(name: string): string {
  const j = json(name);
  return `(CASE WHEN starts_with(${j}, '"') THEN (CASE WHEN contains(${j}, '\\') THEN ${j}->>'$' ELSE ${j}[2:-2] END) END)`;
}

/** The decoded string (decodeString) of a member, by name. */
export function str(name: string): string {
  return `s_${name}`;
}

/** RecordReader.text(): absent, null or a string reads the same in SQL. */
export function textPlain(name: string): string {
  const j = json(name);
  return `(${j} IS NULL OR starts_with(${j}, '"'))`;
}

/** RecordReader.requireText(): a non-empty string. */
export function requiredTextPlain(name: string): string {
  const j = json(name);
  return `(starts_with(${j}, '"') AND ${j} <> '""')`;
}

/** RecordReader.requireInteger() for a JSON integer token that BigInt reads back unchanged. */
export function requiredIntegerPlain(name: string): string {
  return `regexp_full_match(${json(name)}, '0|-?[1-9][0-9]{0,17}')`;
}

export function integer(name: string): string {
  return `CAST(${json(name)} AS BIGINT)`;
}

/**
 * RecordReader.time() for RFC 3339 UTC text (`Z` or `+00:00`, at most microseconds, a real
 * calendar date in years 0001–9999): shared/ingest/time.ts gives exactly this instant and no note.
 */
export function utcTimePlain(name: string): string {
  const s = str(name);
  return `(regexp_full_match(${s}, '[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,6})?(Z|\\+00:00)') AND NOT starts_with(${s}, '0000') AND TRY_CAST(${utcTimeText(name)} AS TIMESTAMP) IS NOT NULL)`;
}

/** The time without its zone, which utcTimePlain's pattern has shown is `Z` or `+00:00`. */
function utcTimeText(name: string): string {
  const s = str(name);
  return `(CASE WHEN ends_with(${s}, 'Z') THEN ${s}[1:-2] ELSE ${s}[1:-7] END)`;
}

export function utcTime(name: string): string {
  return `CAST(${utcTimeText(name)} AS TIMESTAMP)`;
}

/** decisionFromWord() on a word that is already folded (lower case, `_`), so folding is the identity. */
export function decisionPlain(name: string): string {
  return `(${json(name)} IS NULL OR regexp_full_match(${str(name)}, '[a-z_]+'))`;
}

export function decision(name: string): string {
  const whens = [...DECISION_WORDS]
    .map(([word, d]) => `WHEN '${word.replace(/'/g, "''")}' THEN '${d}'`)
    .join(' ');
  return `(CASE ${str(name)} ${whens} END)`;
}

/** The rest of a text after `prefix` when it starts with it (an `agent:`/`user:` actor). */
export function afterPrefix(text: string, prefix: string): string {
  return `(CASE WHEN starts_with(${text}, '${prefix}') THEN substr(${text}, ${prefix.length + 1}) END)`;
}

export function sqlText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
