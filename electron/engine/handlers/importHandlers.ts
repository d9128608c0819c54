/** archive.import, import.cancel and archive.list. */
import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../shared/contract/api';
import type { ArchiveInfo, Container } from '../../../shared/contract/model';
import { err, ok } from '../../../shared/contract/result';
import { ArchiveReadError } from '../import/archiveReadError';
import { insertSettings } from '../import/insertSettings';
import { runImport } from '../import/importRun';
import { importDeps } from './importDeps';
import { verifyCase } from '../verify/verifyCase';
import { trace } from '../trace';
import type { EngineState } from '../state';

/** Above this many records an import is not verified on the spot (see verify.run). */
export const VERIFY_ON_IMPORT_MAX_RECORDS = 50_000;

function isAbort(thrown: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (thrown instanceof Error && thrown.name === 'AbortError');
}

export function importHandlers(
  state: EngineState,
): Pick<Handlers, 'archive.import' | 'import.cancel' | 'archive.list'> {
  return {
    'archive.import': (req) => {
      const importId = req.importId ?? randomUUID();
      const controller = new AbortController();
      state.imports.set(importId, controller);
      return state
        .exclusive(async () => {
          const c = state.current;
          if (!c) return err('NO_CASE', 'open or create a case before importing');
          const files: { path: string; displayName?: string; upload?: boolean }[] = [];
          for (const source of req.sources) {
            if ('path' in source) {
              files.push(
                source.name ? { path: source.path, displayName: source.name } : { path: source.path },
              );
            } else {
              const path = state.options.resolveUpload?.(source.uploadId) ?? null;
              if (!path)
                return err('NOT_FOUND', `upload ${source.name} is no longer available; upload it again`, {
                  file: source.name,
                });
              files.push({ path, displayName: source.name, upload: true });
            }
          }
          if (req.producer && !state.options.ingest.producers.includes(req.producer)) {
            return err(
              'INVALID_REQUEST',
              `unknown producer ${req.producer}; one of ${state.options.ingest.producers.join(', ')}`,
              { field: 'producer' },
            );
          }
          try {
            const report = await runImport(
              {
                importId,
                files,
                ...(req.producer ? { producer: req.producer } : {}),
                ...(req.mapping ? { mapping: req.mapping } : {}),
              },
              importDeps(state, c.db, controller.signal),
            );
            trace('import.committed');
            // Verification on import: self-consistency without keys or anchors, so the integrity
            // panel has a verdict at once; the user re-verifies with keys and anchors. Large
            // imports leave it to an explicit verify.run so the import returns promptly.
            const imported = report.files.flatMap((f) => (f.archiveId ? [f.archiveId] : []));
            const records = report.files.reduce((n, f) => n + f.records + f.quarantined, 0);
            if (imported.length > 0 && records <= VERIFY_ON_IMPORT_MAX_RECORDS) {
              await verifyCase(c.db, {
                archiveIds: imported,
                keys: { hmac: [], ed25519: [] },
                anchors: [],
                trigger: 'import',
              });
            }
            trace('import.verified');
            // Under the insert's settings: the CHECKPOINT writes what the INSERT left in memory,
            // and without a memory limit it took 1.1–1.3 GB for 300k meshguard events (1.3 s;
            // 0.8 GB and 1.1 s under them).
            await c.db.withSettings(insertSettings(), () => c.db.run('CHECKPOINT'));
            trace('import.checkpointed');
            state.emit({ type: 'case.changed' });
            return ok(report);
          } catch (thrown) {
            if (isAbort(thrown, controller.signal))
              return err('CANCELLED', 'import cancelled; the case is unchanged');
            if (thrown instanceof ArchiveReadError)
              return err('NOT_AN_ARCHIVE', `${thrown.message}; nothing was imported, the case is unchanged`);
            const message = thrown instanceof Error ? thrown.message : String(thrown);
            if (/Out of Memory/i.test(message)) {
              const first = message.split('\n')[0] ?? '';
              return err(
                'QUERY_FAILED',
                `the import needed more memory than DuckDB may use (CASEFILE_DUCKDB_MEMORY, default 1GB); the case is unchanged. ${first}`,
              );
            }
            throw thrown;
          }
        })
        .finally(() => state.imports.delete(importId));
    },
    'import.cancel': async (req) => {
      const controller = state.imports.get(req.importId);
      controller?.abort(new Error('cancelled by the user'));
      return ok({ cancelled: controller !== undefined });
    },
    'archive.list': async () => {
      const c = state.current;
      if (!c) return err('NO_CASE', 'no case is open');
      const rows = await c.db.objects(
        `SELECT archive_id, path, name, sha256, size_bytes, strftime(modified_at, '%Y-%m-%dT%H:%M:%SZ') AS modified_at,
                strftime(imported_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS imported_at, producer, container, compressed, records, quarantined
         FROM archives ORDER BY imported_at, path`,
      );
      const archives: ArchiveInfo[] = rows.map((r) => ({
        archiveId: String(r.archive_id),
        path: String(r.path),
        name: String(r.name),
        sha256: String(r.sha256),
        sizeBytes: Number(r.size_bytes),
        modifiedAt: r.modified_at === null ? null : String(r.modified_at),
        importedAt: String(r.imported_at),
        producer: String(r.producer),
        container: String(r.container) as Container,
        compressed: Boolean(r.compressed),
        records: Number(r.records),
        quarantined: Number(r.quarantined),
      }));
      return ok(archives);
    },
  };
}
