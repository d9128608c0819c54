/** Python `json.dumps` re-created on lossless values (formats/README.md lesson 1, agentmesh.md §1). */
import { JsonNumber, type JsonObject, type JsonValue } from '../json/value';
import { keysInCodePointOrder } from './codePointOrder';
import { pythonFloatRepr } from './pythonFloat';
import { pythonAsciiString, pythonUnicodeString } from './pythonString';

export interface PythonDumpsOptions {
  /** `sort_keys`; default true (every producer hashes with it). Code point order, not UTF-16. */
  sortKeys?: boolean;
  /** `ensure_ascii`; default true. */
  ensureAscii?: boolean;
  /** Between items; default `', '`. */
  itemSeparator?: string;
  /** Between a name and its value; default `': '`. */
  keySeparator?: string;
  /**
   * `token` (default): write each number's source token (a Python writer made it, so it is the repr).
   * `python-repr`: re-render float tokens through Python's repr (sources that re-rendered numbers:
   * pydantic JSON, DuckDB/Parquet); integer tokens stay exact.
   */
  numbers?: 'token' | 'python-repr';
}

interface Settings {
  sortKeys: boolean;
  quote: (s: string) => string;
  itemSeparator: string;
  keySeparator: string;
  reprNumbers: boolean;
}

/**
 * `json.dumps(value, …)` text for a parsed value. With `sortKeys: false` members come out in the
 * object's enumeration order, which is source order except that JS lists integer-like names
 * (`"3"`, `"20"`) first: no fixture line has such names, but such a line cannot be re-emitted
 * byte for byte (hashes always sort, so they are unaffected). Recursion depth follows the value;
 * parseJson caps it at 512.
 */
export function pythonDumps(value: JsonValue, options?: PythonDumpsOptions): string {
  const settings: Settings = {
    sortKeys: options?.sortKeys ?? true,
    quote: (options?.ensureAscii ?? true) ? pythonAsciiString : pythonUnicodeString,
    itemSeparator: options?.itemSeparator ?? ', ',
    keySeparator: options?.keySeparator ?? ': ',
    reprNumbers: options?.numbers === 'python-repr',
  };
  return dumpValue(value, settings);
}

function dumpValue(value: JsonValue, s: Settings): string {
  if (typeof value === 'string') return s.quote(value);
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (value instanceof JsonNumber) return s.reprNumbers ? pythonNumberRepr(value) : value.token;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    let out = '[' + dumpValue(value[0] as JsonValue, s);
    for (let i = 1; i < value.length; i++) out += s.itemSeparator + dumpValue(value[i] as JsonValue, s);
    return out + ']';
  }
  return dumpObject(value, s);
}

function dumpObject(obj: JsonObject, s: Settings): string {
  const keys = Object.keys(obj);
  if (keys.length === 0) return '{}';
  if (s.sortKeys) keysInCodePointOrder(keys);
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (i > 0) out += s.itemSeparator;
    out += s.quote(key) + s.keySeparator + dumpValue(obj[key] as JsonValue, s);
  }
  return out + '}';
}

/**
 * A number as Python writes it after reading the token back: ints exactly (never through a double),
 * floats as repr, non-finite floats with json.dumps' spellings `NaN`, `Infinity`, `-Infinity`.
 */
export function pythonNumberRepr(n: JsonNumber): string {
  if (n.isInteger) return n.token === '-0' ? '0' : n.token;
  const x = n.toDouble();
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return 'Infinity';
  if (x === Number.NEGATIVE_INFINITY) return '-Infinity';
  return pythonFloatRepr(x);
}
