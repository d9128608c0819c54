/**
 * Event rows go to the case through a staging file that DuckDB's own JSON reader ingests: one
 * native call per batch instead of one per cell (the JS Appender was 3.6–20× slower,
 * ../shared/perf/baseline.md §5). Rows carry text only; casts happen in SQL, so no
 * 64-bit integer passes through a JS number.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { besideCase, removeBesideCase } from '../case/besideCase';
import type { Db } from '../case/db';
import type { EventColumns } from '../case/eventTable';
import { EVENT_ROWS, nullableType, quoteIdent } from '../case/schema';
import { trace } from '../trace';
import { insertSettings } from './insertSettings';

export interface StagedColumn {
  name: string;
  /** The events table's type; staging reads text and casts to it. */
  sqlType: string;
}

const FLUSH_BYTES = 8 * 1024 * 1024;
/** DuckDB's memory for a staging INSERT (insertSettings.ts). */
const STAGING_MEMORY = '400MB';
const STAGING_INFIX = '.staging-';
const STAGING_SUFFIX = '.ndjson';

/** `<case>.staging-<import id>.ndjson`, one per import. */
export function stagingPath(casePath: string, importId: string): string {
  return besideCase(casePath, STAGING_INFIX, importId, STAGING_SUFFIX);
}

/** Staging files a killed import left behind (besideCase.ts). */
export function removeStaleStaging(casePath: string): void {
  removeBesideCase(casePath, STAGING_INFIX, STAGING_SUFFIX);
}
/** DuckDB's JSON reader default; the reader's buffers grow with this limit, so it is raised only when a row needs it. */
const MIN_OBJECT_BYTES = 16 * 1024 * 1024;

/** The events columns every import writes before the canonical ones, in the order both paths give them. */
export const INSERTED_PROVENANCE = [
  'row_id',
  'archive_id',
  'entry_index',
  'line',
  'byte_offset',
  'byte_length',
  'record',
] as const;

export class EventStaging {
  private fd: number;
  private parts: string[] = [];
  private pendingBytes = 0;
  private rows = 0;
  private longestRow = 0;
  /** Indexes into `canonical` of the columns some staged row fills. */
  private readonly filled = new Set<number>();

  constructor(
    private readonly path: string,
    private readonly canonical: readonly StagedColumn[],
    private readonly columns: EventColumns,
  ) {
    this.fd = openSync(path, 'w');
  }

  get stagedRows(): number {
    return this.rows;
  }

  /**
   * Rows rendered by normalizeBatch (stagingRow), `count` of them, the longest `longest`
   * characters, filling the canonical columns `filled` (indexes).
   */
  addRows(text: string, count: number, longest: number, filled: readonly number[]): void {
    if (count === 0) return;
    for (const i of filled) this.filled.add(i);
    this.parts.push(text);
    this.pendingBytes += text.length;
    this.rows += count;
    this.longestRow = Math.max(this.longestRow, longest);
    if (this.pendingBytes >= FLUSH_BYTES) this.writeOut();
  }

  private writeOut(): void {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.pendingBytes = 0;
  }

  /**
   * Moves everything staged so far into `events` (inside the caller's transaction). A row's id is
   * `firstRowId + entry_index`, with `firstRowId` the file's first: ids follow the file whatever
   * order batches finish in on the workers, on both import paths (nativeJsonl.ts). A quarantined
   * entry leaves its id unused; ids order events and need not be dense.
   */
  async flushInto(db: Db, firstRowId: bigint): Promise<void> {
    this.writeOut();
    if (this.rows === 0) return;
    // The case must hold every column a staged row fills (eventTable.ts); the ones it lacks are
    // empty in every row and left out of the INSERT.
    await this.columns.need([...this.filled].map((i) => this.canonical[i]!.name));
    const written = this.canonical.flatMap((c, i) => (this.columns.has(c.name) ? [{ c, i }] : []));
    this.columns.inserting();
    closeSync(this.fd);
    const columns = [
      `a: 'VARCHAR'`,
      `e: 'BIGINT'`,
      `l: 'BIGINT'`,
      `o: 'BIGINT'`,
      `n: 'BIGINT'`,
      `t: 'VARCHAR'`,
      ...this.canonical.map((_, i) => `c${i}: 'VARCHAR'`),
    ].join(', ');
    const select = [
      'CAST(? AS BIGINT) + e',
      'a',
      'e',
      'l',
      'o',
      'n',
      'decode(from_base64(t))',
      ...written.map(({ c, i }) =>
        nullableType(c.sqlType) === 'VARCHAR' ? `c${i}` : `CAST(c${i} AS ${nullableType(c.sqlType)})`,
      ),
    ].join(', ');
    const target = [...INSERTED_PROVENANCE, ...written.map(({ c }) => c.name)].map(quoteIdent).join(', ');
    // A row is at most 4/3 of MAX_EVENT_RECORD_BYTES (base64) plus its cells, in UTF-16 units:
    // each at most 3 bytes of UTF-8.
    const objectBytes = Math.max(MIN_OBJECT_BYTES, 3 * this.longestRow + 1);
    trace('staging.insert.start', { rows: this.rows });
    // One thread: DuckDB's second and later INSERTs into one transaction ran no faster on two and
    // burned twice the CPU (117k meshguard rows: 1.5 s each on two threads, 1.05 s on one). 1M
    // meshguard events on this path: 35.8 s against 40.6 s; runtime-steps unchanged (26.4 s).
    await db.withSettings({ ...insertSettings(STAGING_MEMORY), threads: '1' }, () =>
      db.run(
        `INSERT INTO ${EVENT_ROWS} (${target}) SELECT ${select} FROM read_json(?, format = 'newline_delimited', columns = {${columns}}, maximum_object_size = ${objectBytes})`,
        [firstRowId.toString(), this.path],
      ),
    );
    trace('staging.insert.done', { rows: this.rows });
    this.fd = openSync(this.path, 'w');
    this.rows = 0;
    this.longestRow = 0;
    this.filled.clear();
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
