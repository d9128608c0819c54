/**
 * Reads the records a profile receives into parsed values or `parse_error` findings, for the two
 * JCS families (meshguard, runtime-steps): strict JSON, no NaN/Infinity, duplicate member names
 * refused (formats/meshguard.md §1 "I-JSON"; formats/runtime-steps.md §6 step 1). Never throws.
 */
import { parseJson } from '../../json/parse';
import { emptyObject, isJsonObject, JsonNumber, type JsonObject, type JsonValue } from '../../json/value';
import type { VerifyRecord, VerifySource } from '../profile';
import { positionOf, type Position } from '../chain/position';
import type { Finding } from '../types';

export type ReadRecord =
  (Position & { ok: true; value: JsonValue }) | (Position & { ok: false; finding: Finding });

const STRICT = { allowNonFinite: false, rejectDuplicateKeys: true };

/** One record: the value a reader rebuilt (Parquet), else its text parsed strictly. */
export function readRecord(record: VerifyRecord): ReadRecord {
  const at = positionOf(record);
  if (record.value !== undefined) return { ...at, ok: true, value: record.value };
  if (record.text === undefined) {
    return {
      ...at,
      ok: false,
      finding: {
        kind: 'parse_error',
        ...at,
        detail: 'the reader supplied neither text nor a value for this record',
      },
    };
  }
  const parsed = parseJson(record.text, STRICT);
  if (parsed.ok) return { ...at, ok: true, value: parsed.value };
  const { message, offset, path } = parsed.error;
  const field = path === '' ? {} : { field: path };
  return {
    ...at,
    ok: false,
    finding: {
      kind: 'parse_error',
      ...at,
      ...field,
      detail: `not valid JSON at column ${offset + 1} (${record.text.length} characters kept as evidence): ${message}`,
    },
  };
}

/** A source's records: the reader's records, or its document split on `\n` only (formats/meshguard.md §1: U+2028 is not a line end). */
export function sourceRecords(source: VerifySource): VerifyRecord[] {
  if (source.records !== undefined) return Array.from(source.records);
  if (source.document === undefined) return [];
  const out: VerifyRecord[] = [];
  source.document.split('\n').forEach((text, i) => {
    if (text.trim() !== '') out.push({ entryIndex: out.length, line: i + 1, text });
  });
  return out;
}

/** A copy of `obj` without the named members (the hash input B of formats/meshguard.md §4.1, runtime-steps §5.1). */
export function withoutMembers(obj: JsonObject, names: readonly string[]): JsonObject {
  const out = emptyObject();
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    if (!names.includes(key) && value !== undefined) out[key] = value;
  }
  return out;
}

/** A member that is a string, else undefined. */
export function stringMember(obj: JsonValue | undefined, name: string): string | undefined {
  if (!isJsonObject(obj)) return undefined;
  const v = obj[name];
  return typeof v === 'string' ? v : undefined;
}

export const HEX64 = /^[0-9a-f]{64}$/;

/** The all-zero `prev` of a chain's first event (formats/meshguard.md §4.1, runtime-steps §5.3). */
export const ZERO_PREV = '0'.repeat(64);

/** A value as a finding's detail names it: strings quoted, numbers as written, `(absent)` for a missing member. */
export function describeValue(v: JsonValue | undefined): string {
  if (v === undefined) return '(absent)';
  if (v instanceof JsonNumber) return v.token;
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(describeValue).join(',')}]`;
  return '{…}';
}
