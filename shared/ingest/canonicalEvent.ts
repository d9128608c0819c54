/**
 * Casefile's canonical event: the analysts' SQL API (issue #3, "Normalized schema"). The engine
 * creates the `events` table from CANONICAL_COLUMNS and the docs generator writes docs/schema.md
 * from the same array (canonicalColumns.ts), so a column, its type and its meaning are stated once.
 */
import { CANONICAL_COLUMNS } from './canonicalColumns';
import type { Decision } from './decision';
import type { ProducerId } from './producers';
import { wellFormed } from './wellFormed';

/**
 * One normalized record. Property names are the SQL column names. Text is copied as the producer
 * wrote it (no trimming, no case folding) except where a description says otherwise; integers are
 * bigint so values above 2^53 never pass through a JS number.
 */
export interface CanonicalEvent {
  producer: ProducerId;
  ts: string;
  ts_raw: string;
  event_id?: string;
  event_type?: string;
  agent_id?: string;
  agent_name?: string;
  trust_tier?: string;
  actor?: string;
  user_id?: string;
  tenant?: string;
  run_id?: string;
  step?: bigint;
  phase?: string;
  action?: string;
  action_key?: string;
  resource?: string;
  target?: string;
  decision?: Decision;
  decision_raw?: string;
  outcome?: string;
  reason?: string;
  severity?: string;
  policy_id?: string;
  policy_version?: string;
  matched_rule?: string;
  scope?: string;
  approver?: string;
  delegator?: string;
  delegate?: string;
  delegation_depth?: bigint;
  delegation_chain_id?: string;
  delegation_root?: string;
  /** JSON array text of agent ids, root first, the acting agent last. */
  delegation_path?: string;
  data_subject?: string;
  data_classification?: string;
  trace_id?: string;
  session_id?: string;
  client_ip?: string;
  source?: string;
  subject?: string;
  record_hash?: string;
  prev_hash?: string;
}

export type CanonicalColumnName = keyof CanonicalEvent;

export { CANONICAL_COLUMNS, type CanonicalColumn } from './canonicalColumns';

// Every property of CanonicalEvent has a column and no column lacks a property (checked at compile time).
type Listed = (typeof CANONICAL_COLUMNS)[number]['name'];
type Unlisted = Exclude<CanonicalColumnName, Listed>;
const everyPropertyHasAColumn: [Unlisted] extends [never] ? true : Unlisted = true;
void everyPropertyHasAColumn;

/**
 * The event as cells in CANONICAL_COLUMNS order: text, bigints as decimal text, absent members as
 * null. A lone surrogate (legal in JSON, not representable in UTF-8 or a DuckDB VARCHAR) becomes
 * U+FFFD in the cell; the `record` column keeps the producer's exact text.
 */
export function canonicalCells(event: CanonicalEvent): (string | null)[] {
  return CANONICAL_COLUMNS.map((column) => {
    const value = event[column.name];
    if (value === undefined) return null;
    return typeof value === 'bigint' ? value.toString() : wellFormed(value);
  });
}
