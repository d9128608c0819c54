/**
 * Opens a sniffed file (sniff.ts) as batches of records for the JS import path: Parquet rows,
 * JSON Lines (plain or gzip) streamed in constant memory, or one JSON document read whole. What
 * the reader notices about the file itself (a broken gzip stream, an export's header) comes
 * with it, for the archive's notes.
 */
import type { Db } from '../case/db';
import { readParquetRecords } from './parquetRecords';
import type { Sniffed } from './sniff';
import { jsonlRecords, readJsonDocument, type RawRecord } from './textRecords';

export type Container = 'jsonl' | 'json' | 'parquet';

export interface RecordSource {
  container: Container;
  compressed: boolean;
  records: AsyncIterable<RawRecord[]>;
  /** An export's own members besides its records, as text. */
  header: Record<string, string>;
  /** A Parquet file's columns and key/value metadata, which detection reads. */
  parquet?: { columns: string[]; kv: Record<string, string> };
  /** Notes on the file itself; a streamed reader adds to them while it is read. */
  notes: string[];
  /** Bytes of the file read so far, for progress (a Parquet file is read by DuckDB: 0). */
  bytesRead(): number;
}

export type SourceOpen = { ok: true; source: RecordSource } | { ok: false; message: string; line?: number };

/** The container a sniffed file would be read as (for a duplicate's report line). */
export function containerOf(sniffed: Exclude<Sniffed, { kind: 'unknown' }>): Container {
  if (sniffed.kind === 'parquet') return 'parquet';
  return sniffed.shape === 'jsonl' ? 'jsonl' : 'json';
}

/** The container as a report names it (docs/cli.md): `+gzip` for a compressed file. */
export function reportedContainer(container: Container, compressed: boolean): string {
  return compressed ? `${container}+gzip` : container;
}

export async function openRecordSource(
  db: Db,
  path: string,
  displayName: string,
  sniffed: Exclude<Sniffed, { kind: 'unknown' }>,
  signal: AbortSignal,
): Promise<SourceOpen> {
  if (sniffed.kind === 'parquet') {
    const pq = await readParquetRecords(db, displayName, path);
    if (!pq.ok) return { ok: false, message: `${displayName}: ${pq.message}` };
    return {
      ok: true,
      source: {
        container: 'parquet',
        compressed: false,
        records: pq.source.batches,
        header: {},
        parquet: { columns: pq.source.columns, kv: pq.source.kvMetadata },
        notes: [],
        bytesRead: () => 0,
      },
    };
  }
  if (sniffed.shape === 'jsonl') {
    let bytes = 0;
    const notes: string[] = [];
    const records = jsonlRecords(path, sniffed.gzip, {
      onBytes: (n) => (bytes += n),
      signal,
      onNote: (note) => notes.push(note),
    });
    return {
      ok: true,
      source: {
        container: 'jsonl',
        compressed: sniffed.gzip,
        records,
        header: {},
        notes,
        bytesRead: () => bytes,
      },
    };
  }
  const doc = await readJsonDocument(path, sniffed.gzip);
  if (!doc.ok) {
    const message = `${displayName}: not a readable JSON document: ${doc.message}`;
    return doc.line !== undefined ? { ok: false, message, line: doc.line } : { ok: false, message };
  }
  const batch = doc.doc.records;
  return {
    ok: true,
    source: {
      container: 'json',
      compressed: sniffed.gzip,
      records: (async function* () {
        yield batch;
      })(),
      header: doc.doc.header,
      notes: [...doc.doc.notes],
      bytesRead: () => 0,
    },
  };
}
