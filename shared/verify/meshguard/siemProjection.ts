/**
 * The SIEM projection of an audit event (formats/meshguard.md §6) and the comparison of a SIEM
 * record with it. A value whose source member is absent is `null` (the SIEM form writes nulls).
 */
import { emptyObject, isJsonObject, JsonNumber, type JsonObject, type JsonValue } from '../../json/value';

function member(obj: JsonValue | undefined, name: string): JsonValue {
  return isJsonObject(obj) ? (obj[name] ?? null) : null;
}

function str(v: JsonValue): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

const ANOMALY_SEVERITY: Readonly<Record<string, string>> = {
  low: 'notice',
  medium: 'warning',
  high: 'error',
  critical: 'critical',
};

/** S(E) of §6; null when the event type or the member it depends on is unknown. */
export function siemSeverity(e: JsonObject): string | null {
  switch (str(e.event_type ?? null) ?? '') {
    case 'policy_decision':
    case 'delegation_start':
      return member(e.decision, 'effect') === 'deny' ? 'warning' : 'info';
    case 'context_access': {
      const c = member(e.context, 'data_classification');
      return c === 'pii' || c === 'phi' ? 'notice' : 'info';
    }
    case 'anomaly_detected':
      return ANOMALY_SEVERITY[str(member(e.anomaly, 'severity')) ?? ''] ?? null;
    case 'policy_update':
      return 'notice';
    case 'agent_lifecycle': {
      const change = member(e.lifecycle, 'change_type');
      return change === 'suspended' || change === 'revoked' ? 'warning' : 'info';
    }
    case 'delegation_end':
      return 'info';
    default:
      return null;
  }
}

function object(entries: [string, JsonValue][]): JsonObject {
  const out = emptyObject();
  for (const [k, v] of entries) out[k] = v;
  return out;
}

export function siemProjection(e: JsonObject): JsonObject {
  const decisionPolicy = member(e.decision, 'policy_id');
  const depth = member(e.delegation, 'depth');
  const tags = member(e.agent, 'tags');
  return object([
    ['timestamp', e.timestamp ?? null],
    ['source', 'meshguard'],
    ['event_type', e.event_type ?? null],
    ['severity', siemSeverity(e)],
    [
      'meshguard',
      object([
        ['event_id', e.event_id ?? null],
        ['agent_id', member(e.agent, 'id')],
        ['agent_name', member(e.agent, 'name')],
        ['trust_tier', member(e.agent, 'trust_tier')],
        ['action', member(e.action, 'type')],
        ['resource', member(e.action, 'resource')],
        ['decision', member(e.decision, 'effect')],
        ['policy_id', decisionPolicy !== null ? decisionPolicy : member(e.policy, 'policy_id')],
        ['delegation_depth', depth !== null ? depth : new JsonNumber('0')],
        ['evaluation_time_ms', member(e.decision, 'evaluation_time_ms')],
      ]),
    ],
    ['tags', tags !== null ? tags : []],
  ]);
}

function sameValue(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a instanceof JsonNumber && b instanceof JsonNumber) return a.toDouble() === b.toDouble();
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isJsonObject(a) && isJsonObject(b)) return projectionDifferences(a, b).length === 0;
  return a === b;
}

export interface FieldDifference {
  field: string;
  expected: JsonValue | undefined;
  actual: JsonValue | undefined;
}

/** Every dotted field where `record` differs from `projection` (missing and extra members included). */
export function projectionDifferences(
  projection: JsonObject,
  record: JsonObject,
  prefix = '',
): FieldDifference[] {
  const out: FieldDifference[] = [];
  const names = new Set([...Object.keys(projection), ...Object.keys(record)]);
  for (const name of names) {
    const expected = projection[name];
    const actual = record[name];
    const field = prefix === '' ? name : `${prefix}.${name}`;
    if (isJsonObject(expected) && isJsonObject(actual)) {
      out.push(...projectionDifferences(expected, actual, field));
    } else if (!sameValue(expected, actual)) {
      out.push({ field, expected, actual });
    }
  }
  return out;
}
