/** A record's place in its file, as findings carry it (types.ts Finding: entryIndex, line). */

export interface Position {
  /** 0-based: non-blank line for JSONL, array index for JSON documents, row for Parquet. */
  entryIndex: number;
  /** 1-based line where the record starts; absent for Parquet. */
  line?: number;
}

/** Just the position members of `r` (no `line: undefined` member, which the report contract omits). */
export function positionOf(r: { entryIndex: number; line?: number | undefined }): Position {
  return r.line === undefined ? { entryIndex: r.entryIndex } : { entryIndex: r.entryIndex, line: r.line };
}
