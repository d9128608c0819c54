/** Source spans of the elements of a document's main array, found by a light scan that builds no values. */
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

class LocateError {
  constructor(
    readonly message: string,
    readonly offset: number,
    readonly path: string,
  ) {}
}

function found(c: number): string {
  return Number.isNaN(c) ? 'end of input' : describeChar(c);
}

/**
 * Skims structure only: brackets, strings and separators are checked, but scalars and the inside of
 * each element are not validated; parse each span with parseJson for that (it reports per element).
 */
class Skimmer {
  pos = 0;

  constructor(readonly text: string) {}

  skipWhitespace(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9) p++;
      else break;
    }
    this.pos = p;
  }

  /** Moves past a string starting at `pos` (a quote); returns false when it never ends. */
  skipString(): boolean {
    const t = this.text;
    let p = this.pos + 1;
    for (;;) {
      const q = t.indexOf('"', p);
      if (q === -1) return false;
      let slashes = 0;
      while (t.charCodeAt(q - 1 - slashes) === 92) slashes++;
      p = q + 1;
      if (slashes % 2 === 0) break;
    }
    this.pos = p;
    return true;
  }

  /** Moves past one value (iteratively, so nesting depth cannot exhaust the stack). */
  skipValue(path: string): void {
    const t = this.text;
    const start = this.pos;
    const c = t.charCodeAt(start);
    if (c === 34) {
      if (!this.skipString()) throw new LocateError('unterminated string', start, path);
      return;
    }
    if (c === 123 || c === 91) return this.skipContainer(path);
    let p = start;
    for (;;) {
      const d = t.charCodeAt(p);
      if (Number.isNaN(d) || d === 44 || d === 93 || d === 125 || d === 32 || d === 10 || d === 13 || d === 9)
        break;
      if (d === 34 || d === 123 || d === 91 || d === 58) break;
      p++;
    }
    if (p === start)
      throw new LocateError(
        Number.isNaN(c) ? 'unexpected end of input' : `unexpected character ${describeChar(c)}`,
        start,
        path,
      );
    this.pos = p;
  }

  skipContainer(path: string): void {
    const t = this.text;
    const closers: number[] = [];
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (Number.isNaN(c)) throw new LocateError('unexpected end of input', p, path);
      if (c === 34) {
        this.pos = p;
        if (!this.skipString()) throw new LocateError('unterminated string', p, path);
        p = this.pos;
        continue;
      }
      if (c === 123) closers.push(125);
      else if (c === 91) closers.push(93);
      else if (c === 125 || c === 93) {
        if (closers.pop() !== c) throw new LocateError(`unexpected character ${describeChar(c)}`, p, path);
        if (closers.length === 0) {
          this.pos = p + 1;
          return;
        }
      }
      p++;
    }
  }

  /** The decoded member name of the string at `pos` (rarely escaped, so JSON.parse on the slice is enough). */
  memberName(path: string): string {
    const start = this.pos;
    if (this.text.charCodeAt(start) !== 34) {
      throw new LocateError(
        `expected a member name in double quotes, found ${found(this.text.charCodeAt(start))}`,
        start,
        path,
      );
    }
    if (!this.skipString()) throw new LocateError('unterminated string', start, path);
    const raw = this.text.slice(start, this.pos);
    if (!raw.includes('\\')) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      throw new LocateError('invalid member name', start, path);
    }
  }

  /** Collects element spans of the array at `pos` into `spans`. */
  arrayElements(path: string, spans: ArraySpan[]): void {
    const t = this.text;
    if (t.charCodeAt(this.pos) !== 91) {
      throw new LocateError(`expected an array, found ${found(t.charCodeAt(this.pos))}`, this.pos, path);
    }
    this.pos++;
    this.skipWhitespace();
    if (t.charCodeAt(this.pos) === 93) {
      this.pos++;
      return;
    }
    for (;;) {
      const start = this.pos;
      this.skipValue(appendPathStep(path, spans.length));
      spans.push({ start, end: this.pos });
      this.skipWhitespace();
      const c = t.charCodeAt(this.pos);
      if (c === 93) {
        this.pos++;
        return;
      }
      if (c !== 44)
        throw new LocateError(
          `expected ',' or ']' after an array element, found ${found(c)}`,
          this.pos,
          path,
        );
      this.pos++;
      this.skipWhitespace();
      if (t.charCodeAt(this.pos) === 93) throw new LocateError('trailing comma', this.pos, path);
    }
  }

  /** Walks the top-level object; spans of the (single) array member named `member`. */
  memberElements(member: string, spans: ArraySpan[]): void {
    const t = this.text;
    if (t.charCodeAt(this.pos) !== 123)
      throw new LocateError(`expected an object, found ${found(t.charCodeAt(this.pos))}`, this.pos, '');
    this.pos++;
    this.skipWhitespace();
    let seen = false;
    if (t.charCodeAt(this.pos) === 125)
      throw new LocateError(`no member ${JSON.stringify(member)} at top level`, this.pos, '');
    for (;;) {
      const nameAt = this.pos;
      const name = this.memberName('');
      this.skipWhitespace();
      if (t.charCodeAt(this.pos) !== 58)
        throw new LocateError(
          `expected ':' after member name, found ${found(t.charCodeAt(this.pos))}`,
          this.pos,
          '',
        );
      this.pos++;
      this.skipWhitespace();
      const path = appendPathStep('', name);
      if (name === member) {
        // Two arrays under one name would make "which elements?" ambiguous: refuse (I-JSON).
        if (seen) throw new LocateError(`duplicate member name ${JSON.stringify(member)}`, nameAt, '');
        seen = true;
        this.arrayElements(path, spans);
      } else this.skipValue(path);
      this.skipWhitespace();
      const c = t.charCodeAt(this.pos);
      if (c === 125) break;
      if (c !== 44)
        throw new LocateError(`expected ',' or '}' after a member value, found ${found(c)}`, this.pos, '');
      this.pos++;
      this.skipWhitespace();
      if (t.charCodeAt(this.pos) === 125) throw new LocateError('trailing comma', this.pos, '');
    }
    this.pos++;
    if (!seen) throw new LocateError(`no member ${JSON.stringify(member)} at top level`, this.pos - 1, '');
  }
}

/**
 * Spans of the elements of the top-level array, or of the array under top-level member `member`
 * (e.g. `entries` of an AgentMesh export, formats/agentmesh.md §6). Never throws.
 */
export function locateArrayElements(text: string, member?: string): LocateResult {
  const skimmer = new Skimmer(text);
  const spans: ArraySpan[] = [];
  try {
    skimmer.skipWhitespace();
    if (member === undefined) skimmer.arrayElements('', spans);
    else skimmer.memberElements(member, spans);
    skimmer.skipWhitespace();
    if (skimmer.pos < text.length) {
      const c = text.charCodeAt(skimmer.pos);
      throw new LocateError(`unexpected character ${describeChar(c)} after the JSON value`, skimmer.pos, '');
    }
    return { ok: true, spans };
  } catch (err: unknown) {
    if (err instanceof LocateError)
      return { ok: false, error: { message: err.message, offset: err.offset, path: err.path }, spans };
    const reason = err instanceof Error ? err.message : 'unknown failure';
    return {
      ok: false,
      error: { message: `locate failure: ${reason}`, offset: skimmer.pos, path: '' },
      spans,
    };
  }
}
