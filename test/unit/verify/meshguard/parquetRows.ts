/** Reads a Parquet fixture with DuckDB the way the engine does: each row as `to_json(t)` text, as a VerifySource. */
import { DuckDBInstance } from '@duckdb/node-api';
import { parseJson } from '../../../../shared/json/parse';
import type { VerifyRecord, VerifySource } from '../../../../shared/verify/profile';

export async function parquetRowTexts(path: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      `SELECT to_json(t)::VARCHAR AS j FROM read_parquet('${path.replace(/'/g, "''")}') t`,
    );
    return reader.getRowObjectsJson().map((r) => String(r.j));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** `as`: 'text' hands the engine's row text over; 'value' hands a parsed value (both shapes are accepted). */
export async function loadParquetSource(path: string, as: 'text' | 'value' = 'text'): Promise<VerifySource> {
  const texts = await parquetRowTexts(path);
  const records = texts.map((text, entryIndex): VerifyRecord => {
    if (as === 'text') return { entryIndex, text };
    const parsed = parseJson(text);
    if (!parsed.ok) throw new Error(`row ${entryIndex}: ${parsed.error.message}`);
    return { entryIndex, value: parsed.value };
  });
  return { path, container: 'parquet', records };
}
