/**
 * Rebuilds a meshguard audit event from a row of the Parquet cold-tier copy (formats/meshguard.md §8).
 *
 * Expected row shape (what the engine hands over as `VerifyRecord.value`, or as `text`): the row
 * as DuckDB's `to_json(t)` renders it: STRUCT → object, LIST → array, BIGINT/BOOLEAN/VARCHAR →
 * the JSON value, SQL NULL → `null`, and the three `JSON` columns (`action.parameters`,
 * `anomaly.details`, `policy.changes`) embedded as JSON values, not as text. The producer never
 * writes `null` (§2), so a `null` member means "absent" and is dropped, except inside those JSON
 * columns, whose content is free-form and kept as it is. JCS re-canonicalizes numbers, so DuckDB's
 * re-rendering (`3.2e-07` → `3.2e-7`) does not matter (§8).
 */
import { emptyObject, isJsonObject, type JsonObject, type JsonValue } from '../../json/value';

export type RowResult = { ok: true; event: JsonObject } | { ok: false; reason: string };

/** Dotted paths of the schema's `JSON` columns: their content is copied, nulls included. */
const JSON_COLUMNS: ReadonlySet<string> = new Set(['action.parameters', 'anomaly.details', 'policy.changes']);

function withoutNulls(value: JsonValue, path: string): JsonValue {
  if (JSON_COLUMNS.has(path)) return value;
  if (Array.isArray(value)) return value.map((v) => withoutNulls(v, `${path}[]`));
  if (!isJsonObject(value)) return value;
  const out = emptyObject();
  for (const key of Object.keys(value)) {
    const member = value[key];
    if (member !== null && member !== undefined)
      out[key] = withoutNulls(member, path === '' ? key : `${path}.${key}`);
  }
  return out;
}

export function meshguardRowToEvent(row: JsonValue): RowResult {
  if (!isJsonObject(row)) return { ok: false, reason: 'the row is not an object of columns' };
  const event = withoutNulls(row, '');
  return isJsonObject(event)
    ? { ok: true, event }
    : { ok: false, reason: 'the row is not an object of columns' };
}
