/** What an import needs from the engine's state: one place for both callers (archive.import, the demo case). */
import type { Db } from '../case/db';
import type { ImportDeps } from '../import/importRun';
import type { EngineState } from '../state';

export function importDeps(state: EngineState, db: Db, signal: AbortSignal): ImportDeps {
  return {
    db,
    ingest: state.options.ingest,
    toolVersion: state.options.version,
    native: state.options.nativeImport,
    ...(state.options.nativeBatchBytes !== undefined
      ? { nativeBatchBytes: state.options.nativeBatchBytes }
      : {}),
    signal,
    progress: (e) => state.emit(e),
  };
}
