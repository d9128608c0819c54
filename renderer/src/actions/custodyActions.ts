/** Custody view actions: load the case's audit trail and chain check, again after what adds to it. */
import { session } from '../api/session';
import { useAppStore } from '../store/store';
import { pushNotice } from './notices';

let loadSequence = 0;

/** Loads the log; an older answer arriving late is dropped. */
export async function loadCustody(): Promise<void> {
  const sequence = ++loadSequence;
  const result = await session().client.call('custody.log', {});
  if (sequence !== loadSequence) return;
  if (!result.ok) {
    if (result.error.code !== 'NO_CASE') pushNotice('Custody', result.error);
    return;
  }
  useAppStore.setState({ custody: result.value });
}

/** Forgets the previous case's log (a case switch). */
export function resetCustody(): void {
  loadSequence++;
  useAppStore.setState({ custody: null });
}

export function showCustody(): void {
  useAppStore.setState({ caseView: 'custody' });
  void loadCustody();
}

/** After an import, a verification or a saved mapping: the log has grown if the view shows it. */
export function refreshCustodyIfShown(): void {
  if (useAppStore.getState().caseView === 'custody') void loadCustody();
}
