#!/usr/bin/env node
// The installed `casefile` command: runs the bundled CLI (built by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/node/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('casefile: not built yet; run `npm run build` first\n');
  process.exit(2);
}
await import(cli);
