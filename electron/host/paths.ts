/** Where the built pieces and the user's data live, from the installed package root. */
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: dist/node/*.mjs sits two levels below it. */
export function packageRoot(fromUrl: string): string {
  return resolve(dirname(fileURLToPath(fromUrl)), '..', '..');
}

export interface AppPaths {
  root: string;
  engineEntry: string;
  rendererDir: string;
  demoArchivesDir: string;
  /** Per-user data: the demo case and serve uploads. CASEFILE_HOME overrides (tests). */
  home: string;
}

export function appPaths(root: string, env: NodeJS.ProcessEnv = process.env): AppPaths {
  return {
    root,
    engineEntry: join(root, 'dist', 'node', 'engine.mjs'),
    rendererDir: join(root, 'dist', 'renderer'),
    demoArchivesDir: join(root, 'demo', 'archives'),
    home: env.CASEFILE_HOME ?? join(homedir(), '.casefile'),
  };
}
