/** case.* and app.info: create, open, close, and the bundled demo case. */
import { existsSync } from 'node:fs';
import type { Handlers } from '../../../shared/contract/api';
import type { CaseInfo } from '../../../shared/contract/model';
import { err, ok, type Result } from '../../../shared/contract/result';
import { appendCustody } from '../case/custody';
import { createCase, openCase, type OpenCase } from '../case/caseFile';
import { SCHEMA_VERSION } from '../case/schema';
import { runImport } from '../import/importRun';
import { importDeps } from './importDeps';
import { verifyCase } from '../verify/verifyCase';
import type { EngineState } from '../state';

export async function caseInfo(c: OpenCase): Promise<CaseInfo> {
  const counts = await c.db.objects(
    `SELECT (SELECT count(*) FROM archives) AS a, (SELECT count(*) FROM events) AS e, (SELECT count(*) FROM quarantine) AS q`,
  );
  const row = counts[0] ?? {};
  return {
    path: c.path,
    name: c.name,
    createdAt: c.createdAt,
    schemaVersion: SCHEMA_VERSION,
    archives: Number(row.a ?? 0),
    events: Number(row.e ?? 0),
    quarantined: Number(row.q ?? 0),
  };
}

async function adopt(state: EngineState, opened: Result<OpenCase>): Promise<Result<CaseInfo>> {
  if (!opened.ok) return opened;
  state.closeCase();
  state.current = opened.value;
  state.emit({ type: 'case.changed' });
  return ok(await caseInfo(opened.value));
}

/** Opens the demo case, building it from the bundled archives the first time. */
async function openDemo(state: EngineState): Promise<Result<CaseInfo>> {
  const path = state.options.demoCasePath;
  if (!path) return err('NOT_FOUND', 'this build has no demo case');
  if (existsSync(path)) return adopt(state, await openCase(path, state.options.ingest.columns));
  const created = await createCase(path, state.options.ingest.columns, state.options.version);
  if (!created.ok) return created;
  const c = created.value;
  await c.db.transaction(() => appendCustody(c.db, 'case.create', { path, demo: true }));
  const controller = new AbortController();
  const report = await runImport(
    { files: state.options.demoArchives.map((p) => ({ path: p })) },
    importDeps(state, c.db, controller.signal),
  );
  // The demo shows verdicts at once, as every import does (self-consistency, no keys).
  const archiveIds = report.files.flatMap((f) => (f.archiveId ? [f.archiveId] : []));
  await verifyCase(c.db, { archiveIds, keys: { hmac: [], ed25519: [] }, anchors: [], trigger: 'import' });
  await c.db.run('CHECKPOINT');
  return adopt(state, ok(c));
}

export function caseHandlers(
  state: EngineState,
): Pick<Handlers, 'app.info' | 'case.create' | 'case.open' | 'case.openDemo' | 'case.close'> {
  return {
    'app.info': async () =>
      ok({
        version: state.options.version,
        mode: state.options.mode,
        demoCasePath: state.options.demoCasePath,
        currentCase: state.current ? await caseInfo(state.current) : null,
      }),
    'case.create': (req) =>
      state.exclusive(async () => {
        const created = await createCase(req.path, state.options.ingest.columns, state.options.version);
        if (created.ok)
          await created.value.db.transaction(() =>
            appendCustody(created.value.db, 'case.create', { path: req.path }),
          );
        return adopt(state, created);
      }),
    'case.open': (req) =>
      state.exclusive(async () => adopt(state, await openCase(req.path, state.options.ingest.columns))),
    'case.openDemo': () => state.exclusive(() => openDemo(state)),
    'case.close': () =>
      state.exclusive(async () => {
        const had = state.current !== null;
        state.closeCase();
        if (had) state.emit({ type: 'case.changed' });
        return ok({ closed: had });
      }),
  };
}
