/**
 * What identifies each family from content alone (member sets, hash field names, CloudEvents
 * `specversion` and `type` prefixes), per the format notes. One test per family over a record,
 * and one over a Parquet column list.
 */
import { isJsonObject, JsonNumber, type JsonObject, type JsonValue } from '../json/value';
import { AGENTMESH_CE_PREFIX } from './normalize/agentmeshShared';
import type { ProducerId } from './producers';

export interface Signature {
  producer: Exclude<ProducerId, 'mapped'>;
  /** Plain words for the evidence list. */
  describe: string;
  /** Top-level members (or Parquet columns) that must all be present. */
  members: readonly string[];
  /** Extra checks on a parsed record beyond the member set. */
  record?: (r: JsonObject) => boolean;
}

const has = (o: JsonValue | undefined, ...keys: string[]): boolean =>
  isJsonObject(o) && keys.every((k) => Object.hasOwn(o, k));

/** Member sets of formats/meshguard.md §2/§4 and formats/runtime-steps.md §2/§5. */
const isMeshguardEvent = (o: JsonValue | undefined): boolean =>
  has(o, 'event_id', 'timestamp', 'event_type', 'integrity') &&
  isJsonObject(o) &&
  has(o.integrity, 'prev', 'hash');
const isRuntimeStepsEvent = (o: JsonValue | undefined): boolean =>
  has(o, 'run_id', 'step_id', 'phase', 'decision', 'prev', 'hash', 'sig');
const typeOf = (r: JsonObject): string => (typeof r.type === 'string' ? r.type : '');

/** Most specific first: a record matching an earlier signature is not tested against later ones. */
export const SIGNATURES: readonly Signature[] = [
  {
    producer: 'agentmesh-sink',
    describe: 'AgentMesh FileAuditSink line: content_hash + HMAC signature (formats/agentmesh.md §5)',
    members: ['entry_id', 'agent_did', 'event_type', 'previous_hash', 'content_hash', 'signature'],
  },
  {
    producer: 'agentmesh-export',
    describe: 'AgentMesh export() entry: entry_hash chain (formats/agentmesh.md §6)',
    members: ['entry_id', 'agent_did', 'event_type', 'previous_hash', 'entry_hash'],
  },
  {
    producer: 'agentmesh-cloudevents',
    describe: `CloudEvents with type prefix ${AGENTMESH_CE_PREFIX} or the agentmeshentryhash extension (formats/agentmesh.md §6)`,
    members: ['specversion', 'id', 'type', 'source'],
    record: (r) => typeOf(r).startsWith(AGENTMESH_CE_PREFIX) || Object.hasOwn(r, 'agentmeshentryhash'),
  },
  {
    producer: 'meshguard-cloudevents',
    describe: 'CloudEvents whose data is a meshguard event with integrity (formats/meshguard.md §7)',
    members: ['specversion', 'id', 'type', 'source', 'data'],
    record: (r) => isMeshguardEvent(r.data),
  },
  {
    producer: 'runtime-steps-cloudevents',
    describe: 'CloudEvents whose data is a runtime-steps event (formats/runtime-steps.md §7)',
    members: ['specversion', 'id', 'type', 'source', 'data'],
    record: (r) => isRuntimeStepsEvent(r.data),
  },
  {
    producer: 'cloudevents',
    describe: 'CloudEvents 1.0 envelope from another producer (specversion, id, type, source)',
    members: ['specversion', 'id', 'type', 'source'],
  },
  {
    producer: 'meshguard',
    describe: 'meshguard audit event: integrity {prev, hash, sig} (formats/meshguard.md §2, §4)',
    members: ['event_id', 'timestamp', 'event_type', 'integrity'],
    record: isMeshguardEvent,
  },
  {
    producer: 'meshguard-siem',
    describe:
      'meshguard SIEM projection: flat record with a meshguard {event_id, …} member (formats/meshguard.md §6)',
    members: ['timestamp', 'event_type', 'severity', 'meshguard'],
    record: (r) => has(r.meshguard, 'event_id'),
  },
  {
    producer: 'runtime-steps',
    describe:
      'runtime-steps event: run_id, step_id, phase, per-run prev/hash, HMAC sig (formats/runtime-steps.md §2)',
    members: ['run_id', 'step_id', 'phase', 'decision', 'prev', 'hash', 'sig'],
  },
  {
    producer: 'gantz',
    describe: 'gantz event: event_hash chain over a float time.time() timestamp (formats/gantz.md)',
    members: ['event_id', 'event_type', 'timestamp', 'action', 'parameters', 'previous_hash', 'event_hash'],
    record: (r) => r.timestamp instanceof JsonNumber,
  },
];

/** The first signature a record satisfies, if any. */
export function signatureOfRecord(record: JsonValue): Signature | undefined {
  if (!isJsonObject(record)) return undefined;
  return SIGNATURES.find(
    (s) => s.members.every((m) => Object.hasOwn(record, m)) && (s.record?.(record) ?? true),
  );
}

/**
 * The first signature a Parquet column list satisfies. Columns cannot show what is inside `data`,
 * so CloudEvents copies match the generic `cloudevents` here and the rows say whose they are.
 */
export function signatureOfColumns(columns: readonly string[]): Signature | undefined {
  const set = new Set(columns);
  const needsData = (s: Signature): boolean =>
    s.members.includes('specversion') && s.producer !== 'cloudevents';
  return SIGNATURES.find((s) => !needsData(s) && s.members.every((m) => set.has(m)));
}
