/**
 * One row of an AgentMesh Parquet copy (fixtures MANIFEST: DuckDB `COPY … TO parquet` of the
 * exported entries) back into the exported-entry shape the hash rules expect.
 *
 * Expected row shape (what the engine hands over as `VerifyRecord.value`, or as the text of
 * DuckDB `to_json(row)`): an object with the 23 `model_dump()` columns. 22 are VARCHAR: a string
 * or null, timestamps in `str()` form (`2026-04-06 00:00:11.804508+00:00`, space separator).
 * `data` is, by schema:
 *   - MAP(VARCHAR, JSON) (`export.parquet`): an object (to_json), or a list of `{key, value}` pairs
 *     (node-api row objects) whose value is a JsonValue or JSON text;
 *   - JSON (`export.data-json.parquet`): an object (to_json), or the JSON text as a string.
 * DuckDB re-renders every float (`3.1e-05` → `0.000031`, `1e16` → `10000000000000000.0`) and
 * decodes `\u` escapes, so non-integer numbers are re-rendered here with Python's float repr
 * (formats/README.md lesson 1). A lone surrogate cannot survive DuckDB's UTF-8 VARCHAR (§9.18).
 */
import { pythonNumberRepr } from '../../canon/pythonJson';
import { parseJson } from '../../json/parse';
import {
  emptyObject,
  isJsonArray,
  isJsonObject,
  JsonNumber,
  type JsonObject,
  type JsonValue,
} from '../../json/value';

export type RowToEntryResult = { ok: true; entry: JsonObject } | { ok: false; reason: string };

/** Integer tokens stay (Python ints are exact); every other finite number becomes Python repr. */
function reRender(value: JsonValue): JsonValue {
  if (value instanceof JsonNumber) {
    return value.isInteger ? value : new JsonNumber(pythonNumberRepr(value));
  }
  if (isJsonArray(value)) return value.map(reRender);
  if (isJsonObject(value)) {
    const out = emptyObject();
    for (const key of Object.keys(value)) out[key] = reRender(value[key] ?? null);
    return out;
  }
  return value;
}

function fromJsonText(text: string): { ok: true; value: JsonValue } | { ok: false; reason: string } {
  const parsed = parseJson(text, { allowNonFinite: true, rejectDuplicateKeys: true });
  return parsed.ok
    ? { ok: true, value: parsed.value }
    : { ok: false, reason: `data holds invalid JSON text: ${parsed.error.message}` };
}

/** `data` as an object, from any of the shapes listed above. */
function dataValue(
  raw: JsonValue | undefined,
): { ok: true; value: JsonValue } | { ok: false; reason: string } {
  if (raw === undefined || raw === null || isJsonObject(raw)) return { ok: true, value: raw ?? null };
  if (typeof raw === 'string') return fromJsonText(raw);
  if (isJsonArray(raw)) {
    const out = emptyObject();
    for (const pair of raw) {
      if (!isJsonObject(pair) || typeof pair.key !== 'string' || !Object.hasOwn(pair, 'value')) {
        return { ok: false, reason: 'data is a list, but not of {key, value} map entries' };
      }
      const v = pair.value;
      const parsed = typeof v === 'string' ? fromJsonText(v) : { ok: true as const, value: v };
      if (!parsed.ok) return parsed;
      out[pair.key] = parsed.value ?? null;
    }
    return { ok: true, value: out };
  }
  return { ok: false, reason: 'data is neither an object, a map nor JSON text' };
}

export function agentmeshRowToEntry(row: JsonValue): RowToEntryResult {
  if (!isJsonObject(row)) return { ok: false, reason: 'the row is not an object' };
  const data = dataValue(row.data);
  if (!data.ok) return data;
  const entry = emptyObject();
  for (const key of Object.keys(row)) entry[key] = key === 'data' ? reRender(data.value) : (row[key] ?? null);
  return { ok: true, entry };
}
