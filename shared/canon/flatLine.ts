/**
 * Flat JSON objects written the way JSON.stringify writes them: no whitespace, distinct member
 * names, string values without escapes, integer values of up to 15 digits. For such a text the
 * RFC 8785 form of each member is its own text, so the JCS text of the object (or of the object
 * without some members) is a join of slices in UTF-16 name order: no parse and no value objects,
 * which is what makes a runtime-steps event cheap to hash (issue #4, "Speed"). Any other text is
 * refused here, and the caller takes the general path (parseJson, jcs).
 */
import { keysInUtf16Order } from './codePointOrder';

/** Member names and their JCS order, shared by every line with the same names in the same order. */
export class FlatLayout {
  /** Member indices in JCS order. */
  readonly order: readonly number[];
  private readonly slots: ReadonlyMap<string, number>;

  constructor(readonly names: readonly string[]) {
    this.slots = new Map(names.map((name, i) => [name, i]));
    this.order = keysInUtf16Order([...names]).map((name) => this.slots.get(name) ?? -1);
  }

  /** The index of the member called `name`, or -1. */
  slot(name: string): number {
    return this.slots.get(name) ?? -1;
  }
}

/** Escapes, controls and surrogates (a pair or a lone one) leave the fast form. */
// eslint-disable-next-line no-control-regex -- raw controls can only be refused, never written as they are
const UNSAFE = /[\u0000-\u001f\\\ud800-\udfff]/;
const QUOTE = 34;
const COMMA = 44;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const MAX_MEMBERS = 64;
/** Integers below 10^15 are exact doubles that Number::toString writes back digit for digit. */
const MAX_DIGITS = 15;
/** Lines alternate between a few member sets (e.g. with and without `result`). */
const KEPT_LAYOUTS = 8;

/** A reusable reader: `read` one text, then ask for its members until the next `read`. */
export class FlatLine {
  text = '';
  count = 0;
  layout: FlatLayout | null = null;
  /** Member i is `text.slice(start[i], end[i])`; its value starts at valueStart[i]. */
  private readonly start = new Int32Array(MAX_MEMBERS);
  private readonly valueStart = new Int32Array(MAX_MEMBERS);
  private readonly end = new Int32Array(MAX_MEMBERS);
  private readonly quoted = new Uint8Array(MAX_MEMBERS);
  private readonly layouts: FlatLayout[] = [];

  /** True when `text` has the fast form; the members and layout then describe it. */
  read(text: string): boolean {
    this.text = text;
    this.layout = null;
    if (text.charCodeAt(0) !== OPEN_BRACE || UNSAFE.test(text)) return false;
    let p = 1;
    for (let n = 0; n < MAX_MEMBERS; n++) {
      if (text.charCodeAt(p) !== QUOTE) return false;
      const nameEnd = text.indexOf('"', p + 1);
      if (nameEnd < 0 || text.charCodeAt(nameEnd + 1) !== COLON) return false;
      const v = nameEnd + 2;
      const end = text.charCodeAt(v) === QUOTE ? text.indexOf('"', v + 1) + 1 : integerEnd(text, v);
      if (end <= 0) return false;
      this.start[n] = p;
      this.valueStart[n] = v;
      this.end[n] = end;
      this.quoted[n] = text.charCodeAt(v) === QUOTE ? 1 : 0;
      const next = text.charCodeAt(end);
      if (next === CLOSE_BRACE) {
        this.count = n + 1;
        return end + 1 === text.length && this.findLayout();
      }
      if (next !== COMMA) return false;
      p = end + 1;
    }
    return false;
  }

  /** Member `i`'s value: a string's characters, an integer's digits. */
  value(i: number): string {
    const at = this.valueStart[i] ?? 0;
    const end = this.end[i] ?? 0;
    return this.quoted[i] === 1 ? this.text.slice(at + 1, end - 1) : this.text.slice(at, end);
  }

  isString(i: number): boolean {
    return i >= 0 && this.quoted[i] === 1;
  }

  /** The JCS text of the object without members `skipA` and `skipB` (-1: none). */
  jcsWithout(skipA: number, skipB: number): string {
    const order = (this.layout as FlatLayout).order;
    let out = '{';
    for (let k = 0; k < order.length; k++) {
      const i = order[k] as number;
      if (i === skipA || i === skipB) continue;
      const member = this.text.slice(this.start[i], this.end[i]);
      out += out.length === 1 ? member : ',' + member;
    }
    return out + '}';
  }

  /** The layout of the names just read: a recent one when they match, else a new one (distinct names only). */
  private findLayout(): boolean {
    for (let k = 0; k < this.layouts.length; k++) {
      const layout = this.layouts[k] as FlatLayout;
      if (!this.hasNames(layout.names)) continue;
      this.layout = layout;
      return true;
    }
    const names: string[] = [];
    for (let i = 0; i < this.count; i++)
      names.push(this.text.slice((this.start[i] ?? 0) + 1, (this.valueStart[i] ?? 0) - 2));
    // A repeated name is refused by the strict parser: that line takes the general path.
    if (new Set(names).size !== names.length) return false;
    this.layout = new FlatLayout(names);
    this.layouts.unshift(this.layout);
    if (this.layouts.length > KEPT_LAYOUTS) this.layouts.pop();
    return true;
  }

  private hasNames(names: readonly string[]): boolean {
    if (names.length !== this.count) return false;
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const at = (this.start[i] ?? 0) + 1;
      if ((this.valueStart[i] ?? 0) - 2 - at !== name.length || !this.text.startsWith(name, at)) return false;
    }
    return true;
  }
}

/** End of an integer token at `v` whose JCS text is itself (no leading zero, no `-0`, ≤ 15 digits), else -1. */
function integerEnd(text: string, v: number): number {
  const digits = text.charCodeAt(v) === MINUS ? v + 1 : v;
  let p = digits;
  for (let c = text.charCodeAt(p); c >= ZERO && c <= NINE; c = text.charCodeAt(++p));
  const n = p - digits;
  if (n === 0 || n > MAX_DIGITS) return -1;
  if (text.charCodeAt(digits) === ZERO && (n > 1 || digits > v)) return -1;
  return p;
}
