/**
 * Appends event and quarantine rows through DuckDB appenders. Values go in as text and
 * DuckDB casts them to the column type, so no 64-bit integer ever passes through a JS number.
 */
import type { DuckDBAppender } from '@duckdb/node-api';
import type { Db } from '../case/db';

export type Cell = string | bigint | number | Uint8Array | null | undefined;

export class TableWriter {
  private constructor(
    private readonly appender: DuckDBAppender,
    readonly columns: readonly string[],
  ) {}

  static async open(db: Db, table: string, columns: readonly string[]): Promise<TableWriter> {
    return new TableWriter(await db.conn.createAppender(table), columns);
  }

  /** One row, cells in `columns` order. */
  append(cells: readonly Cell[]): void {
    const a = this.appender;
    for (const cell of cells) {
      if (cell === null || cell === undefined) a.appendNull();
      else if (typeof cell === 'string') a.appendVarchar(cell);
      else if (typeof cell === 'bigint') a.appendBigInt(cell);
      else if (typeof cell === 'number') a.appendBigInt(BigInt(cell));
      else a.appendBlob(cell);
    }
    a.endRow();
  }

  flush(): void {
    this.appender.flushSync();
  }

  close(): void {
    this.appender.closeSync();
  }
}
