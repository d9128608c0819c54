/**
 * SHA-256 over Python `json.dumps(obj, sort_keys=True)` text (formats/README.md lesson 1), with
 * the one retry a careful verifier needs: dicts whose keys were Python ints are sorted
 * numerically before Python turns the keys into strings (formats/agentmesh.md §1), which no
 * JSON round trip can reproduce. A match only under that order is the producer's defect, not an edit.
 */
import { compareCodePoints } from '../../canon/codePointOrder';
import { pythonDumps } from '../../canon/pythonJson';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../json/value';
import type { HashProvider } from '../profile';
import type { Finding } from '../types';
import { positionOf } from './position';

/** `token`: copy each number as written (Python wrote it); `python-repr`: re-render floats (pydantic, DuckDB). */
export type NumberMode = 'token' | 'python-repr';

export interface HashCheck {
  /** The recomputed hash under the normal (code point) key order. */
  recomputed: string;
  matches: boolean;
  /** True when only the numeric order of all-integer keys reproduces the stored hash. */
  viaIntKeyOrder: boolean;
  /** Dotted paths of the objects with all-integer keys, when `viaIntKeyOrder`. */
  intKeyPaths: string[];
}

export function pythonCanonical(value: JsonValue, numbers: NumberMode): string {
  return pythonDumps(value, { sortKeys: true, numbers });
}

/** Hashes `obj` as the producer did and compares with `stored` exactly (hex is case-sensitive there). */
export function checkPythonHash(
  obj: JsonObject,
  stored: unknown,
  hash: HashProvider,
  numbers: NumberMode,
): HashCheck {
  const recomputed = hash.sha256Hex(pythonCanonical(obj, numbers));
  if (recomputed === stored) return { recomputed, matches: true, viaIntKeyOrder: false, intKeyPaths: [] };
  const intKeyPaths: string[] = [];
  collectIntKeyPaths(obj, '', intKeyPaths);
  if (intKeyPaths.length > 0 && typeof stored === 'string') {
    const alternative = hash.sha256Hex(intKeyOrderCanonical(obj, numbers));
    if (alternative === stored) return { recomputed, matches: true, viaIntKeyOrder: true, intKeyPaths };
  }
  return { recomputed, matches: false, viaIntKeyOrder: false, intKeyPaths: [] };
}

const INT_KEY = /^-?(0|[1-9][0-9]*)$/;

function hasOnlyIntKeys(obj: JsonObject): boolean {
  const keys = Object.keys(obj);
  return keys.length > 1 && keys.every((k) => INT_KEY.test(k));
}

function collectIntKeyPaths(value: JsonValue, path: string, out: string[]): void {
  if (isJsonArray(value)) {
    value.forEach((item, i) => collectIntKeyPaths(item, `${path}[${i}]`, out));
  } else if (isJsonObject(value)) {
    if (hasOnlyIntKeys(value)) out.push(path === '' ? '(top level)' : path);
    for (const key of Object.keys(value))
      collectIntKeyPaths(value[key] ?? null, path === '' ? key : `${path}.${key}`, out);
  }
}

function compareIntKeys(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** json.dumps text where all-integer-key objects are in numeric key order, the rest by code point. */
function intKeyOrderCanonical(value: JsonValue, numbers: NumberMode): string {
  if (isJsonArray(value)) return `[${value.map((v) => intKeyOrderCanonical(v, numbers)).join(', ')}]`;
  if (!isJsonObject(value)) return pythonDumps(value, { sortKeys: true, numbers });
  const keys = Object.keys(value).sort(hasOnlyIntKeys(value) ? compareIntKeys : compareCodePoints);
  const members = keys.map(
    (k) =>
      `${pythonDumps(k, { sortKeys: true, numbers })}: ${intKeyOrderCanonical(value[k] ?? null, numbers)}`,
  );
  return `{${members.join(', ')}}`;
}

/** The notice for an entry that verifies only under Python's numeric order of int keys (formats/agentmesh.md §1, formats/README.md lesson 6). */
export function intKeyNotice(
  at: { entryIndex: number; line?: number },
  check: HashCheck,
  what: string,
): Finding {
  return {
    kind: 'out_of_order',
    ...positionOf(at),
    field: check.intKeyPaths.join(', '),
    detail:
      `known producer defect, not tampering: ${check.intKeyPaths.join(', ')} had integer keys, which Python sorted numerically ` +
      `before writing them as strings; the ${what} recomputes under that order (the producer's own verifiers reject this entry)`,
  };
}
