/**
 * Reads gantz's published anchor (`anchors.json`: line_count, first_event_id, head_event_hash;
 * formats/gantz.md) into a ChainAnchor for the whole log (`*`). ChainAnchor has no slot for a
 * first record id, so first_event_id is returned beside it for the caller to show or compare.
 */
import { isJsonObject, JsonNumber, type JsonValue } from '../../json/value';
import type { ChainAnchor } from '../types';

export type GantzAnchorsResult =
  { ok: true; anchors: ChainAnchor[]; firstEventId?: string } | { ok: false; reason: string };

export function isGantzAnchorsFile(doc: JsonValue): boolean {
  return isJsonObject(doc) && typeof doc.head_event_hash === 'string';
}

export function gantzAnchorsFromPublished(doc: JsonValue, chain = '*'): GantzAnchorsResult {
  if (!isJsonObject(doc) || typeof doc.head_event_hash !== 'string')
    return { ok: false, reason: 'not a gantz anchors file (no head_event_hash)' };
  const lines = doc.line_count;
  const anchor: ChainAnchor = { chain, head: doc.head_event_hash };
  if (lines instanceof JsonNumber && lines.isInteger && Number.isSafeInteger(lines.toDouble()))
    anchor.count = lines.toDouble();
  const first = doc.first_event_id;
  return { ok: true, anchors: [anchor], ...(typeof first === 'string' ? { firstEventId: first } : {}) };
}
