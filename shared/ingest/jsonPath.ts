/**
 * Source paths for field mappings: `data.agent.id`, `$.x`, `chain[0]`, `chain[-1]` (last) and
 * `$["a.b"]` for member names that hold dots. Lookup uses own members only, so a member named
 * `__proto__` or `constructor` is just data.
 */
import { isJsonArray, isJsonObject, type JsonValue } from '../json/value';

export type PathSegment = { member: string } | { index: number };

export type ParsedPath = { ok: true; segments: PathSegment[] } | { ok: false; reason: string };

const MAX_SEGMENTS = 32;

export function parsePath(path: string): ParsedPath {
  const segments: PathSegment[] = [];
  let i = path.startsWith('$') ? 1 : 0;
  if (path.length === 0 || path === '$') return { ok: false, reason: 'empty path' };
  while (i < path.length) {
    const c = path[i];
    if (c === '.' && i > 0) {
      i++;
      if (i === path.length) return { ok: false, reason: `trailing dot in ${JSON.stringify(path)}` };
    }
    if (path[i] === '[') {
      const quoted = /^\[\s*("(?:[^"\\]|\\.)*")\s*\]/.exec(path.slice(i));
      const indexed = /^\[\s*(-?\d{1,9})\s*\]/.exec(path.slice(i));
      const member = quoted?.[1] === undefined ? undefined : decodeQuoted(quoted[1]);
      if (quoted && member !== undefined) {
        segments.push({ member });
        i += quoted[0].length;
      } else if (indexed?.[1]) {
        segments.push({ index: Number(indexed[1]) });
        i += indexed[0].length;
      } else return { ok: false, reason: `unreadable bracket at ${i} in ${JSON.stringify(path)}` };
    } else {
      const name = /^[^.[\]]+/.exec(path.slice(i));
      if (!name) return { ok: false, reason: `empty member name at ${i} in ${JSON.stringify(path)}` };
      segments.push({ member: name[0] });
      i += name[0].length;
    }
    if (segments.length > MAX_SEGMENTS) return { ok: false, reason: `more than ${MAX_SEGMENTS} segments` };
  }
  return { ok: true, segments };
}

/** A JSON string literal's value, or undefined for a bad escape or raw control character. */
function decodeQuoted(literal: string): string | undefined {
  try {
    const v: unknown = JSON.parse(literal);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The value at `segments`, or undefined when any step is missing (a negative index counts from the end). */
export function valueAt(
  root: JsonValue | undefined,
  segments: readonly PathSegment[],
): JsonValue | undefined {
  let cur: JsonValue | undefined = root;
  for (const seg of segments) {
    if ('member' in seg) {
      if (!isJsonObject(cur) || !Object.hasOwn(cur, seg.member)) return undefined;
      cur = cur[seg.member];
    } else {
      if (!isJsonArray(cur)) return undefined;
      cur = cur[seg.index < 0 ? cur.length + seg.index : seg.index];
    }
  }
  return cur;
}

const parsedCache = new Map<string, PathSegment[] | null>();

/** Convenience for paths used over and over (the mappers' fixed paths, a saved mapping's paths); parsed once. */
export function valueAtPath(root: JsonValue | undefined, path: string): JsonValue | undefined {
  let segments = parsedCache.get(path);
  if (segments === undefined) {
    const parsed = parsePath(path);
    segments = parsed.ok ? parsed.segments : null;
    if (parsedCache.size < 4096) parsedCache.set(path, segments);
  }
  return segments ? valueAt(root, segments) : undefined;
}

/** Renders segments back to the path syntax above (used by suggestMapping). */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const seg of segments) {
    if ('index' in seg) out += `[${seg.index}]`;
    else if (/^[A-Za-z_@$][\w@$-]*$/.test(seg.member) && !(out === '' && seg.member.startsWith('$')))
      out += out === '' ? seg.member : `.${seg.member}`;
    else out += `[${JSON.stringify(seg.member)}]`;
  }
  return out;
}
