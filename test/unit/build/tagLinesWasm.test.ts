/**
 * The committed WebAssembly module (electron/engine/import/native/tagLinesWasm.ts) is what its
 * AssemblyScript source (wasm/tagLines.ts) compiles to, so the two cannot drift apart.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('tagLinesWasm.ts', () => {
  it('is what wasm/tagLines.ts compiles to (npm run build:wasm)', () => {
    const check = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 60_000);
});
