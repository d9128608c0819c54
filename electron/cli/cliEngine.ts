/**
 * The engine as the CLI's case commands use it: in this process, no demo case or uploads, its
 * internal errors written to stderr with their incident id. The same contract the app calls.
 */
import { createDispatcher } from '../../shared/rpc/dispatch';
import { createEngine } from '../engine/engine';
import { engineOptions } from '../host/engineConfig';
import { TOOL_VERSION } from '../host/version';

export interface CliEngine {
  dispatch: ReturnType<typeof createDispatcher>;
  close(): void;
}

export function cliEngine(): CliEngine {
  const engine = createEngine(
    engineOptions({
      mode: 'serve',
      version: TOOL_VERSION,
      demoCasePath: null,
      demoArchivesDir: null,
      uploadsDir: null,
      // CASEFILE_NATIVE_IMPORT=0: the JS path for every file (bench:import compares the two).
      nativeImport: process.env.CASEFILE_NATIVE_IMPORT !== '0',
    }),
  );
  const dispatch = createDispatcher(engine.handlers, {
    onInternalError: (id, method, thrown) =>
      process.stderr.write(
        `incident ${id} in ${method}: ${thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown)}\n`,
      ),
  });
  return { dispatch, close: () => engine.close() };
}
