/** custody.log: the case's own audit trail, read back and its hash chain checked. */
import type { Handlers } from '../../../shared/contract/api';
import { checkCustodyChain } from '../../../shared/custody/chain';
import { err, ok } from '../../../shared/contract/result';
import { readCustody } from '../case/custody';
import type { EngineState } from '../state';

export function custodyHandlers(state: EngineState): Pick<Handlers, 'custody.log'> {
  return {
    'custody.log': () =>
      // Exclusive: an import appends its entry inside its transaction, so the log is read whole.
      state.exclusive(async () => {
        const c = state.current;
        if (!c) return err('NO_CASE', 'no case is open');
        const entries = await readCustody(c.db);
        return ok({ entries, check: checkCustodyChain(entries) });
      }),
  };
}
