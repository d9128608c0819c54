/** A thin typed wrapper over one DuckDB connection: parameterised queries, text rows, transactions. */
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';

export type Params = DuckDBValue[];
export type TextRow = (string | null)[];

export class Db {
  /** Statements to run once the current transaction has ended (see withSettings). */
  private readonly afterTransaction: string[] = [];

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
    readonly path: string,
  ) {}

  static async open(path: string, options: Record<string, string> = {}): Promise<Db> {
    const instance = await DuckDBInstance.create(path, {
      memory_limit: process.env.CASEFILE_DUCKDB_MEMORY ?? '1GB',
      ...options,
    });
    const conn = await instance.connect();
    // Render every TIMESTAMPTZ in UTC whatever the machine's zone: reports must not vary by host.
    await conn.run("SET TimeZone = 'UTC'");
    return new Db(instance, conn, path);
  }

  async run(sql: string, params: Params = []): Promise<void> {
    await this.conn.run(sql, params);
  }

  /** Rows as plain JSON-safe objects (BIGINT as string, per node-api's Json conversion). */
  async objects(sql: string, params: Params = []): Promise<Record<string, unknown>[]> {
    const reader = await this.conn.runAndReadAll(sql, params);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  }

  /** Columns and rows with every cell as text (or null), for table pages on the wire. */
  async table(sql: string, params: Params = []): Promise<{ columns: string[]; rows: TextRow[] }> {
    const reader = await this.conn.runAndReadAll(sql, params);
    const columns = reader.columnNames();
    const rows = reader.getRowsJson().map((row) => row.map(cellText));
    return { columns, rows };
  }

  async scalar(sql: string, params: Params = []): Promise<unknown> {
    const rows = await this.objects(sql, params);
    const first = rows[0];
    return first ? Object.values(first)[0] : undefined;
  }

  /** Runs `work` in one transaction: commits when it resolves, rolls back when it throws. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.run('BEGIN TRANSACTION');
    try {
      const value = await work();
      await this.run('COMMIT');
      return value;
    } catch (thrown) {
      await this.run('ROLLBACK').catch(() => undefined);
      throw thrown;
    } finally {
      for (const sql of this.afterTransaction.splice(0)) await this.run(sql).catch(() => undefined);
    }
  }

  /**
   * Runs `work` with DuckDB settings changed (values as SQL literals), then restores what they
   * were (RESET would go back to DuckDB's defaults, not to what Db.open set). Settings outlive a
   * rollback, and a failed statement aborts its transaction so that no statement runs until
   * ROLLBACK: a restore that fails then runs when the transaction ends.
   */
  async withSettings<T>(settings: Readonly<Record<string, string>>, work: () => Promise<T>): Promise<T> {
    const restore: string[] = [];
    for (const [name, value] of Object.entries(settings)) {
      const before = await this.scalar('SELECT current_setting(?)::VARCHAR', [name]);
      restore.push(`SET ${name} = '${String(before ?? '').replace(/'/g, "''")}'`);
      await this.run(`SET ${name} = ${value}`);
    }
    try {
      return await work();
    } finally {
      for (const sql of restore) await this.run(sql).catch(() => this.afterTransaction.push(sql));
    }
  }

  /** Another connection to the same database (for reads that must not share a transaction). */
  async connectAnother(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

function cellText(cell: unknown): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return JSON.stringify(cell);
}
