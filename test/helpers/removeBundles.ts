/**
 * Vitest global setup: when the run ends, removes the bundles bundleEntry (bundle.ts) wrote into
 * dist/ during it (about 2 MB per test file that spawns the CLI or engine). Bundles older than the
 * run are left to whichever run made them.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_PREFIX } from './bundle';

let started = Date.now();

export function setup(): void {
  started = Date.now();
}

export function teardown(): void {
  let names: string[];
  try {
    names = readdirSync('dist');
  } catch {
    return;
  }
  for (const name of names) {
    const path = join('dist', name);
    if (name.startsWith(BUNDLE_PREFIX) && statSync(path).mtimeMs >= started)
      rmSync(path, { recursive: true, force: true });
  }
}
