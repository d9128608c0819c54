/**
 * Engine options passed to the engine process through its environment (the process is forked
 * with a fresh argv, and env survives both `fork` and Electron's utility processes).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createIngest } from '../engine/import/ingestAdapter';
import type { EngineOptions } from '../engine/engine';

export interface EngineConfig {
  mode: 'desktop' | 'serve';
  version: string;
  demoCasePath: string | null;
  demoArchivesDir: string | null;
  uploadsDir: string | null;
  /** false: every file through the JS import path (comparisons, debugging); default true. */
  nativeImport?: boolean;
  /** Tagged-copy bytes after which native files are inserted (import/importRun.ts); tests set it low. */
  nativeBatchBytes?: number;
}

export function engineEnv(config: EngineConfig): Record<string, string> {
  return { CASEFILE_ENGINE_CONFIG: JSON.stringify(config) };
}

/** Demo archives in name order, so the demo case is the same on every machine. */
export function listDemoArchives(dir: string | null): string[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.') && !n.endsWith('.md'))
    .sort()
    .map((n) => join(dir, n));
}

export function engineOptions(config: EngineConfig): EngineOptions {
  const uploads = config.uploadsDir;
  return {
    mode: config.mode,
    version: config.version,
    demoCasePath: config.demoCasePath,
    demoArchives: listDemoArchives(config.demoArchivesDir),
    ingest: createIngest(),
    nativeImport: config.nativeImport ?? true,
    ...(config.nativeBatchBytes !== undefined ? { nativeBatchBytes: config.nativeBatchBytes } : {}),
    ...(uploads
      ? {
          resolveUpload: (id: string) => {
            // Upload ids are 32 hex characters (contract schema), so this cannot leave the folder.
            const path = join(uploads, id);
            return /^[a-f0-9]{32}$/.test(id) && existsSync(path) ? path : null;
          },
        }
      : {}),
  };
}

export function engineOptionsFromEnv(env: NodeJS.ProcessEnv): EngineOptions {
  const raw = env.CASEFILE_ENGINE_CONFIG;
  if (!raw) throw new Error('CASEFILE_ENGINE_CONFIG is not set: start the engine through EngineHost');
  return engineOptions(JSON.parse(raw) as EngineConfig);
}
