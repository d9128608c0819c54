/** Lone surrogates → U+FFFD (String.prototype.toWellFormed is ES2024; shared/ targets ES2023). */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A lone surrogate is legal in a JSON string (Python writes `\ud83d`, formats/agentmesh.md §9.18)
 * but has no UTF-8 form, so DuckDB VARCHAR and JSON columns cannot hold it. Derived columns get
 * U+FFFD; the `record` column keeps the producer's exact text.
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}
