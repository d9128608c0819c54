/** Binds the pure ingest logic (shared/ingest) to the importer's Ingest interface. */
import { CANONICAL_COLUMNS, canonicalCells } from '../../../shared/ingest/canonicalEvent';
import { detectFamily } from '../../../shared/ingest/detect';
import { normalizeRecord } from '../../../shared/ingest/normalize';
import { isProducerId, PRODUCER_IDS } from '../../../shared/ingest/producers';
import { suggestMapping } from '../../../shared/ingest/suggestMapping';
import type { Ingest } from './ingest';

export function createIngest(): Ingest {
  return {
    columns: CANONICAL_COLUMNS,
    producers: PRODUCER_IDS,
    detect: (input) => detectFamily(input),
    suggestMapping: (sample) => suggestMapping(sample),
    normalize(producer, record, entryIndex, mapping) {
      if (!isProducerId(producer)) return { ok: false, reason: `unknown producer ${producer}`, field: '' };
      const result = normalizeRecord(producer, record, { entryIndex, ...(mapping ? { mapping } : {}) });
      if (!result.ok) return result;
      return result.notes
        ? { ok: true, cells: canonicalCells(result.event), notes: result.notes }
        : { ok: true, cells: canonicalCells(result.event) };
    },
  };
}
