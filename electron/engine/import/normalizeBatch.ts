/**
 * The per-record work of an import, done a batch at a time so it can run in worker threads:
 * decode, parse losslessly, normalize, and render the event's staging row. Records that fail go
 * back as rejects (index, reason, field) for the quarantine table; nothing is dropped.
 */
import type { Mapping } from '../../../shared/ingest/mapping';
import type { Ingest } from './ingest';
import { parseRecord } from './recordProcessor';
import type { RawRecord } from './textRecords';

export interface BatchJob {
  producer: string;
  mapping?: Mapping;
  archiveId: string;
  records: RawRecord[];
}

export interface BatchResult {
  /** Staging rows (JSON Lines), one per event, ordered by entry index within the batch. */
  rows: string;
  events: number;
  /** Length of the longest row, in UTF-16 units (EventStaging sizes its reader by it). */
  longestRow: number;
  /** Indexes of the canonical columns some event of the batch fills (EventStaging asks the case for them). */
  filled: number[];
  /** Positions in the batch of records to quarantine. */
  rejects: { index: number; reason: string; field: string | null }[];
  notes: string[];
}

const CELL_KEYS = Array.from({ length: 256 }, (_, i) => `,"c${i}":`);

/**
 * One staging row: provenance, the exact record text, canonical cells as c0…cN (absent = NULL).
 * Built as text: JSON.stringify of an object with dynamic keys was the import's hottest line.
 */
export function stagingRow(archiveId: string, r: RawRecord, cells: readonly (string | null)[]): string {
  // The record's bytes travel as base64 (one native call; JSON-escaping the text cost ~5 µs per
  // record) and DuckDB decodes them back to the identical text (eventStaging.ts).
  const b64 = Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.length).toString('base64');
  let row = `{"a":${JSON.stringify(archiveId)},"e":${r.entryIndex},"l":${r.line > 0 ? r.line : 'null'},"o":${r.byteOffset >= 0 ? r.byteOffset : 'null'},"n":${r.bytes.length},"t":"${b64}"`;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell !== null && cell !== undefined) row += `${CELL_KEYS[i] ?? `,"c${i}":`}${JSON.stringify(cell)}`;
  }
  return `${row}}`;
}

/**
 * Records above this size stay in quarantine whole (with their bytes) rather than as events: the
 * record travels to DuckDB as base64 (4/3 of its size), and the staging reader's buffers grow
 * with the longest row it must hold (eventStaging.ts).
 */
export const MAX_EVENT_RECORD_BYTES = 16 * 1024 * 1024;

export function normalizeBatch(job: BatchJob, ingest: Ingest): BatchResult {
  const rows: string[] = [];
  const rejects: BatchResult['rejects'] = [];
  const notes = new Set<string>();
  const filled = new Set<number>();
  let longestRow = 0;
  job.records.forEach((record, index) => {
    if (record.bytes.length > MAX_EVENT_RECORD_BYTES) {
      rejects.push({
        index,
        reason: `record of ${record.bytes.length} bytes is larger than ${MAX_EVENT_RECORD_BYTES} bytes: kept whole in quarantine`,
        field: null,
      });
      return;
    }
    const parsed = parseRecord(record);
    if (!parsed.ok) {
      rejects.push({ index, reason: parsed.reason, field: parsed.field });
      return;
    }
    const outcome = ingest.normalize(job.producer, parsed.value, record.entryIndex, job.mapping);
    if (!outcome.ok) {
      rejects.push({ index, reason: outcome.reason, field: outcome.field || null });
      return;
    }
    for (const note of outcome.notes ?? []) notes.add(note);
    outcome.cells.forEach((cell, i) => {
      if (cell !== null) filled.add(i);
    });
    const row = stagingRow(job.archiveId, record, outcome.cells);
    longestRow = Math.max(longestRow, row.length);
    rows.push(row);
  });
  return {
    rows: rows.length > 0 ? `${rows.join('\n')}\n` : '',
    events: rows.length,
    longestRow,
    filled: [...filled],
    rejects,
    notes: [...notes],
  };
}

/** Packs records into one buffer plus a metadata array, so a batch crosses to a worker in two copies. */
export interface PackedBatch {
  buf: Uint8Array<ArrayBuffer>;
  /** Per record: entryIndex, line, byteOffset, start, end, unterminated (0/1). */
  meta: Float64Array<ArrayBuffer>;
  problems: (RawRecord['problem'] | null)[];
}

const FIELDS = 6;

export function packRecords(records: RawRecord[]): PackedBatch {
  let size = 0;
  for (const r of records) size += r.bytes.length;
  const buf = new Uint8Array(size);
  const meta = new Float64Array(records.length * FIELDS);
  let pos = 0;
  records.forEach((r, i) => {
    buf.set(r.bytes, pos);
    meta.set(
      [r.entryIndex, r.line, r.byteOffset, pos, pos + r.bytes.length, r.unterminated ? 1 : 0],
      i * FIELDS,
    );
    pos += r.bytes.length;
  });
  return { buf, meta, problems: records.map((r) => r.problem ?? null) };
}

export function unpackRecords(packed: PackedBatch): RawRecord[] {
  const out: RawRecord[] = [];
  for (let i = 0; i * FIELDS < packed.meta.length; i++) {
    const m = packed.meta.subarray(i * FIELDS, (i + 1) * FIELDS);
    const record: RawRecord = {
      entryIndex: m[0] ?? 0,
      line: m[1] ?? 0,
      byteOffset: m[2] ?? -1,
      bytes: packed.buf.subarray(m[3] ?? 0, m[4] ?? 0),
      unterminated: m[5] === 1,
    };
    const problem = packed.problems[i];
    if (problem) record.problem = problem;
    out.push(record);
  }
  return out;
}
