/** verify.run, verify.results and events.locate (opening a finding's record). */
import type { Handlers } from '../../../shared/contract/api';
import type { QuarantineRow } from '../../../shared/contract/model';
import { err, ok } from '../../../shared/contract/result';
import { latestVerifications, verifyCase } from '../verify/verifyCase';
import { loadAnchors, loadKeys } from '../verify/verifyOptions';
import type { EngineState } from '../state';

export function verifyHandlers(
  state: EngineState,
): Pick<Handlers, 'verify.run' | 'verify.results' | 'events.locate'> {
  return {
    'verify.run': (req) =>
      state.exclusive(async () => {
        const c = state.current;
        if (!c) return err('NO_CASE', 'no case is open');
        const k = req.keys ?? {};
        const keys = loadKeys({
          ...(k.hmacText !== undefined ? { hmacText: k.hmacText } : {}),
          ...(k.hmacHex !== undefined ? { hmacHex: k.hmacHex.replace(/\s+/g, '') } : {}),
          publicKeys: (k.publicKeys ?? []).map((text, i) => ({ label: `public key ${i + 1}`, text })),
          ...(k.keyring !== undefined ? { keyring: { label: 'key ring', text: k.keyring } } : {}),
        });
        if (!keys.ok) return err('INVALID_REQUEST', keys.message, { field: 'keys' });
        const anchors = loadAnchors(
          req.anchors !== undefined ? { anchors: { label: 'anchors', text: req.anchors } } : {},
        );
        if (!anchors.ok) return err('INVALID_REQUEST', anchors.message, { field: 'anchors' });
        const result = await verifyCase(c.db, {
          keys: keys.value,
          anchors: anchors.value,
          trigger: 'user',
          onProgress: (archivesDone, archivesTotal, current) =>
            state.emit({ type: 'verify.progress', archivesDone, archivesTotal, current }),
          ...(req.archiveIds ? { archiveIds: req.archiveIds } : {}),
        });
        state.emit({ type: 'case.changed' });
        return ok(result);
      }),
    'verify.results': async (req) => {
      const c = state.current;
      if (!c) return err('NO_CASE', 'no case is open');
      return ok(await latestVerifications(c.db, req.archiveId));
    },
    'events.locate': async (req) => {
      const c = state.current;
      if (!c) return err('NO_CASE', 'no case is open');
      const ev = await c.db.objects(
        `SELECT row_id::VARCHAR AS row_id FROM events WHERE archive_id = ? AND entry_index = ?`,
        [req.archiveId, req.entryIndex],
      );
      if (ev[0]) return ok({ rowId: String(ev[0].row_id), quarantined: null });
      const q = await c.db.objects(
        `SELECT a.path, q.line, q.byte_offset::VARCHAR AS byte_offset, q.reason, q.field, CASE WHEN TRY(decode(q.raw)) IS NULL THEN hex(q.raw) ELSE decode(q.raw) END AS raw
         FROM quarantine q JOIN archives a USING (archive_id) WHERE q.archive_id = ? AND q.entry_index = ?`,
        [req.archiveId, req.entryIndex],
      );
      const row = q[0];
      if (!row) return err('NOT_FOUND', `archive ${req.archiveId} has no record at entry ${req.entryIndex}`);
      const quarantined: QuarantineRow = {
        archiveId: req.archiveId,
        path: String(row.path),
        line: row.line === null ? null : Number(row.line),
        byteOffset: row.byte_offset === null ? null : String(row.byte_offset),
        reason: String(row.reason),
        field: row.field === null ? null : String(row.field),
        raw: String(row.raw),
      };
      return ok({ rowId: null, quarantined });
    },
  };
}
