/** The `delegation_path` JSON column: agent ids, root first, always valid JSON for DuckDB. */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * JSON array text of the ids. A lone surrogate becomes U+FFFD here because DuckDB's JSON type
 * rejects it; the `record` column still holds the producer's exact text.
 */
export function delegationPathJson(ids: readonly string[]): string {
  return JSON.stringify(ids.map((id) => id.replace(LONE_SURROGATE, '\uFFFD')));
}
