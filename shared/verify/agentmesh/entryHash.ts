/**
 * The in-memory `entry_hash` input (formats/agentmesh.md §2): exactly 9 members, hashed as
 * json.dumps(sort_keys=True). Timestamps must be `datetime.isoformat()` text, so the text each
 * serializer wrote is mapped back first (§1, §6).
 */
import { emptyObject, type JsonObject, type JsonValue } from '../../json/value';

/** The members of AuditEntry.compute_hash (formats/agentmesh.md §2). */
export const ENTRY_HASH_FIELDS = [
  'entry_id',
  'timestamp',
  'event_type',
  'agent_did',
  'action',
  'resource',
  'data',
  'outcome',
  'previous_hash',
] as const;

export type EntryHashField = (typeof ENTRY_HASH_FIELDS)[number];

/** Fields of an exported entry that no hash covers (formats/README.md lesson 4). */
export const ENTRY_UNCOVERED_FIELDS = [
  'target_did',
  'policy_decision',
  'matched_rule',
  'trace_id',
  'session_id',
  'arguments_hash',
  'approver_did',
  'policy_version',
  'issued_at',
  'completed_at',
  'sandbox_id',
  'environment',
  'compute_driver',
] as const;

/** AuditEntry defaults for members an exported entry leaves out (formats/agentmesh.md §2). */
const DEFAULTS: Partial<Record<EntryHashField, () => JsonValue>> = {
  resource: () => null,
  data: () => emptyObject(),
  outcome: () => 'success',
  previous_hash: () => '',
};

export function buildEntryHashInput(values: Partial<Record<EntryHashField, JsonValue>>): JsonObject {
  const input = emptyObject();
  for (const field of ENTRY_HASH_FIELDS) {
    const value = values[field];
    input[field] = value !== undefined ? value : (DEFAULTS[field]?.() ?? null);
  }
  return input;
}

/**
 * `isoformat()` text from an exported timestamp: `default=str` writes a space at position 10,
 * pydantic writes `Z` for UTC and may trim the fraction; isoformat has `T`, `+00:00` and
 * exactly 6 fraction digits when there is a fraction (formats/agentmesh.md §1, §6).
 */
export function isoformatFromExport(value: JsonValue): JsonValue {
  if (typeof value !== 'string') return value;
  let text = value.length > 10 && value[10] === ' ' ? `${value.slice(0, 10)}T${value.slice(11)}` : value;
  if (text.endsWith('Z')) text = `${text.slice(0, -1)}+00:00`;
  return text.replace(
    /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.)(\d{1,5})(?=$|[+-]\d{2}:\d{2}$)/,
    (_m, head: string, frac: string) => head + frac.padEnd(6, '0'),
  );
}

/** The hash input of one exported entry (`export()` JSON, Parquet row): AuditEntry defaults for missing members. */
export function exportEntryHashInput(entry: JsonObject): JsonObject {
  const values: Partial<Record<EntryHashField, JsonValue>> = {};
  for (const field of ENTRY_HASH_FIELDS) {
    if (!Object.hasOwn(entry, field)) continue;
    values[field] =
      field === 'timestamp' ? isoformatFromExport(entry[field] ?? null) : (entry[field] ?? null);
  }
  return buildEntryHashInput(values);
}
