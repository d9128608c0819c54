/**
 * Turns what a reader hands a profile (JSONL record text, Parquet row values, a whole JSON
 * document) into parsed values with their positions, or a `parse_error` finding: a hostile or
 * torn record becomes a finding, never an exception (formats/README.md lesson 6).
 */
import { columnOfOffset, LineIndex, lineOfOffset, locateArrayElements, parseJson } from '../../json/parse';
import { isJsonObject, type JsonValue } from '../../json/value';
import type { VerifyRecord } from '../profile';
import type { Finding } from '../types';
import { positionOf } from './position';

export interface ParsedRecord {
  ok: true;
  entryIndex: number;
  line?: number;
  value: JsonValue;
}

export interface UnreadableRecord {
  ok: false;
  entryIndex: number;
  line?: number;
  finding: Finding;
}

export type RecordResult = ParsedRecord | UnreadableRecord;

/** Python's json writes bare NaN/Infinity (allow_nan); duplicate keys make a record ambiguous. */
const PARSE_OPTIONS = { allowNonFinite: true, rejectDuplicateKeys: true };

function at(entryIndex: number, line: number | undefined): { entryIndex: number; line?: number } {
  return positionOf({ entryIndex, line });
}

/** Parses one record: its `value` if the reader rebuilt one (Parquet), else its text. */
export function parseRecord(record: VerifyRecord): RecordResult {
  const where = at(record.entryIndex, record.line);
  if (record.value !== undefined) return { ok: true, ...where, value: record.value };
  if (record.text === undefined) {
    return {
      ok: false,
      ...where,
      finding: {
        kind: 'parse_error',
        ...where,
        detail: 'the reader supplied neither text nor a value for this record',
      },
    };
  }
  const parsed = parseJson(record.text, PARSE_OPTIONS);
  if (parsed.ok) return { ok: true, ...where, value: parsed.value };
  const { message, offset } = parsed.error;
  return {
    ok: false,
    ...where,
    finding: { kind: 'parse_error', ...where, detail: `not valid JSON at column ${offset + 1}: ${message}` },
  };
}

export function* parseRecords(records: Iterable<VerifyRecord>): Generator<RecordResult> {
  for (const record of records) yield parseRecord(record);
}

export interface ParsedDocument {
  ok: true;
  root: JsonValue;
  /** Elements of the array (top level, or the named member of the top-level object) with their lines. */
  elements: { value: JsonValue; line?: number }[];
}

export type DocumentResult = ParsedDocument | { ok: false; finding: Finding };

/** Parses a JSON document and locates the records of `member` (or of the top-level array). */
export function parseDocument(text: string, member?: string): DocumentResult {
  const parsed = parseJson(text, PARSE_OPTIONS);
  if (!parsed.ok) {
    const { message, offset } = parsed.error;
    const line = lineOfOffset(text, offset);
    return {
      ok: false,
      finding: {
        kind: 'parse_error',
        line,
        detail: `not valid JSON at line ${line} column ${columnOfOffset(text, offset)}: ${message}`,
      },
    };
  }
  const root = parsed.value;
  const array = member === undefined ? root : memberOf(root, member);
  if (!Array.isArray(array)) {
    const what =
      member === undefined ? 'the document is not a JSON array' : `the document has no "${member}" array`;
    return { ok: false, finding: { kind: 'parse_error', detail: what } };
  }
  const located = locateArrayElements(text, member);
  const index = new LineIndex(text);
  const lines = located.ok ? located.spans.map((s) => index.line(s.start)) : [];
  return { ok: true, root, elements: array.map((value, i) => ({ value, line: lines[i] })) };
}

function memberOf(root: JsonValue, member: string): JsonValue | undefined {
  return isJsonObject(root) && Object.hasOwn(root, member) ? root[member] : undefined;
}

/** Records of a parsed document in the same shape as JSONL records. */
export function documentRecords(doc: ParsedDocument): RecordResult[] {
  return doc.elements.map((e, i) => ({ ok: true, ...at(i, e.line), value: e.value }));
}
