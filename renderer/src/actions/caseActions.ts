/** Case actions: boot (first run opens the demo case), open/create by path, switch, refresh counts. */
import type { CaseInfo } from '../../../shared/contract/model';
import type { Response } from '../../../shared/contract/api';
import { session } from '../api/session';
import { useAppStore } from '../store/store';
import { resetCustody, refreshCustodyIfShown } from './custodyActions';
import { reloadEvents } from './eventsActions';
import { resetIntegrity } from './integrityActions';
import { pushNotice } from './notices';
import { reloadQuarantine } from './quarantineActions';

/** Shows the case and loads its first page; the table asks for the rest as it scrolls. */
function enterCase(info: CaseInfo): void {
  useAppStore.setState({
    caseInfo: info,
    screen: 'case',
    caseView: 'events',
    busy: null,
    backgroundProgress: null,
    eventSearch: '',
    selectedEventIndex: null,
    detail: null,
    detailError: null,
    quarantineArchiveId: null,
  });
  resetIntegrity();
  resetCustody();
  reloadEvents();
  void refreshArchives();
}

async function adopt(context: string, pending: Promise<Response<'case.open'>>): Promise<boolean> {
  const result = await pending;
  if (!result.ok) {
    useAppStore.setState({
      busy: null,
      backgroundProgress: null,
      screen: useAppStore.getState().caseInfo ? useAppStore.getState().screen : 'welcome',
    });
    pushNotice(context, result.error);
    return false;
  }
  enterCase(result.value);
  return true;
}

export async function refreshArchives(): Promise<void> {
  const result = await session().client.call('archive.list', {});
  if (result.ok) useAppStore.setState({ archives: result.value });
  else if (result.error.code !== 'NO_CASE') pushNotice('Archives', result.error);
}

/** Re-reads the open case's counts and archives (after an import or a case.changed event). */
export async function refreshCase(): Promise<void> {
  const info = await session().client.call('app.info', {});
  if (!info.ok) return pushNotice('Case', info.error);
  useAppStore.setState({ app: info.value, caseInfo: info.value.currentCase });
  if (info.value.currentCase) await refreshArchives();
  refreshCustodyIfShown();
}

export async function openDemoCase(): Promise<boolean> {
  useAppStore.setState({
    busy: 'Opening the demo case (the first time it is built from the bundled archives)…',
  });
  return adopt('Open demo case', session().client.call('case.openDemo', {}));
}

export async function openCaseAt(path: string): Promise<boolean> {
  useAppStore.setState({ busy: `Opening ${path}…` });
  return adopt('Open case', session().client.call('case.open', { path }));
}

export async function createCaseAt(path: string): Promise<boolean> {
  useAppStore.setState({ busy: `Creating ${path}…` });
  return adopt('New case', session().client.call('case.create', { path }));
}

let booted = false;

/** First run: no case open, so open the demo case at once and the newcomer sees events (issue #2). */
export async function boot(): Promise<void> {
  if (booted) return; // React StrictMode mounts twice in development
  booted = true;
  const info = await session().client.call('app.info', {});
  if (!info.ok) {
    useAppStore.setState({ screen: 'welcome' });
    return pushNotice('Start', info.error);
  }
  useAppStore.setState({ app: info.value });
  if (info.value.currentCase) return enterCase(info.value.currentCase);
  if (info.value.demoCasePath) {
    await openDemoCase();
    return;
  }
  useAppStore.setState({ screen: 'welcome' });
}

/** The welcome screen stays reachable; the open case stays open until another replaces it. */
export function switchCase(): void {
  useAppStore.setState({ screen: 'welcome', importOpen: false });
}

export function returnToCase(): void {
  if (useAppStore.getState().caseInfo) useAppStore.setState({ screen: 'case' });
}

export function showEvents(): void {
  useAppStore.setState({ caseView: 'events' });
}

export function showAllQuarantine(): void {
  useAppStore.setState({ caseView: 'quarantine', quarantineArchiveId: null });
  reloadQuarantine();
}
