/** Runs a user-defined Mapping over one record: the `mapped` producer's mapper. */
import { isJsonArray, isJsonObject, JsonNumber, type JsonValue } from '../json/value';
import type { CanonicalEvent } from './canonicalEvent';
import { decisionFromWord, type Decision } from './decision';
import { valueAtPath } from './jsonPath';
import { fieldSpecOf, type MappableColumn, type Mapping, type Transform } from './mapping';
import { delegationPathJson } from './normalize/delegationPath';
import { READER_NOTES } from './normalize/reader';
import { failure, success, type MapResult } from './normalize/types';
import { normalizeEpoch, normalizeTimeText, normalizeTimeValue, type TimeResult } from './time';

const INTEGER_COLUMNS: ReadonlySet<MappableColumn> = new Set(['step', 'delegation_depth']);
const EPOCH_UNITS = {
  'epoch-seconds': 'seconds',
  'epoch-millis': 'millis',
  'epoch-micros': 'micros',
  'epoch-nanos': 'nanos',
} as const;
const INT64_MAX = 2n ** 63n - 1n;

export const MAPPING_NOTES = {
  unmappedDecision:
    'a mapped decision word is neither in the mapping decisionMap nor a known decision word; decision left empty, decision_raw kept',
} as const;

export function applyMapping(mapping: Mapping, record: JsonValue): MapResult {
  if (!isJsonObject(record)) return failure('', `expected a JSON object for mapping "${mapping.name}"`);
  for (const path of mapping.match?.requiredFields ?? []) {
    const v = valueAtPath(record, path);
    if (v === undefined || v === null)
      return failure(path, `mapping "${mapping.name}" requires field ${path}, which is missing`);
  }
  const tsSpec = mapping.fields.ts;
  if (tsSpec === undefined)
    return failure('ts', `mapping "${mapping.name}" names no source for ts (the time is required)`);
  const notes = new Set<string>();
  const ts = mapTime(fieldSpecOf(tsSpec), record);
  if (!ts.ok) return failure(ts.field, ts.reason);
  if (ts.note) notes.add(ts.note);

  const event: CanonicalEvent = { producer: 'mapped', ts: ts.iso, ts_raw: ts.raw };
  const target = event as unknown as Record<string, string | bigint | undefined>;
  for (const [column, spec] of Object.entries(mapping.fields) as [
    MappableColumn,
    (typeof mapping.fields)[MappableColumn],
  ][]) {
    if (column === 'ts' || spec === undefined) continue;
    const { path, value, transform } = fieldSpecOf(spec);
    const source = value ?? (path === undefined ? undefined : valueAtPath(record, path));
    if (source === undefined || source === null) continue;
    if (INTEGER_COLUMNS.has(column)) target[column] = integerOf(source, notes);
    else if (column === 'delegation_path') target[column] = pathJsonOf(source, notes);
    else if (column === 'decision') {
      const d = decisionOf(source, mapping, transform, notes);
      event.decision = d.decision;
      // An explicitly mapped decision_raw wins over the word the decision was read from.
      if (mapping.fields.decision_raw === undefined) event.decision_raw = d.decision_raw;
    } else target[column] = textOf(source, transform, notes);
  }
  return success(event, notes.size > 0 ? [...notes] : undefined);
}

function mapTime(
  spec: { path?: string; value?: string; transform?: Transform },
  record: JsonValue,
): (TimeResult & { ok: true; raw: string }) | { ok: false; reason: string; field: string } {
  const field = spec.path ?? 'ts';
  const source = spec.value ?? (spec.path === undefined ? undefined : valueAtPath(record, spec.path));
  if (source === undefined || source === null)
    return { ok: false, field, reason: `time field ${field} is missing` };
  const raw = source instanceof JsonNumber ? source.token : typeof source === 'string' ? source : undefined;
  if (raw === undefined)
    return { ok: false, field, reason: `time field ${field} holds neither text nor a number` };
  const unit =
    spec.transform !== undefined && spec.transform in EPOCH_UNITS
      ? EPOCH_UNITS[spec.transform as keyof typeof EPOCH_UNITS]
      : undefined;
  const t = unit
    ? normalizeEpoch(raw, unit)
    : typeof source === 'string'
      ? normalizeTimeText(source)
      : normalizeTimeValue(source);
  return t.ok ? { ...t, raw } : { ok: false, field, reason: `time field ${field}: ${t.reason}` };
}

function textOf(source: JsonValue, transform: Transform | undefined, notes: Set<string>): string | undefined {
  let text: string;
  if (typeof source === 'string') text = source;
  else if (typeof source === 'boolean') text = source ? 'true' : 'false';
  else if (source instanceof JsonNumber) text = source.token;
  else {
    notes.add(READER_NOTES.notText);
    return undefined;
  }
  if (transform === 'lowercase') return text.toLowerCase();
  if (transform === 'uppercase') return text.toUpperCase();
  if (transform === 'trim') return text.trim();
  return text;
}

function integerOf(source: JsonValue, notes: Set<string>): bigint | undefined {
  const token = source instanceof JsonNumber ? source.token : typeof source === 'string' ? source.trim() : '';
  if (/^-?\d{1,20}$/.test(token)) {
    const n = BigInt(token);
    if (n <= INT64_MAX && n >= -INT64_MAX - 1n) return n;
  }
  notes.add(READER_NOTES.notInteger);
  return undefined;
}

function pathJsonOf(source: JsonValue, notes: Set<string>): string | undefined {
  if (isJsonArray(source) && source.every((s): s is string => typeof s === 'string'))
    return delegationPathJson(source);
  notes.add(READER_NOTES.notText);
  return undefined;
}

/** decisionMap first (own members only: a source word `constructor` is just a word), then the built-in vocabulary. */
function decisionOf(
  source: JsonValue,
  mapping: Mapping,
  transform: Transform | undefined,
  notes: Set<string>,
): { decision?: Decision; decision_raw?: string } {
  const raw = textOf(source, transform, notes);
  if (raw === undefined) return {};
  const map = mapping.decisionMap;
  const decision = map && Object.hasOwn(map, raw) ? map[raw] : decisionFromWord(raw);
  if (decision === undefined) notes.add(MAPPING_NOTES.unmappedDecision);
  return decision === undefined ? { decision_raw: raw } : { decision, decision_raw: raw };
}
