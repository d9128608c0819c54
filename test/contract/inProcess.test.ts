import { createDispatcher } from '../../shared/rpc/dispatch';
import { createClient } from '../../shared/rpc/client';
import { runContractSuite } from './suite';
import { testEngine } from './testEngine';

runContractSuite('in-process', async () => {
  const engine = testEngine();
  const dispatch = createDispatcher(engine.handlers);
  const client = createClient({ invoke: (m, r) => dispatch(m, r), subscribe: (l) => engine.onEvent(l) });
  return { call: client.call, close: async () => engine.close() };
});
