/**
 * Dotted field paths over lossless JSON objects (`integrity.hash`): read one, build the object
 * of the covered fields, or copy an object without some fields. Copies use null-prototype
 * objects so a member named `__proto__` stays data.
 */
import { emptyObject, isJsonObject, type JsonObject, type JsonValue } from '../../json/value';

function steps(path: string): string[] {
  return path.split('.');
}

export function getPath(value: JsonValue | undefined, path: string): JsonValue | undefined {
  let cur = value;
  for (const step of steps(path)) {
    if (!isJsonObject(cur) || !Object.hasOwn(cur, step)) return undefined;
    cur = cur[step];
  }
  return cur;
}

/** Sets `path` in `target`, creating intermediate objects (copies of nothing: `target` is ours). */
export function setPath(target: JsonObject, path: string, value: JsonValue): void {
  const parts = steps(path);
  let cur = target;
  for (const step of parts.slice(0, -1)) {
    const next = Object.hasOwn(cur, step) ? cur[step] : undefined;
    const obj = isJsonObject(next) ? next : emptyObject();
    cur[step] = obj;
    cur = obj;
  }
  cur[parts[parts.length - 1] as string] = value;
}

/** A new object holding only `paths` of `record` (absent ones as null when `absentAsNull`). */
export function selectPaths(record: JsonObject, paths: readonly string[], absentAsNull: boolean): JsonObject {
  const out = emptyObject();
  for (const path of paths) {
    const v = getPath(record, path);
    if (v !== undefined) setPath(out, path, copy(v));
    else if (absentAsNull) setPath(out, path, null);
  }
  return out;
}

function copy(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(copy);
  if (!isJsonObject(v)) return v;
  const out = emptyObject();
  for (const k of Object.keys(v)) out[k] = copy(v[k] as JsonValue);
  return out;
}

/** A copy of `record` without `paths` (a missing path is ignored). */
export function excludePaths(record: JsonObject, paths: readonly string[]): JsonObject {
  const out = copy(record) as JsonObject;
  for (const path of paths) {
    const parts = steps(path);
    let cur: JsonValue | undefined = out;
    for (const step of parts.slice(0, -1))
      cur = isJsonObject(cur) && Object.hasOwn(cur, step) ? cur[step] : undefined;
    if (isJsonObject(cur)) delete cur[parts[parts.length - 1] as string];
  }
  return out;
}
