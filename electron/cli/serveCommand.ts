/**
 * `casefile serve [case.duckdb] [--port N] [--token T]`: the browser mode. Prints one line
 * `Casefile serving at <url>` (the URL carries the session token once).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startHttpBridge } from '../serve/httpBridge';
import { EngineHost } from '../host/engineHost';
import { engineEnv } from '../host/engineConfig';
import type { AppPaths } from '../host/paths';
import { TOOL_VERSION } from '../host/version';

export interface ServeArgs {
  casePath?: string;
  port?: number;
  token?: string;
}

export async function serveCommand(args: ServeArgs, paths: AppPaths): Promise<number> {
  if (!existsSync(join(paths.rendererDir, 'index.html'))) {
    process.stderr.write(
      `casefile serve: the renderer is not built (${paths.rendererDir}); run \`npm run build\`\n`,
    );
    return 2;
  }
  mkdirSync(paths.home, { recursive: true });
  const uploadsDir = join(paths.home, 'uploads');
  const host = new EngineHost({
    entry: paths.engineEntry,
    env: engineEnv({
      mode: 'serve',
      version: TOOL_VERSION,
      demoCasePath: join(paths.home, `demo-${TOOL_VERSION}.duckdb`),
      demoArchivesDir: paths.demoArchivesDir,
      uploadsDir,
    }),
  });
  if (args.casePath) {
    const method = existsSync(args.casePath) ? 'case.open' : 'case.create';
    const opened = await host.dispatch(method, { path: args.casePath });
    if (!opened.ok) {
      process.stderr.write(`casefile serve: ${opened.error.message}\n`);
      await host.close();
      return 2;
    }
  }
  const bridge = await startHttpBridge({
    dispatch: host.dispatch,
    subscribe: (l) => host.subscribe(l),
    staticDir: paths.rendererDir,
    uploadsDir,
    ...(args.token ? { token: args.token } : {}),
    ...(args.port !== undefined ? { port: args.port } : {}),
  });
  process.stdout.write(`Casefile serving at ${bridge.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await bridge.close();
  await host.close();
  return 0;
}
