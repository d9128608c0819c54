import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHttpBridge } from '../../electron/serve/httpBridge';
import type { Result } from '../../shared/contract/result';
import { createDispatcher } from '../../shared/rpc/dispatch';
import { createClient } from '../../shared/rpc/client';
import { runContractSuite } from './suite';
import { testEngine } from './testEngine';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-http');

runContractSuite('loopback HTTP', async () => {
  const engine = testEngine();
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const bridge = await startHttpBridge({
    dispatch: createDispatcher(engine.handlers),
    subscribe: (l) => engine.onEvent(l),
    staticDir,
    uploadsDir: join(dir, 'uploads'),
  });
  const cookie = `casefile_session=${bridge.token}`;
  const client = createClient({
    async invoke(method, req) {
      const res = await fetch(`http://127.0.0.1:${bridge.port}/rpc`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Casefile-Call': '1', Cookie: cookie },
        body: JSON.stringify({ method, req }),
      });
      if (res.status !== 200)
        return { ok: false, error: { code: 'TRANSPORT', message: `HTTP ${res.status}` } };
      return (await res.json()) as Result<unknown>;
    },
    subscribe: () => () => undefined,
  });
  return {
    call: client.call,
    close: async () => {
      await bridge.close();
      engine.close();
    },
  };
});
