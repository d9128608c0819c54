/**
 * Entry point of the engine child process. Parsing hostile archives and DuckDB's native code
 * run here, so a crash (DuckDB warns crafted files can crash it) ends this process only; the
 * host answers ENGINE_UNAVAILABLE and starts a new one.
 */
import { createDispatcher } from '../../shared/rpc/dispatch';
import { createEngine } from '../engine/engine';
import { engineOptionsFromEnv } from './engineConfig';
import type { CallMessage, ToHost } from './protocol';

const send = (message: ToHost): void => {
  process.send?.(message);
};

const engine = createEngine(engineOptionsFromEnv(process.env));
const dispatch = createDispatcher(engine.handlers, {
  onInternalError: (incidentId, method, thrown) => {
    process.stderr.write(
      `[casefile engine] incident ${incidentId} in ${method}: ${thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown)}\n`,
    );
  },
});
engine.onEvent((event) => send({ kind: 'event', event }));

process.on('message', (raw: unknown) => {
  const message = raw as CallMessage;
  if (message?.kind !== 'call') return;
  void dispatch(message.method, message.req).then((result) =>
    send({ kind: 'result', id: message.id, result }),
  );
});
process.on('disconnect', () => {
  engine.close();
  process.exit(0);
});
send({ kind: 'ready' });
