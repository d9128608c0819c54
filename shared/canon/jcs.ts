/** RFC 8785 JSON Canonicalization Scheme on lossless values (formats/meshguard.md §3). */
import { formatJsonPath, type PathStep } from '../json/jsonPathText';
import { JsonNumber, type JsonObject, type JsonValue } from '../json/value';
import { keysInUtf16Order } from './codePointOrder';

export type JcsResult = { ok: true; text: string } | { ok: false; reason: string; path: string };

/** A lone surrogate: a high one not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ANY_SURROGATE = /[\ud800-\udfff]/;
/** Anything JCS escapes, or a surrogate: strings without one are written between quotes as they are. */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what JSON must escape
const NEEDS_CARE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** Walks the value; on the first refusal it records why and collects the path while unwinding. */
class Canonicalizer {
  reason = '';
  /** Innermost first. */
  readonly steps: PathStep[] = [];

  refuse(reason: string): undefined {
    this.reason = reason;
    return undefined;
  }

  value(value: JsonValue): string | undefined {
    if (typeof value === 'string') return this.string(value);
    if (value === null) return 'null';
    if (value === true) return 'true';
    if (value === false) return 'false';
    if (value instanceof JsonNumber) return this.number(value);
    if (Array.isArray(value)) return this.array(value);
    return this.object(value);
  }

  array(items: JsonValue[]): string | undefined {
    let out = '[';
    for (let i = 0; i < items.length; i++) {
      const item = this.value(items[i] as JsonValue);
      if (item === undefined) {
        this.steps.push(i);
        return undefined;
      }
      out += i === 0 ? item : ',' + item;
    }
    return out + ']';
  }

  /** §3.2: member names sorted by UTF-16 code units (the default Array sort). */
  object(obj: JsonObject): string | undefined {
    const keys = keysInUtf16Order(Object.keys(obj));
    let out = '{';
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const name = this.string(key);
      const member = name === undefined ? undefined : this.value(obj[key] as JsonValue);
      if (name === undefined || member === undefined) {
        this.steps.push(key);
        return undefined;
      }
      out += (i === 0 ? '' : ',') + name + ':' + member;
    }
    return out + '}';
  }

  /** §3.3: the nearest double, written as ECMAScript Number::toString (String(-0) is already "0"). */
  number(n: JsonNumber): string | undefined {
    const x = n.toDouble();
    if (!Number.isFinite(x)) return this.refuse(`number ${n.token} is not finite`);
    return String(x);
  }

  /** §3.4: JSON.stringify escapes exactly as JCS does once lone surrogates are refused. */
  string(s: string): string | undefined {
    if (!NEEDS_CARE.test(s)) return '"' + s + '"';
    if (ANY_SURROGATE.test(s) && LONE_SURROGATE.test(s)) return this.refuse('lone surrogate in string');
    return JSON.stringify(s);
  }
}

/**
 * The JCS text of `value`: no whitespace, members sorted by UTF-16 units, numbers as the nearest
 * double in ECMAScript form (`-0` → `0`, 2^53+1 → 9007199254740992), strings as JSON.stringify
 * writes them. Lone surrogates and non-finite numbers cannot be canonicalized: the result names
 * the path of the first one (for a member name, the path of that member).
 */
export function jcs(value: JsonValue): JcsResult {
  const walker = new Canonicalizer();
  let text: string | undefined;
  try {
    text = walker.value(value);
  } catch (err: unknown) {
    // Only a hand-built value nested deeper than the stack allows gets here (parseJson caps depth at 512).
    const reason = err instanceof Error ? err.message : 'unknown failure';
    return { ok: false, reason: `cannot canonicalize: ${reason}`, path: '' };
  }
  if (text === undefined)
    return { ok: false, reason: walker.reason, path: formatJsonPath(walker.steps.reverse()) };
  return { ok: true, text };
}
