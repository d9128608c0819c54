/**
 * DuckDB settings for the statements that move an archive's rows into `events`, on both import
 * paths (nativeJsonl.ts, eventStaging.ts), restored afterwards by Db.withSettings.
 *
 * - Every row carries its own place (row id, entry index, line, offset), so DuckDB need not keep
 *   file order: the insert then runs on every thread, holds no reorder buffers and writes full row
 *   groups as it goes (native path: peak RSS 1.6 → 0.8 GB per million rows; staging path: the
 *   CHECKPOINT after the import went from 5.6 s to nothing per million rows).
 * - DuckDB tries FSST on every string column of every row group it writes and, on these archives,
 *   always picks dictionary instead (pragma_storage_info): skipping the try saves ≈0.25 s per
 *   million rows for a file of the same size.
 * - DuckDB fills whatever memory limit it has; these inserts run as fast under 600 MB as under
 *   1 GB (import benchmark), so they get 600 MB unless the user set one. The JS path's staging
 *   INSERTs (eventStaging.ts, 100k rows each) get 400 MB: 1M events imported as fast (23.4–24.2 s
 *   against 23.5–23.9 s, alternating runs) and peaked at 0.96–1.02 GB instead of 1.12–1.24 GB.
 */
export function insertSettings(memoryLimit = '600MB'): Record<string, string> {
  return {
    preserve_insertion_order: 'false',
    disabled_compression_methods: "'fsst'",
    ...(process.env.CASEFILE_DUCKDB_MEMORY ? {} : { memory_limit: `'${memoryLimit}'` }),
  };
}
