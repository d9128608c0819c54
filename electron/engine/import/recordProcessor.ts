/**
 * Turns raw records into event rows or quarantine rows. Nothing is dropped: a record that is
 * not UTF-8, does not parse, or lacks a required field is kept byte for byte in quarantine
 * with its line, offset and the reason (issue #3, bad input).
 */
import { parseJson } from '../../../shared/json/parse';
import type { Mapping } from '../../../shared/ingest/mapping';
import type { JsonValue } from '../../../shared/json/value';
import type { Ingest } from './ingest';
import type { RawRecord } from './textRecords';
import type { EventStaging } from './eventStaging';
import type { TableWriter } from './rowWriter';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type Parsed =
  | { ok: true; text: string; value: JsonValue }
  | { ok: false; text: string | null; reason: string; field: string | null };

/** Decodes and parses one record; a torn last line says so in its reason. */
export function parseRecord(record: RawRecord): Parsed {
  if (record.problem) return { ok: false, text: null, reason: record.problem.reason, field: record.problem.field };
  let text: string;
  try {
    text = utf8.decode(record.bytes);
  } catch {
    return { ok: false, text: null, reason: 'not valid UTF-8', field: null };
  }
  const parsed = parseJson(text, { allowNonFinite: true });
  if (!parsed.ok) {
    const torn = record.unterminated ? 'torn last line (no newline; the writer may have crashed): ' : '';
    return { ok: false, text, reason: `${torn}${parsed.error.message}`, field: parsed.error.path || null };
  }
  return { ok: true, text, value: parsed.value };
}

export interface ProcessorCounts {
  records: number;
  quarantined: number;
  notes: Set<string>;
}

export class RecordProcessor {
  readonly counts: ProcessorCounts = { records: 0, quarantined: 0, notes: new Set() };

  constructor(
    private readonly ingest: Ingest,
    private readonly producer: string,
    private readonly archiveId: string,
    private readonly events: EventStaging,
    private readonly quarantine: TableWriter,
    private nextRowId: bigint,
    private readonly mapping?: Mapping,
  ) {}

  get rowIdAfterLast(): bigint {
    return this.nextRowId;
  }

  add(record: RawRecord, parsed: Parsed = parseRecord(record)): void {
    if (!parsed.ok) return this.reject(record, parsed.reason, parsed.field);
    const outcome = this.ingest.normalize(this.producer, parsed.value, record.entryIndex, this.mapping);
    if (!outcome.ok) return this.reject(record, outcome.reason, outcome.field);
    for (const note of outcome.notes ?? []) this.counts.notes.add(note);
    this.events.add(
      this.nextRowId,
      this.archiveId,
      record.entryIndex,
      record.line > 0 ? record.line : null,
      record.byteOffset >= 0 ? record.byteOffset : null,
      record.bytes.length,
      parsed.text,
      outcome.cells,
    );
    this.nextRowId += 1n;
    this.counts.records += 1;
  }

  private reject(record: RawRecord, reason: string, field: string | null): void {
    this.quarantine.append([
      this.archiveId,
      record.entryIndex,
      record.line > 0 ? record.line : null,
      record.byteOffset >= 0 ? record.byteOffset : null,
      record.bytes.length,
      record.bytes,
      reason,
      field,
    ]);
    this.counts.quarantined += 1;
  }
}
