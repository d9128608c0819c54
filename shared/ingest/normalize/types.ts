/** The contract every family mapper follows: one record in, one canonical event or one reason out. */
import type { JsonValue } from '../../json/value';
import type { CanonicalEvent } from '../canonicalEvent';

export interface MapContext {
  /** 0-based position of the record in its archive (line, array index or row). */
  entryIndex: number;
}

/** Why a record goes to quarantine; `field` is the dotted path concerned (`timestamp`, `data.id`). */
export interface MapFailure {
  ok: false;
  reason: string;
  field: string;
}

export type MapResult =
  | {
      ok: true;
      event: CanonicalEvent;
      /** Constant sentences for the import report (e.g. a non-RFC-3339 time was accepted). */
      notes?: string[];
    }
  | MapFailure;

export type Mapper = (record: JsonValue, ctx: MapContext) => MapResult;

export function failure(field: string, reason: string): MapFailure {
  return { ok: false, reason, field };
}

export function isFailure(value: unknown): value is MapFailure {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

/** A successful result with undefined members dropped (absent = SQL NULL) and the reader's notes attached. */
export function success(event: CanonicalEvent, notes: string[] | undefined): MapResult {
  // A plain loop: Object.entries/fromEntries cost more than all the field reads of a record.
  const clean: Record<string, unknown> = {};
  for (const key of Object.keys(event)) {
    const value = (event as unknown as Record<string, unknown>)[key];
    if (value !== undefined) clean[key] = value;
  }
  const done = clean as unknown as CanonicalEvent;
  return notes ? { ok: true, event: done, notes } : { ok: true, event: done };
}
