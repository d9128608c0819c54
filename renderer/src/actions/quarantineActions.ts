/** Quarantine view actions: page quarantined lines, optionally of one archive. */
import { session } from '../api/session';
import { createPageLoader } from '../data/pageLoader';
import { emptyTable, PAGE_SIZE, pagesForRange, withPage } from '../data/pagedTable';
import { useAppStore } from '../store/store';
import { pushNotice } from './notices';

async function loadQuarantinePage(page: number): Promise<void> {
  const { quarantine, quarantineArchiveId } = useAppStore.getState();
  const key = quarantine.key;
  const result = await session().client.call('quarantine.page', {
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
    ...(quarantineArchiveId ? { archiveId: quarantineArchiveId } : {}),
  });
  const now = useAppStore.getState().quarantine;
  if (now.key !== key) return;
  if (!result.ok) {
    pushNotice('Quarantine', result.error);
    return;
  }
  const { columns, rows, total } = result.value;
  useAppStore.setState({ quarantine: withPage(now, page, columns, rows, total) });
}

const loader = createPageLoader({
  load: loadQuarantinePage,
  isCached: (page) => useAppStore.getState().quarantine.pages[page] !== undefined,
});

export function reloadQuarantine(): void {
  const { quarantine } = useAppStore.getState();
  loader.reset();
  useAppStore.setState({ quarantine: emptyTable(quarantine.key + 1), selectedQuarantineIndex: null });
  loader.want([0]);
}

export function showQuarantineRows(first: number, last: number): void {
  loader.want(pagesForRange(first, last, useAppStore.getState().quarantine.total));
}

/** Opens the quarantine view, filtered to one archive or (null) to the whole case. */
export function openQuarantine(archiveId: string | null): void {
  useAppStore.setState({ caseView: 'quarantine', quarantineArchiveId: archiveId, importOpen: false });
  reloadQuarantine();
}

export function selectQuarantined(index: number | null): void {
  useAppStore.setState({ selectedQuarantineIndex: index });
}
