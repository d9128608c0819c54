/**
 * events.page, events.get and quarantine.page: the renderer never holds the case, only the
 * page it shows, so a 1M-row case scrolls as fast as a 100-row one.
 */
import type { Handlers } from '../../../shared/contract/api';
import type { EventDetail } from '../../../shared/contract/model';
import { err, ok } from '../../../shared/contract/result';
import type { Params } from '../case/db';
import { quoteIdent } from '../case/schema';
import type { EngineState } from '../state';

/** Columns the events table shows, in order, when the case has them. */
const EVENT_VIEW = [
  'row_id',
  'ts',
  'producer',
  'event_type',
  'agent_id',
  'action',
  'resource',
  'decision',
  'outcome',
  'run_id',
  'step',
  'phase',
  'line',
];

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

export function eventHandlers(
  state: EngineState,
): Pick<Handlers, 'events.page' | 'events.get' | 'quarantine.page'> {
  const viewColumns = (): string[] => {
    const known = new Set(['row_id', 'line', ...state.options.ingest.columns.map((c) => c.name)]);
    return EVENT_VIEW.filter((c) => known.has(c));
  };
  return {
    'events.page': async (req) => {
      const c = state.current;
      if (!c) return err('NO_CASE', 'no case is open');
      const where: string[] = [];
      const params: Params = [];
      if (req.search) {
        where.push('record ILIKE ?');
        params.push(`%${req.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      }
      if (req.archiveId) {
        where.push('archive_id = ?');
        params.push(req.archiveId);
      }
      const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const cols = viewColumns()
        .map((n) => (n === 'ts' ? `strftime(ts, '%Y-%m-%dT%H:%M:%S.%fZ') AS ts` : quoteIdent(n)))
        .join(', ');
      const page = await c.db.table(
        `SELECT ${cols} FROM events ${filter} ORDER BY row_id LIMIT ${req.limit} OFFSET ${req.offset}`,
        params,
      );
      const key = `events\0${req.search ?? ''}\0${req.archiveId ?? ''}`;
      let total = state.totals.get(key);
      if (total === undefined) {
        total = Number(await c.db.scalar(`SELECT count(*) FROM events ${filter}`, params));
        state.totals.set(key, total);
      }
      return ok({ columns: page.columns, rows: page.rows, total, offset: req.offset });
    },
    'events.get': async (req) => {
      const c = state.current;
      if (!c) return err('NO_CASE', 'no case is open');
      const reader = await c.db.conn.runAndReadAll(
        `SELECT e.*, a.path AS archive_path FROM events e JOIN archives a USING (archive_id) WHERE row_id = ?::BIGINT`,
        [req.rowId],
      );
      const names = reader.columnNames();
      const row = reader.getRows()[0];
      if (!row) return err('NOT_FOUND', `no event with row id ${req.rowId}`);
      const get = (n: string): unknown => row[names.indexOf(n)];
      const rawValue = get('raw') as { bytes?: Uint8Array } | null;
      const rawBytes = rawValue?.bytes ?? new Uint8Array(0);
      const raw = new TextDecoder('utf-8', { fatal: false }).decode(rawBytes);
      const fields: Record<string, string | null> = {};
      for (const col of state.options.ingest.columns) {
        const v = get(col.name);
        fields[col.name] = v === null || v === undefined ? null : String(v);
      }
      const detail: EventDetail = {
        rowId: req.rowId,
        archiveId: String(get('archive_id')),
        archivePath: String(get('archive_path')),
        entryIndex: Number(get('entry_index')),
        line: get('line') === null ? null : Number(get('line')),
        byteOffset: get('byte_offset') === null ? null : String(get('byte_offset')),
        raw,
        fields,
      };
      if (Buffer.from(raw, 'utf8').compare(Buffer.from(rawBytes)) !== 0) detail.rawBase64 = base64(rawBytes);
      return ok(detail);
    },
    'quarantine.page': async (req) => {
      const c = state.current;
      if (!c) return err('NO_CASE', 'no case is open');
      const filter = req.archiveId ? 'WHERE q.archive_id = ?' : '';
      const params: Params = req.archiveId ? [req.archiveId] : [];
      const page = await c.db
        .table(
          `SELECT a.name AS path, q.line, q.byte_offset, q.reason, q.field, decode(q.raw) AS raw
         FROM quarantine q JOIN archives a USING (archive_id) ${filter}
         ORDER BY a.path, q.entry_index LIMIT ${req.limit} OFFSET ${req.offset}`,
          params,
        )
        .catch(async () =>
          // decode() fails on invalid UTF-8: fall back to a hex rendering so the row is still shown.
          c.db.table(
            `SELECT a.name AS path, q.line, q.byte_offset, q.reason, q.field, hex(q.raw) AS raw
           FROM quarantine q JOIN archives a USING (archive_id) ${filter}
           ORDER BY a.path, q.entry_index LIMIT ${req.limit} OFFSET ${req.offset}`,
            params,
          ),
        );
      const total = Number(await c.db.scalar(`SELECT count(*) FROM quarantine q ${filter}`, params));
      return ok({ columns: page.columns, rows: page.rows, total, offset: req.offset });
    },
  };
}
