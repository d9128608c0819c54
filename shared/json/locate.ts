/** Source spans of the elements of a document's main array, found by a light scan that builds no values. */
import {
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  found,
  isJsonWhitespace,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from './charCodes';
import { appendPathStep } from './jsonPathText';
import { describeChar, type JsonSyntaxError } from './syntaxError';

/** One element's source text: `text.slice(start, end)` (UTF-16 offsets, end exclusive). */
export interface ArraySpan {
  start: number;
  end: number;
}

/** On failure, `spans` holds the elements that were complete before the error (a torn export keeps its head). */
export type LocateResult =
  { ok: true; spans: ArraySpan[] } | { ok: false; error: JsonSyntaxError; spans: ArraySpan[] };

function endsScalar(c: number): boolean {
  if (Number.isNaN(c) || isJsonWhitespace(c)) return true;
  return (
    c === COMMA ||
    c === CLOSE_BRACKET ||
    c === CLOSE_BRACE ||
    c === QUOTE ||
    c === OPEN_BRACE ||
    c === OPEN_BRACKET ||
    c === COLON
  );
}

/**
 * Skims structure only: brackets, strings and separators are checked, but scalars and the inside of
 * each element are not validated; parse each span with parseJson for that (it reports per element).
 * Iterative, so nesting depth cannot exhaust the stack. Methods return false after recording `error`.
 */
class Skimmer {
  pos = 0;
  error: JsonSyntaxError = { message: '', offset: 0, path: '' };
  readonly spans: ArraySpan[] = [];

  constructor(readonly text: string) {}

  fail(message: string, offset: number, path: string): false {
    this.error = { message, offset, path };
    return false;
  }

  charHere(): number {
    return this.text.charCodeAt(this.pos);
  }

  skipWhitespace(): void {
    const t = this.text;
    let p = this.pos;
    while (isJsonWhitespace(t.charCodeAt(p))) p++;
    this.pos = p;
  }

  /** Moves past the string whose opening quote is at `pos`: the next quote not escaped by an odd run of backslashes. */
  skipString(path: string): boolean {
    const t = this.text;
    const start = this.pos;
    let p = start + 1;
    for (;;) {
      const q = t.indexOf('"', p);
      if (q === -1) return this.fail('unterminated string', start, path);
      let slashes = 0;
      while (t.charCodeAt(q - 1 - slashes) === 92) slashes++;
      p = q + 1;
      if (slashes % 2 === 0) break;
    }
    this.pos = p;
    return true;
  }

  skipValue(path: string): boolean {
    const c = this.charHere();
    if (c === QUOTE) return this.skipString(path);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) return this.skipContainer(path);
    const start = this.pos;
    let p = start;
    while (!endsScalar(this.text.charCodeAt(p))) p++;
    if (p === start)
      return this.fail(
        Number.isNaN(c) ? 'unexpected end of input' : `unexpected character ${describeChar(c)}`,
        start,
        path,
      );
    this.pos = p;
    return true;
  }

  skipContainer(path: string): boolean {
    const t = this.text;
    const closers: number[] = [];
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (Number.isNaN(c)) return this.fail('unexpected end of input', this.pos, path);
      if (c === QUOTE) {
        if (!this.skipString(path)) return false;
        continue;
      }
      if (c === OPEN_BRACE) closers.push(CLOSE_BRACE);
      else if (c === OPEN_BRACKET) closers.push(CLOSE_BRACKET);
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (closers.pop() !== c) return this.fail(`unexpected character ${describeChar(c)}`, this.pos, path);
        if (closers.length === 0) {
          this.pos++;
          return true;
        }
      }
      this.pos++;
    }
  }

  /** The decoded member name at `pos` (rarely escaped, so JSON.parse of the slice is enough), or undefined. */
  memberName(): string | undefined {
    const start = this.pos;
    const c = this.charHere();
    if (c !== QUOTE) {
      this.fail(`expected a member name in double quotes, found ${found(c)}`, start, '');
      return undefined;
    }
    if (!this.skipString('')) return undefined;
    const raw = this.text.slice(start, this.pos);
    if (!raw.includes('\\')) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      this.fail('invalid member name', start, '');
      return undefined;
    }
  }

  /** Records the spans of the array at `pos`. */
  arrayElements(path: string): boolean {
    if (this.charHere() !== OPEN_BRACKET)
      return this.fail(`expected an array, found ${found(this.charHere())}`, this.pos, path);
    this.pos++;
    this.skipWhitespace();
    if (this.charHere() === CLOSE_BRACKET) {
      this.pos++;
      return true;
    }
    for (;;) {
      const start = this.pos;
      if (!this.skipValue(appendPathStep(path, this.spans.length))) return false;
      this.spans.push({ start, end: this.pos });
      this.skipWhitespace();
      const c = this.charHere();
      this.pos++;
      if (c === CLOSE_BRACKET) return true;
      if (c !== COMMA)
        return this.fail(`expected ',' or ']' after an array element, found ${found(c)}`, this.pos - 1, path);
      this.skipWhitespace();
      if (this.charHere() === CLOSE_BRACKET) return this.fail('trailing comma', this.pos, path);
    }
  }

  /** Walks the top-level object and records the spans of the array under `member`. */
  memberElements(member: string): boolean {
    if (this.charHere() !== OPEN_BRACE)
      return this.fail(`expected an object, found ${found(this.charHere())}`, this.pos, '');
    this.pos++;
    this.skipWhitespace();
    let seen = false;
    while (this.charHere() !== CLOSE_BRACE) {
      const nameAt = this.pos;
      const name = this.memberName();
      if (name === undefined) return false;
      this.skipWhitespace();
      if (this.charHere() !== COLON)
        return this.fail(`expected ':' after member name, found ${found(this.charHere())}`, this.pos, '');
      this.pos++;
      this.skipWhitespace();
      const path = appendPathStep('', name);
      if (name === member) {
        // Two arrays under one name would make "which elements?" ambiguous: refuse (I-JSON).
        if (seen) return this.fail(`duplicate member name ${JSON.stringify(member)}`, nameAt, '');
        seen = true;
        if (!this.arrayElements(path)) return false;
      } else if (!this.skipValue(path)) return false;
      this.skipWhitespace();
      const c = this.charHere();
      if (c === CLOSE_BRACE) break;
      if (c !== COMMA)
        return this.fail(`expected ',' or '}' after a member value, found ${found(c)}`, this.pos, '');
      this.pos++;
      this.skipWhitespace();
      if (this.charHere() === CLOSE_BRACE) return this.fail('trailing comma', this.pos, '');
    }
    if (!seen) return this.fail(`no member ${JSON.stringify(member)} at top level`, this.pos, '');
    this.pos++;
    return true;
  }
}

/**
 * Spans of the elements of the top-level array, or of the array under top-level member `member`
 * (e.g. `entries` of an AgentMesh export, formats/agentmesh.md §6). Never throws.
 */
export function locateArrayElements(text: string, member?: string): LocateResult {
  const skimmer = new Skimmer(text);
  skimmer.skipWhitespace();
  let ok = member === undefined ? skimmer.arrayElements('') : skimmer.memberElements(member);
  if (ok) {
    skimmer.skipWhitespace();
    if (skimmer.pos < text.length) {
      ok = skimmer.fail(
        `unexpected character ${describeChar(skimmer.charHere())} after the JSON value`,
        skimmer.pos,
        '',
      );
    }
  }
  return ok ? { ok: true, spans: skimmer.spans } : { ok: false, error: skimmer.error, spans: skimmer.spans };
}
