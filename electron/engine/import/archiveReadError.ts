/**
 * A file that began to import but could not be read to its end (a Parquet page that does not
 * decode): the whole import is rolled back and the error names the file, as an import commits
 * whole or not at all (importHandlers.ts turns it into NOT_AN_ARCHIVE, not an incident).
 */
export class ArchiveReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ArchiveReadError';
  }
}

export function messageOf(thrown: unknown): string {
  return (thrown instanceof Error ? thrown.message : String(thrown)).split('\n')[0] ?? '';
}
