/**
 * Rebuilds a runtime-steps event from a row of the Parquet copy (formats/runtime-steps.md §8).
 *
 * Expected row shape (`VerifyRecord.value`, or its `text`): the row as DuckDB's `to_json(t)`
 * renders it, one member per column. Two columns need care: `timestamp` is a typed TIMESTAMP,
 * which DuckDB writes as `2025-02-11 08:01:35.625` (space, and `.000` dropped), and the hash
 * covers `2025-02-11T08:01:35.625Z`, so it is re-rendered with exactly three fraction digits
 * (§12); `result` is NULL for events without one, and a NULL member is dropped (absent).
 */
import { emptyObject, isJsonObject, type JsonObject, type JsonValue } from '../../json/value';

export type StepRowResult = { ok: true; event: JsonObject } | { ok: false; reason: string; field?: string };

const DUCKDB_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(?:Z|[+-]00(?::?00)?)?$/;

/** `YYYY-MM-DD HH:MM:SS[.fff…]` → `YYYY-MM-DDTHH:MM:SS.mmmZ`; refuses sub-millisecond digits (this producer writes milliseconds, §2). */
export function renderStepTimestamp(value: string): string | null {
  const m = DUCKDB_TIMESTAMP.exec(value);
  if (!m) return null;
  const fraction = (m[3] ?? '').padEnd(3, '0');
  if (/[1-9]/.test(fraction.slice(3))) return null;
  return `${m[1]}T${m[2]}.${fraction.slice(0, 3)}Z`;
}

export function stepRowToEvent(row: JsonValue): StepRowResult {
  if (!isJsonObject(row)) return { ok: false, reason: 'the row is not an object of columns' };
  const event = emptyObject();
  for (const key of Object.keys(row)) {
    const value = row[key];
    if (value === null || value === undefined) continue;
    if (key === 'timestamp') {
      const rendered = typeof value === 'string' ? renderStepTimestamp(value) : null;
      if (rendered === null)
        return {
          ok: false,
          field: 'timestamp',
          reason: `timestamp ${JSON.stringify(value)} is not a millisecond UTC TIMESTAMP`,
        };
      event[key] = rendered;
    } else {
      event[key] = value;
    }
  }
  return { ok: true, event };
}
