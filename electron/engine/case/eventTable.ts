/**
 * Where events are stored, and how analysts see them. Imports write `event_rows`, which holds the
 * provenance columns, the required canonical columns and only those optional canonical columns
 * some import has filled; `events`, the analysts' SQL API (docs/schema.md), is a view over it
 * with every canonical column in order, NULL where the case has none.
 *
 * Why not one wide table: DuckDB stores and checkpoints a column an INSERT leaves out like any
 * other, so every row paid for the canonical columns its family never fills. A million
 * runtime-steps events leave 21 of the 44 empty; without them the import's INSERT took
 * 1.76–1.78 s instead of 1.91–1.99 s, 3.4–3.6 CPU-s instead of 3.8–3.9 (import benchmark's
 * INSERT alone, alternating runs).
 *
 * A column is added (ALTER TABLE … ADD COLUMN) before the import that needs it inserts its first
 * row: DuckDB 1.5.5 failed with an INTERNAL error, and took the database down with it, when a
 * transaction altered a table it had already inserted into. An import that finds it needs a column
 * only after that (a record the native path left out, which the JS mapper fills further) stops
 * with MissingEventColumns and runs again once the column is there (importRun.ts).
 */
import type { Db } from './db';
import {
  columnDdl,
  EVENT_ROWS,
  nullableType,
  PROVENANCE_COLUMNS,
  quoteIdent,
  type ColumnSpec,
} from './schema';

/**
 * The `events` view: the provenance columns, `raw` (the record's exact bytes, derived rather than
 * stored twice), then every canonical column in `canonical`'s order, from `event_rows` where it has
 * it and a typed NULL where it does not.
 */
export function eventsViewSql(canonical: readonly ColumnSpec[], stored: ReadonlySet<string>): string {
  const provenance = PROVENANCE_COLUMNS.map((c) =>
    c.name === 'raw' ? 'encode("record") AS "raw"' : quoteIdent(c.name),
  );
  const columns = canonical.map((c) =>
    stored.has(c.name)
      ? quoteIdent(c.name)
      : `CAST(NULL AS ${nullableType(c.sqlType)}) AS ${quoteIdent(c.name)}`,
  );
  return `CREATE OR REPLACE VIEW events AS SELECT ${[...provenance, ...columns].join(', ')} FROM ${EVENT_ROWS}`;
}

/** The columns `event_rows` holds now (in the caller's transaction). */
export async function storedEventColumns(db: Db): Promise<Set<string>> {
  const rows = await db.objects(
    `SELECT column_name FROM duckdb_columns() WHERE table_name = '${EVENT_ROWS}' AND schema_name = 'main'`,
  );
  return new Set(rows.map((r) => String(r.column_name)));
}

/**
 * DuckDB's memory while it adds columns: it fills each new column for every row already in the
 * case. Into a case of 10M events, the first meshguard file's 14 new columns peaked at 1.11–1.12
 * GB of RSS under the case's 1 GB limit (2.95–6.0 s); under this one, 0.87–0.93 GB (2.7–4.4 s),
 * DuckDB writing out what it does not hold.
 */
const ALTER_MEMORY = '300MB';

/**
 * Adds `names` to `event_rows` and rebuilds the view, in the caller's transaction, which must not
 * have inserted into `event_rows` yet (see above). Columns stored uncompressed stay so (schema.ts).
 */
export async function addEventColumns(
  db: Db,
  canonical: readonly ColumnSpec[],
  names: readonly string[],
): Promise<void> {
  const stored = await storedEventColumns(db);
  const missing = names.filter((name) => !stored.has(name));
  const memory: Record<string, string> = process.env.CASEFILE_DUCKDB_MEMORY
    ? {}
    : { memory_limit: `'${ALTER_MEMORY}'` };
  await db.withSettings(memory, async () => {
    for (const name of missing) {
      const spec = canonical.find((c) => c.name === name);
      if (!spec) throw new Error(`${name} is not a canonical column`);
      const ddl = columnDdl({ ...spec, sqlType: nullableType(spec.sqlType) });
      await db.run(`ALTER TABLE ${EVENT_ROWS} ADD COLUMN ${ddl}`);
      stored.add(name);
    }
  });
  await db.run(eventsViewSql(canonical, stored));
}

/** An import needed canonical columns only after it had inserted events; it runs again once they are added. */
export class MissingEventColumns extends Error {
  constructor(readonly columns: readonly string[]) {
    super(`the case needs the columns ${columns.join(', ')} added before this import`);
  }
}

/**
 * The columns of `event_rows` as one import transaction sees them: each import path says which
 * columns it writes before it writes (`need`), and says when it inserts (`inserting`).
 */
export class EventColumns {
  private inserted = false;

  private constructor(
    private readonly db: Db,
    private readonly canonical: readonly ColumnSpec[],
    private readonly stored: Set<string>,
  ) {}

  static async load(db: Db, canonical: readonly ColumnSpec[]): Promise<EventColumns> {
    return new EventColumns(db, canonical, await storedEventColumns(db));
  }

  /** `event_rows` has this column. */
  has(name: string): boolean {
    return this.stored.has(name);
  }

  /** Every canonical column (an import path that may fill any of them). */
  get all(): string[] {
    return this.canonical.map((c) => c.name);
  }

  /** Adds those of `names` the case lacks, or throws MissingEventColumns once this import has inserted. */
  async need(names: Iterable<string>): Promise<void> {
    const missing = [...new Set(names)].filter((n) => !this.stored.has(n));
    if (missing.length === 0) return;
    if (this.inserted) throw new MissingEventColumns(missing);
    await addEventColumns(this.db, this.canonical, missing);
    for (const n of missing) this.stored.add(n);
  }

  /** Before each INSERT into `event_rows`: from here on, a missing column ends the attempt. */
  inserting(): void {
    this.inserted = true;
  }
}
