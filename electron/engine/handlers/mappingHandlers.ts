/** mapping.list and mapping.save: field mappings kept in the case, reusable by name. */
import type { Handlers } from '../../../shared/contract/api';
import type { SavedMapping } from '../../../shared/contract/model';
import { err, ok } from '../../../shared/contract/result';
import { parseMapping } from '../../../shared/ingest/mapping';
import { appendCustody } from '../case/custody';
import type { EngineState } from '../state';
import { jsonColumnText } from '../case/jsonColumn';

export function mappingHandlers(state: EngineState): Pick<Handlers, 'mapping.list' | 'mapping.save'> {
  return {
    'mapping.list': async () => {
      const c = state.current;
      if (!c) return err('NO_CASE', 'no case is open');
      const rows = await c.db.objects(
        `SELECT name, strftime(saved_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS at, mapping::VARCHAR AS mapping FROM mappings ORDER BY name`,
      );
      const saved: SavedMapping[] = [];
      for (const r of rows) {
        // Re-validated on the way out: the table is SQL-writable by analysts.
        const checked = parseMapping(JSON.parse(String(r.mapping)));
        if (checked.ok) saved.push({ name: String(r.name), savedAt: String(r.at), mapping: checked.mapping });
      }
      return ok(saved);
    },
    'mapping.save': (req) =>
      state.exclusive(async () => {
        const c = state.current;
        if (!c) return err('NO_CASE', 'no case is open');
        const savedAt = new Date().toISOString();
        await c.db.transaction(async () => {
          await c.db.run(`INSERT OR REPLACE INTO mappings VALUES (?, ?::TIMESTAMPTZ, ?::JSON)`, [
            req.mapping.name,
            savedAt,
            jsonColumnText(req.mapping),
          ]);
          await appendCustody(c.db, 'mapping.save', { name: req.mapping.name });
        });
        return ok({ name: req.mapping.name, savedAt, mapping: req.mapping });
      }),
  };
}
