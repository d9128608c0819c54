/** The `delegation_path` JSON column: agent ids, root first, always valid JSON for DuckDB. */
import { wellFormed } from '../wellFormed';

/** JSON array text of the ids (lone surrogates replaced: DuckDB's JSON type rejects their escapes). */
export function delegationPathJson(ids: readonly string[]): string {
  return JSON.stringify(ids.map(wellFormed));
}
