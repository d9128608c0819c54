/** Routes engine push events: import progress to the import slice, case changes to a refresh. */
import type { ServerEvent } from '../../../shared/contract/events';
import { session } from '../api/session';
import { useAppStore } from '../store/store';
import { refreshCase } from './caseActions';
import { reloadEvents } from './eventsActions';
import { loadVerifications } from './integrityActions';
import { reloadQuarantine } from './quarantineActions';

/** Several case.changed events arrive around one import; refresh once after they settle. */
const CHANGE_SETTLE_MS = 150;
let changeTimer: ReturnType<typeof setTimeout> | null = null;

function onCaseChanged(): void {
  if (changeTimer !== null) clearTimeout(changeTimer);
  changeTimer = setTimeout(() => {
    changeTimer = null;
    const { screen, caseView } = useAppStore.getState();
    if (screen !== 'case') return;
    void refreshCase();
    reloadEvents();
    if (caseView === 'quarantine') reloadQuarantine();
    // An import verifies what it brought in; verify.run stores new reports: both end here.
    if (caseView === 'integrity') void loadVerifications();
  }, CHANGE_SETTLE_MS);
}

function onServerEvent(event: ServerEvent): void {
  switch (event.type) {
    case 'import.progress': {
      const { importId } = useAppStore.getState();
      if (importId !== null && event.importId === importId) useAppStore.setState({ progress: event });
      else useAppStore.setState({ backgroundProgress: event });
      return;
    }
    case 'verify.progress':
      if (useAppStore.getState().verifyRunning) useAppStore.setState({ verifyProgress: event });
      return;
    case 'case.changed':
      onCaseChanged();
      return;
  }
}

export function listenToEngine(): () => void {
  return session().client.onEvent(onServerEvent);
}
