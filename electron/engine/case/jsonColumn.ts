/**
 * Text for a DuckDB JSON column (`?::JSON`). JSON.stringify writes a lone surrogate as a `\ud800`
 * escape, which JSON allows and DuckDB's parser refuses ("no low surrogate in string"), so one
 * hostile value in a report, note or detection header would fail the whole statement — and with
 * it an import. Such strings are stored as derived columns store them (shared/ingest/wellFormed.ts):
 * lone surrogates become U+FFFD; the record itself keeps the producer's exact text.
 */
import { wellFormed } from '../../../shared/ingest/wellFormed';

function wellFormedKeys(value: object): object {
  const keys = Object.keys(value);
  if (keys.every((k) => wellFormed(k) === k)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormed(k), v as unknown]));
}

export function jsonColumnText(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) => {
    if (typeof v === 'string') return wellFormed(v);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return wellFormedKeys(v);
    return v;
  });
}
