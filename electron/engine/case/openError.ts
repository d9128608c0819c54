/**
 * Why DuckDB could not open a case file, in words an investigator can act on. Matched on DuckDB's
 * own messages (duckdb/src/storage/…: file locks, header checksums, storage version numbers),
 * narrowly: "block" in a checksum message must not read as a lock.
 */
import { err, type Result } from '../../../shared/contract/result';

/** `Could not set lock on file "…": Conflicting lock is held in … (PID …)`. */
const LOCKED = /Could not set lock on file|Conflicting lock is held/i;
/** `Trying to read a database file with version number X, but we can only read version Y…`. */
const NEWER_STORAGE = /database file with version number (\d+), but we can only read version (\d+)/i;
/** `Corrupt database file: computed checksum … does not match stored checksum …`. */
const CORRUPT = /Corrupt database file|checksum .* does not match/i;
/** A file that is not a DuckDB database at all. */
const NOT_DUCKDB = /not a valid DuckDB database|database file .* is not|Unable to open/i;

export function classifyOpenError(path: string, thrown: unknown): Result<never> {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  const where = { file: path };
  if (LOCKED.test(message))
    return err(
      'LOCKED',
      `${path} is open in another process (DuckDB holds one writer per file); close it there first`,
      where,
    );
  const newer = NEWER_STORAGE.exec(message);
  if (newer)
    return err(
      'FOREIGN_FILE',
      `${path} was written by a newer DuckDB (storage version ${newer[1]}; this Casefile reads up to ${newer[2]}): open it with a newer Casefile`,
      where,
    );
  if (CORRUPT.test(message))
    return err(
      'FOREIGN_FILE',
      `${path} is damaged: DuckDB found bytes that do not match their checksum (${message.replace(/^[A-Za-z ]+Error: /, '')}); open a copy made before the damage`,
      where,
    );
  if (NOT_DUCKDB.test(message))
    return err('FOREIGN_FILE', `${path} is not a Casefile case (not a DuckDB database file)`, where);
  return err('FOREIGN_FILE', `${path} could not be opened as a case: ${message}`, where);
}
