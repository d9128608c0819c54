/** What the importer needs from the pure ingest logic (shared/ingest): columns, detection, mapping. */
import type { Mapping } from '../../../shared/ingest/mapping';
import type { JsonValue } from '../../../shared/json/value';

export interface Detection {
  producer: string;
  confidence: 'certain' | 'likely' | 'unknown' | 'override';
  evidence: string[];
}

export type NormalizeOutcome =
  { ok: true; cells: (string | null)[]; notes?: string[] } | { ok: false; reason: string; field: string };

export interface Ingest {
  /** Canonical columns after the provenance columns, in table order. */
  columns: readonly { name: string; sqlType: string }[];
  detect(input: {
    container: 'jsonl' | 'json' | 'parquet';
    sample: JsonValue[];
    parquetColumns?: string[];
    parquetKvMetadata?: Record<string, string>;
  }): Detection;
  /** Producer ids a user may name with `--producer`. */
  producers: readonly string[];
  /** `mapping` is used for the `mapped` producer (a user's field mapping, or one suggested from the sample). */
  normalize(producer: string, record: JsonValue, entryIndex: number, mapping?: Mapping): NormalizeOutcome;
  /** A starting mapping for an unknown producer, guessed from field names and value shapes. */
  suggestMapping(sample: JsonValue[]): Mapping;
}
