/**
 * Lossless JSON values: numbers keep their source token, strings keep UTF-16 code units
 * (a lone surrogate escape stays a lone surrogate), objects keep every member.
 *
 * Why: every producer hashes a re-serialization of the parsed record, and JS numbers lose
 * integers above 2^53 and the int/float distinction (`1` vs `1.0`), see
 * ../shared/formats/README.md lesson 1.
 */

/** A JSON number kept as the exact token the producer wrote (`1.0`, `1e-05`, `9007199254740993`, `NaN`). */
export class JsonNumber {
  constructor(readonly token: string) {}

  /** True for an integer token: no fraction, no exponent, finite. */
  get isInteger(): boolean {
    return /^-?\d+$/.test(this.token);
  }

  /** True for the non-standard bare tokens Python writes with allow_nan: NaN, Infinity, -Infinity. */
  get isNonFinite(): boolean {
    return this.token === 'NaN' || this.token === 'Infinity' || this.token === '-Infinity';
  }

  /** The nearest IEEE-754 double (round half to even, as JSON.parse does). */
  toDouble(): number {
    if (this.token === 'NaN') return Number.NaN;
    if (this.token === 'Infinity') return Number.POSITIVE_INFINITY;
    if (this.token === '-Infinity') return Number.NEGATIVE_INFINITY;
    return Number(this.token);
  }

  /** The exact integer, for integer tokens only. */
  toBigInt(): bigint {
    return BigInt(this.token);
  }

  toString(): string {
    return this.token;
  }
}

/** An object with a null prototype; member names are the decoded strings. */
export interface JsonObject {
  [key: string]: JsonValue;
}

export type JsonArray = JsonValue[];

export type JsonValue = null | boolean | string | JsonNumber | JsonArray | JsonObject;

export function isJsonObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JsonNumber);
}

export function isJsonArray(v: JsonValue | undefined): v is JsonArray {
  return Array.isArray(v);
}

/** A new empty object with no prototype, so a member named `__proto__` is just data. */
export function emptyObject(): JsonObject {
  return Object.create(null) as JsonObject;
}
