/**
 * Typed, failure-as-value reads from one parsed record. Optional fields of the wrong type become
 * absent with a note (the full record stays in the `record` column); required fields of the wrong
 * type become a quarantine reason naming the field. Never throws on hostile input.
 */
import { isJsonObject, JsonNumber, type JsonObject, type JsonValue } from '../../json/value';
import { valueAtPath } from '../jsonPath';
import { normalizeTimeValue } from '../time';
import { failure, type MapFailure } from './types';

export const READER_NOTES = {
  notText:
    'a field held an object or array where text was expected; its column is left empty (the record keeps it)',
  notInteger:
    'a field held something other than a 64-bit integer where one was expected; its column is left empty (the record keeps it)',
} as const;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export interface ReadTime {
  iso: string;
  raw: string;
}

export class RecordReader {
  private readonly noteSet = new Set<string>();

  private constructor(
    readonly root: JsonObject,
    private readonly prefix: string,
    private readonly parent?: RecordReader,
  ) {}

  /** A reader over `record`, or a failure when it is not a JSON object. */
  static open(record: JsonValue, what: string): RecordReader | MapFailure {
    if (!isJsonObject(record)) return failure('', `expected a JSON object (${what}), found ${kind(record)}`);
    return new RecordReader(record, '');
  }

  /** A reader over the object at `path` (e.g. a CloudEvent's `data`) whose failures name the full path. */
  child(path: string): RecordReader | MapFailure {
    const value = this.get(path);
    if (!isJsonObject(value))
      return failure(this.field(path), `expected a JSON object, found ${kind(value)}`);
    return new RecordReader(value, `${this.field(path)}.`, this);
  }

  /** The value at `path`; `null` counts as absent (meshguard never writes null, Parquet rows do). */
  get(path: string): JsonValue | undefined {
    const v = valueAtPath(this.root, path);
    return v === null ? undefined : v;
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  /** Scalar as text (a number keeps its source token); '' counts as absent when `emptyAsAbsent`. */
  text(path: string, emptyAsAbsent = false): string | undefined {
    const v = this.get(path);
    if (v === undefined) return undefined;
    if (typeof v === 'string') return emptyAsAbsent && v === '' ? undefined : v;
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (v instanceof JsonNumber) return v.token;
    this.note(READER_NOTES.notText);
    return undefined;
  }

  /** A non-empty string, else a failure naming the field. */
  requireText(path: string): string | MapFailure {
    const v = this.get(path);
    if (typeof v === 'string' && v !== '') return v;
    const what = v === undefined ? 'missing' : v === '' ? 'empty' : `${kind(v)}, expected text`;
    return failure(this.field(path), `required field ${this.field(path)} is ${what}`);
  }

  /** A 64-bit integer (a JSON integer, or digits in a string), else undefined with a note. */
  integer(path: string): bigint | undefined {
    const v = this.get(path);
    if (v === undefined) return undefined;
    const n = toInt64(v);
    if (n === undefined) this.note(READER_NOTES.notInteger);
    return n;
  }

  requireInteger(path: string): bigint | MapFailure {
    const v = this.get(path);
    const n = v === undefined ? undefined : toInt64(v);
    if (n !== undefined) return n;
    const what = v === undefined ? 'missing' : `${describeNumber(v)}, expected a 64-bit integer`;
    return failure(this.field(path), `required field ${this.field(path)} is ${what}`);
  }

  /** A required timestamp, normalized to UTC; its original text (or epoch token) is kept as `raw`. */
  time(path: string): ReadTime | MapFailure {
    const v = this.get(path);
    if (v === undefined) return failure(this.field(path), `required field ${this.field(path)} is missing`);
    const t = normalizeTimeValue(v);
    if (!t.ok) return failure(this.field(path), `${this.field(path)}: ${t.reason}`);
    if (t.note) this.note(t.note);
    return { iso: t.iso, raw: v instanceof JsonNumber ? v.token : String(v) };
  }

  note(text: string): void {
    if (this.parent) this.parent.note(text);
    else this.noteSet.add(text);
  }

  notes(): string[] | undefined {
    return this.noteSet.size > 0 ? [...this.noteSet] : undefined;
  }

  private field(path: string): string {
    return `${this.prefix}${path}`;
  }
}

function toInt64(v: JsonValue): bigint | undefined {
  const token = v instanceof JsonNumber ? v.token : typeof v === 'string' ? v : undefined;
  if (token === undefined || !/^-?\d{1,20}$/.test(token)) return undefined;
  const n = BigInt(token);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

function describeNumber(v: JsonValue): string {
  if (v instanceof JsonNumber)
    return `the number ${v.token.length > 24 ? `${v.token.slice(0, 24)}…` : v.token}`;
  return kind(v);
}

export function kind(v: JsonValue | undefined): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v instanceof JsonNumber) return 'a number';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
