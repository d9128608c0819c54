/** Builds an engine for tests exactly as the CLI does (real ingest, real DuckDB). */
import { createEngine, type Engine } from '../../electron/engine/engine';
import { engineOptions, type EngineConfig } from '../../electron/host/engineConfig';

/** `overrides`: e.g. `{ nativeImport: false }` to force the JS import path. */
export function testEngine(overrides: Partial<EngineConfig> = {}): Engine {
  return createEngine(
    engineOptions({
      mode: 'serve',
      version: '0.0.0-test',
      demoCasePath: null,
      demoArchivesDir: null,
      uploadsDir: null,
      ...overrides,
    }),
  );
}
