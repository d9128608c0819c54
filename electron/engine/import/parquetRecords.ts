/**
 * Reads a Parquet archive through DuckDB. Parquet holds no record text, so each row is
 * rendered with DuckDB's to_json() and that text becomes the record (documented in the
 * import report); the file's SHA-256 remains the evidence of what was received.
 */
import type { Db } from '../case/db';
import { ArchiveReadError, messageOf } from './archiveReadError';
import type { RawRecord } from './textRecords';

export interface ParquetSource {
  columns: string[];
  kvMetadata: Record<string, string>;
  batches: AsyncIterable<RawRecord[]>;
}

export type ParquetOpen = { ok: true; source: ParquetSource } | { ok: false; message: string };

/**
 * Opens the file on a connection of its own: a DuckDB error inside the import's transaction
 * aborts that transaction, and a file that is not readable Parquet must only fail itself.
 */
export async function readParquetRecords(db: Db, displayName: string, path: string): Promise<ParquetOpen> {
  const probe = await db.connectAnother();
  let columns: string[];
  const kvMetadata: Record<string, string> = {};
  try {
    const described = await probe.runAndReadAll(
      'SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet(?))',
      [path],
    );
    columns = described.getRowObjectsJson().map((r) => String(r.column_name));
    const kv = await probe
      .runAndReadAll('SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata(?)', [path])
      .then((r) => r.getRowObjectsJson())
      .catch(() => []); // key-value metadata only helps detection
    for (const r of kv) kvMetadata[String(r.k)] = String(r.v);
  } catch (thrown) {
    return { ok: false, message: `not a readable Parquet file: ${messageOf(thrown)}` };
  } finally {
    probe.closeSync();
  }
  const encoder = new TextEncoder();
  async function* batches(): AsyncGenerator<RawRecord[]> {
    // A separate connection: a streaming result on the importing connection would be
    // invalidated by the appenders writing on it.
    const reader = await db.connectAnother();
    let entryIndex = 0;
    try {
      const result = await reader.stream('SELECT to_json(t)::VARCHAR AS j FROM read_parquet(?) t', [path]);
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        const values = chunk.getColumnValues(0);
        const batch: RawRecord[] = [];
        for (const v of values) {
          batch.push({
            entryIndex,
            line: 0,
            byteOffset: -1,
            bytes: encoder.encode(String(v)),
            unterminated: false,
          });
          entryIndex++;
        }
        yield batch;
      }
    } catch (thrown) {
      throw new ArchiveReadError(
        displayName,
        `Parquet rows after row ${entryIndex} do not decode: ${messageOf(thrown)}`,
      );
    } finally {
      reader.closeSync();
    }
  }
  return { ok: true, source: { columns, kvMetadata, batches: batches() } };
}
