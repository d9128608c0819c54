/** Fixture access for the JSON and canonicalization tests (always from test/fixtures, never /work/shared). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson } from '../../../../shared/json/parse';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../../shared/json/value';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures');

/** The text of `test/fixtures/<relative>`. */
export function fixtureText(relative: string): string {
  return readFileSync(join(FIXTURES, relative), 'utf8');
}

/** The non-empty lines of a JSONL fixture, split on `\n` only. */
export function fixtureLines(relative: string): string[] {
  return fixtureText(relative)
    .split('\n')
    .filter((line) => line !== '');
}

/** A fixture JSON document parsed losslessly (vectors keep their number tokens this way). */
export function fixtureJson(relative: string): JsonValue {
  const parsed = parseJson(fixtureText(relative), { allowNonFinite: true });
  if (!parsed.ok) throw new Error(`${relative}: ${parsed.error.message} at ${parsed.error.offset}`);
  return parsed.value;
}

/** `value` as an object, or a test failure. */
export function asObject(value: JsonValue | undefined): JsonObject {
  if (!isJsonObject(value)) throw new Error('expected a JSON object');
  return value;
}

/** `value` as an array, or a test failure. */
export function asArray(value: JsonValue | undefined): JsonValue[] {
  if (!Array.isArray(value)) throw new Error('expected a JSON array');
  return value;
}

/** `value` as a string, or a test failure. */
export function asString(value: JsonValue | undefined): string {
  if (typeof value !== 'string') throw new Error('expected a JSON string');
  return value;
}

/** A new object holding only `names` of `source` (missing ones as null), in the given order. */
export function pick(source: JsonObject, names: readonly string[]): JsonObject {
  const out: JsonObject = Object.create(null) as JsonObject;
  for (const name of names) out[name] = Object.hasOwn(source, name) ? (source[name] as JsonValue) : null;
  return out;
}

/** A shallow copy of `source` without `names`. */
export function omit(source: JsonObject, names: readonly string[]): JsonObject {
  const out: JsonObject = Object.create(null) as JsonObject;
  for (const [name, value] of Object.entries(source)) if (!names.includes(name)) out[name] = value;
  return out;
}
