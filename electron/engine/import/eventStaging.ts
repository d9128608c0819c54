/**
 * Event rows go to the case through a staging file that DuckDB's own JSON reader ingests in
 * parallel: one native call per batch instead of one per cell (the JS Appender was 3.6–20×
 * slower, ../shared/perf/baseline.md §5). Rows carry text only; casts happen in SQL, so no
 * 64-bit integer passes through a JS number.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import type { Db } from '../case/db';

export interface StagedColumn {
  name: string;
  /** The events table's type; staging reads text and casts to it. */
  sqlType: string;
}

const FLUSH_BYTES = 8 * 1024 * 1024;

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function baseType(sqlType: string): string {
  return sqlType.replace(/\s+NOT NULL$/i, '').trim();
}

export class EventStaging {
  private fd: number;
  private parts: string[] = [];
  private pendingBytes = 0;
  private rows = 0;

  constructor(
    private readonly path: string,
    private readonly canonical: readonly StagedColumn[],
  ) {
    this.fd = openSync(path, 'w');
  }

  get stagedRows(): number {
    return this.rows;
  }

  /**
   * One event: provenance, the record text (valid UTF-8; kept as `record` and, encoded, as the
   * exact `raw` bytes) and canonical cells in `canonical` order.
   */
  add(rowId: bigint, archiveId: string, entryIndex: number, line: number | null, byteOffset: number | null, byteLength: number, text: string, cells: readonly (string | null)[]): void {
    let json = `{"row_id":"${rowId}","archive_id":${JSON.stringify(archiveId)},"entry_index":"${entryIndex}","line":${line === null ? 'null' : `"${line}"`},"byte_offset":${byteOffset === null ? 'null' : `"${byteOffset}"`},"byte_length":"${byteLength}","record":${JSON.stringify(text)}`;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell !== null && cell !== undefined) json += `,"c${i}":${JSON.stringify(cell)}`;
    }
    json += '}\n';
    this.parts.push(json);
    this.pendingBytes += json.length;
    this.rows += 1;
    if (this.pendingBytes >= FLUSH_BYTES) this.writeOut();
  }

  private writeOut(): void {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.pendingBytes = 0;
  }

  /** Moves everything staged so far into `events` (inside the caller's transaction). */
  async flushInto(db: Db): Promise<void> {
    this.writeOut();
    if (this.rows === 0) return;
    closeSync(this.fd);
    const columns = [
      `row_id: 'VARCHAR'`, `archive_id: 'VARCHAR'`, `entry_index: 'VARCHAR'`, `line: 'VARCHAR'`,
      `byte_offset: 'VARCHAR'`, `byte_length: 'VARCHAR'`, `record: 'VARCHAR'`,
      ...this.canonical.map((_, i) => `c${i}: 'VARCHAR'`),
    ].join(', ');
    const select = [
      'CAST(row_id AS BIGINT)', 'archive_id', 'CAST(entry_index AS BIGINT)', 'CAST(line AS BIGINT)',
      'CAST(byte_offset AS BIGINT)', 'CAST(byte_length AS BIGINT)', 'encode(record)', 'record',
      ...this.canonical.map((c, i) => (baseType(c.sqlType) === 'VARCHAR' ? `c${i}` : `CAST(c${i} AS ${baseType(c.sqlType)})`)),
    ].join(', ');
    const target = ['row_id', 'archive_id', 'entry_index', 'line', 'byte_offset', 'byte_length', 'raw', 'record', ...this.canonical.map((c) => c.name)]
      .map(quoteIdent)
      .join(', ');
    await db.run(
      `INSERT INTO events (${target}) SELECT ${select} FROM read_json(?, format = 'newline_delimited', columns = {${columns}}, maximum_object_size = 1073741824)`,
      [this.path],
    );
    this.fd = openSync(this.path, 'w');
    this.rows = 0;
  }

  dispose(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
    rmSync(this.path, { force: true });
  }
}
