/**
 * A user-defined profile's hash of one record: the covered fields, canonicalized as the profile
 * says (Python json.dumps sorted — formats/README.md lesson 1; RFC 8785 JCS —
 * formats/meshguard.md §3; or the raw line), optionally followed by "\n" and the link
 * (formats/meshguard.md §4.1), then SHA-256 as lowercase hex.
 */
import { jcs } from '../../canon/jcs';
import { pythonDumps } from '../../canon/pythonJson';
import type { JsonObject, JsonValue } from '../../json/value';
import { checkPythonHash } from '../chain/pythonHash';
import type { HashProvider } from '../profile';
import { excludePaths, getPath, selectPaths } from './fieldPath';
import type { CustomProfileSpec } from './schema';

export type Canonical = { ok: true; text: string } | { ok: false; reason: string };

/** The object whose canonical form is hashed. */
export function coveredObject(spec: CustomProfileSpec, record: JsonObject): JsonObject {
  const covered = spec.coveredFields;
  return Array.isArray(covered)
    ? selectPaths(record, covered, spec.absentAsNull)
    : excludePaths(record, covered.allExcept);
}

/** The profile's canonical text of a value (not for raw-line profiles, which hash the line). */
export function canonicalText(spec: CustomProfileSpec, value: JsonValue): Canonical {
  if (spec.canonicalization === 'jcs') {
    const out = jcs(value);
    return out.ok
      ? out
      : { ok: false, reason: `cannot be canonicalized (RFC 8785): ${out.reason} at ${out.path}` };
  }
  return { ok: true, text: pythonDumps(value, { sortKeys: true, numbers: spec.numbers }) };
}

export type HashResult =
  | { ok: true; recomputed: string; matches: boolean; stored: string | undefined; note?: string }
  | { ok: false; reason: string };

/** Recomputes a record's hash from its covered object and compares it with the stored one (raw-line: nothing is stored). */
export function recomputeHash(
  spec: CustomProfileSpec,
  record: JsonObject,
  covered: JsonObject,
  rawText: string | undefined,
  hash: HashProvider,
): HashResult {
  const storedValue = spec.hashField === undefined ? undefined : getPath(record, spec.hashField);
  const stored = typeof storedValue === 'string' ? storedValue : undefined;
  if (spec.canonicalization === 'raw-line') {
    if (rawText === undefined)
      return { ok: false, reason: 'a raw-line profile needs the original line text' };
    return { ok: true, recomputed: hash.sha256Hex(rawText), matches: true, stored: undefined };
  }
  if (spec.hashField !== undefined && stored === undefined) {
    return { ok: false, reason: `${spec.hashField} is missing or not a string` };
  }
  const appended = spec.chain?.linkInHash === 'appended';
  if (spec.canonicalization === 'python-json-sorted' && !appended) {
    // Shared with the built-in Python profiles: retries the producers' int-key order (formats/agentmesh.md §1).
    const check = checkPythonHash(covered, stored, hash, spec.numbers);
    const note = check.viaIntKeyOrder
      ? `matches only with integer keys in numeric order (${check.intKeyPaths.join(', ')}): the producer's defect, not an edit`
      : undefined;
    return {
      ok: true,
      recomputed: check.recomputed,
      matches: check.matches,
      stored,
      ...(note ? { note } : {}),
    };
  }
  const text = canonicalText(spec, covered);
  if (!text.ok) return text;
  const link = appended && spec.chain ? getPath(record, spec.chain.prevField) : undefined;
  if (appended && typeof link !== 'string') {
    return {
      ok: false,
      reason: `${spec.chain?.prevField} is missing or not a string, and it is part of the hash input`,
    };
  }
  const input = appended ? `${text.text}\n${link as string}` : text.text;
  const recomputed = hash.sha256Hex(input);
  return { ok: true, recomputed, matches: recomputed === stored, stored };
}
