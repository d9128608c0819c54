/**
 * Turns raw records into event rows or quarantine rows. Nothing is dropped: a record that is
 * not UTF-8, does not parse, or lacks a required field is kept byte for byte in quarantine
 * with its line, offset and the reason (issue #3, bad input).
 */
import { parseJson } from '../../../shared/json/parse';
import type { Mapping } from '../../../shared/ingest/mapping';
import type { JsonValue } from '../../../shared/json/value';
import type { EventStaging } from './eventStaging';
import type { NormalizerPool } from './normalizerPool';
import type { TableWriter } from './rowWriter';
import type { RawRecord } from './textRecords';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type Parsed =
  | { ok: true; text: string; value: JsonValue }
  | { ok: false; text: string | null; reason: string; field: string | null };

/** Decodes and parses one record; a torn last line says so in its reason. */
export function parseRecord(record: RawRecord): Parsed {
  if (record.problem)
    return { ok: false, text: null, reason: record.problem.reason, field: record.problem.field };
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

const IN_FLIGHT_PER_THREAD = 2;

/**
 * Feeds batches through the normalizer pool, keeping a bounded number in flight, and writes
 * each result: events to the staging file, rejects (with their original bytes) to quarantine.
 */
export class RecordProcessor {
  readonly counts: ProcessorCounts = { records: 0, quarantined: 0, notes: new Set() };
  private readonly inFlight = new Set<Promise<void>>();
  private entryCount = 0;

  constructor(
    private readonly pool: NormalizerPool,
    private readonly producer: string,
    private readonly archiveId: string,
    private readonly events: EventStaging,
    private readonly quarantine: TableWriter,
    private readonly mapping?: Mapping,
  ) {}

  /** One past the highest entry index handed in: the file's row ids run below firstRowId + this. */
  get entries(): number {
    return this.entryCount;
  }

  async addBatch(records: RawRecord[]): Promise<void> {
    if (records.length === 0) return;
    for (const r of records) if (r.entryIndex >= this.entryCount) this.entryCount = r.entryIndex + 1;
    while (this.inFlight.size >= IN_FLIGHT_PER_THREAD * Math.max(this.pool.threads, 1))
      await Promise.race(this.inFlight);
    const job = this.pool
      .run({
        producer: this.producer,
        archiveId: this.archiveId,
        records,
        ...(this.mapping ? { mapping: this.mapping } : {}),
      })
      .then((result) => {
        this.events.addRows(result.rows, result.events, result.longestRow, result.filled);
        this.counts.records += result.events;
        for (const note of result.notes) this.counts.notes.add(note);
        for (const r of result.rejects) {
          const record = records[r.index];
          if (record) this.reject(record, r.reason, r.field);
        }
      });
    const tracked = job.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  /** Waits for every batch in flight. */
  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
  }

  private reject(record: RawRecord, reason: string, field: string | null): void {
    this.quarantine.append([
      this.archiveId,
      record.entryIndex,
      record.line > 0 ? record.line : null,
      record.byteOffset >= 0 ? record.byteOffset : null,
      record.fullLength ?? record.bytes.length,
      record.bytes,
      reason,
      field,
    ]);
    this.counts.quarantined += 1;
  }
}
