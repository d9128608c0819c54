/**
 * RFC 8785 (§3.2.3) of a top-level object, one text per member: JCS of an object is its members'
 * `"name":value` texts in UTF-16 order joined by `,` inside braces, so texts without some members
 * (the hash inputs that leave out `hash` or `sig`) are joins of these, with no object copies.
 */
import type { JsonObject, JsonValue } from '../json/value';
import { keysInUtf16Order } from './codePointOrder';
import { jcs } from './jcs';

export interface JcsMember {
  name: string;
  /** `"name":value` exactly as in the object's JCS text. */
  text: string;
}

/** The members in JCS order, or null when one cannot be canonicalized (call jcs() for the reason and path). */
export function jcsMembers(obj: JsonObject): JcsMember[] | null {
  const names = keysInUtf16Order(Object.keys(obj));
  const members: JcsMember[] = [];
  for (const name of names) {
    const key = jcs(name);
    const value = jcs(obj[name] as JsonValue);
    if (!key.ok || !value.ok) return null;
    members.push({ name, text: key.text + ':' + value.text });
  }
  return members;
}

/** The JCS text of the object without the members named in `leaveOut`. */
export function joinMembers(members: readonly JcsMember[], leaveOut: readonly string[]): string {
  let out = '{';
  for (const m of members) {
    if (leaveOut.includes(m.name)) continue;
    out += out.length === 1 ? m.text : ',' + m.text;
  }
  return out + '}';
}
