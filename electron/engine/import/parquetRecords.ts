/**
 * Reads a Parquet archive through DuckDB. Parquet holds no record text, so each row is
 * rendered with DuckDB's to_json() and that text becomes the record (documented in the
 * import report); the file's SHA-256 remains the evidence of what was received.
 */
import type { Db } from '../case/db';
import type { RawRecord } from './textRecords';

export interface ParquetSource {
  columns: string[];
  kvMetadata: Record<string, string>;
  batches: AsyncIterable<RawRecord[]>;
}

export async function readParquetRecords(db: Db, path: string): Promise<ParquetSource> {
  const described = await db.objects('SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet(?))', [
    path,
  ]);
  const columns = described.map((r) => String(r.column_name));
  const kvRows = await db
    .objects('SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata(?)', [path])
    .catch(() => []);
  const kvMetadata: Record<string, string> = {};
  for (const r of kvRows) kvMetadata[String(r.k)] = String(r.v);
  const encoder = new TextEncoder();
  async function* batches(): AsyncGenerator<RawRecord[]> {
    // A separate connection: a streaming result on the importing connection would be
    // invalidated by the appenders writing on it.
    const reader = await db.connectAnother();
    try {
      const result = await reader.stream('SELECT to_json(t)::VARCHAR AS j FROM read_parquet(?) t', [path]);
      let entryIndex = 0;
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
    } finally {
      reader.closeSync();
    }
  }
  return { columns, kvMetadata, batches: batches() };
}
