/** Builds an engine for tests exactly as the CLI does (real ingest, real DuckDB). */
import { createEngine, type Engine } from '../../electron/engine/engine';
import { engineOptions } from '../../electron/host/engineConfig';

export function testEngine(): Engine {
  return createEngine(
    engineOptions({
      mode: 'serve',
      version: '0.0.0-test',
      demoCasePath: null,
      demoArchivesDir: null,
      uploadsDir: null,
    }),
  );
}
