/**
 * One exported AuditEntry (`model_dump()` in an export document, or a Parquet row rebuilt into
 * the same shape) as a chain item: its 9-member hash input, stored entry_hash and previous_hash.
 */
import { isJsonObject, type JsonValue } from '../../json/value';
import type { NumberMode } from '../chain/pythonHash';
import type { UnreadableRecord } from '../chain/records';
import { ENTRY_HASH_FIELDS, ENTRY_UNCOVERED_FIELDS, exportEntryHashInput } from './entryHash';
import type { MeshItem } from './meshChain';
import { positionOf } from '../chain/position';

/** Every member `model_dump()` writes (formats/agentmesh.md §6): the 9 hashed, entry_hash, the 13 uncovered. */
export const EXPORT_ENTRY_MEMBERS: ReadonlySet<string> = new Set<string>([
  ...ENTRY_HASH_FIELDS,
  'entry_hash',
  ...ENTRY_UNCOVERED_FIELDS,
]);

export function notAnObject(entryIndex: number, line: number | undefined, what: string): UnreadableRecord {
  const at = positionOf({ entryIndex, line });
  return {
    ok: false,
    ...at,
    finding: { kind: 'parse_error', ...at, detail: `${what} is not a JSON object` },
  };
}

export function exportEntryItem(value: JsonValue, entryIndex: number, line?: number): MeshItem {
  if (!isJsonObject(value)) return notAnObject(entryIndex, line, 'the entry');
  return {
    ok: true,
    ...positionOf({ entryIndex, line }),
    candidates: [exportEntryHashInput(value)],
    storedHash: value.entry_hash,
    previousHash: Object.hasOwn(value, 'previous_hash') ? value.previous_hash : '',
    data: value.data,
    findings: [],
  };
}

/**
 * Which serializer wrote the file: `default=str` leaves Python's float tokens intact (copy
 * them); pydantic re-renders floats (`3.1e-05` → `0.000031`), so they are re-rendered with
 * Python repr. A space at position 10 of a timestamp is the `str()` form.
 */
export function exportNumberMode(entries: readonly JsonValue[]): NumberMode {
  for (const e of entries) {
    const ts = isJsonObject(e) ? e.timestamp : undefined;
    if (typeof ts === 'string' && ts.length > 10) return ts[10] === ' ' ? 'token' : 'python-repr';
  }
  return 'token';
}
