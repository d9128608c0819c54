/**
 * Event rows go to the case through a staging file that DuckDB's own JSON reader ingests in
 * parallel: one native call per batch instead of one per cell (the JS Appender was 3.6–20×
 * slower, ../shared/perf/baseline.md §5). Rows carry text only; casts happen in SQL, so no
 * 64-bit integer passes through a JS number.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import type { Db } from '../case/db';
import { trace } from '../trace';

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
    // One native JSON.stringify per row; absent cells are left out (read as NULL).
    const row: Record<string, string | number | null> = { r: String(rowId), a: archiveId, e: entryIndex, l: line, o: byteOffset, n: byteLength, t: text };
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell !== null && cell !== undefined) row[`c${i}`] = cell;
    }
    const json = `${JSON.stringify(row)}\n`;
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
      `r: 'BIGINT'`, `a: 'VARCHAR'`, `e: 'BIGINT'`, `l: 'BIGINT'`, `o: 'BIGINT'`, `n: 'BIGINT'`, `t: 'VARCHAR'`,
      ...this.canonical.map((_, i) => `c${i}: 'VARCHAR'`),
    ].join(', ');
    const select = [
      'r', 'a', 'e', 'l', 'o', 'n', 't',
      ...this.canonical.map((c, i) => (baseType(c.sqlType) === 'VARCHAR' ? `c${i}` : `CAST(c${i} AS ${baseType(c.sqlType)})`)),
    ].join(', ');
    const target = ['row_id', 'archive_id', 'entry_index', 'line', 'byte_offset', 'byte_length', 'record', ...this.canonical.map((c) => c.name)]
      .map(quoteIdent)
      .join(', ');
    trace('staging.insert.start', { rows: this.rows });
    await db.run(
      `INSERT INTO events (${target}) SELECT ${select} FROM read_json(?, format = 'newline_delimited', columns = {${columns}}, maximum_object_size = 1073741824)`,
      [this.path],
    );
    trace('staging.insert.done', { rows: this.rows });
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
