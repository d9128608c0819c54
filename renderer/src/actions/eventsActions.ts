/** Events view actions: page the engine's events table by visible range, search, select a row. */
import { session } from '../api/session';
import { createPageLoader } from '../data/pageLoader';
import { columnIndex, emptyTable, PAGE_SIZE, pagesForRange, rowAt, withPage } from '../data/pagedTable';
import { useAppStore } from '../store/store';
import { pushNotice } from './notices';

async function loadEventsPage(page: number): Promise<void> {
  const { events, eventSearch } = useAppStore.getState();
  const key = events.key;
  const result = await session().client.call('events.page', {
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
    ...(eventSearch ? { search: eventSearch } : {}),
  });
  const now = useAppStore.getState().events;
  if (now.key !== key) return; // the query changed while this page was on its way
  if (!result.ok) {
    pushNotice('Events', result.error);
    return;
  }
  const { columns, rows, total } = result.value;
  useAppStore.setState({ events: withPage(now, page, columns, rows, total) });
}

const loader = createPageLoader({
  load: loadEventsPage,
  isCached: (page) => useAppStore.getState().events.pages[page] !== undefined,
});

/** Drops every cached page and asks again (query changed, or the case did). */
export function reloadEvents(): void {
  const { events } = useAppStore.getState();
  loader.reset();
  useAppStore.setState({ events: { ...emptyTable(events.key + 1), columns: events.columns } });
  loader.want([0]);
}

/** The table calls this with its visible rows; pages around them are fetched, nearest first. */
export function showEventRows(first: number, last: number): void {
  loader.want(pagesForRange(first, last, useAppStore.getState().events.total));
}

export function setEventSearch(search: string): void {
  if (useAppStore.getState().eventSearch === search) return;
  useAppStore.setState({ eventSearch: search, selectedEventIndex: null, detail: null, detailError: null });
  reloadEvents();
}

export function closeEventDetail(): void {
  useAppStore.setState({ selectedEventIndex: null, detail: null, detailError: null, detailLoading: false });
}

/** Selects the row at `index` and loads its full record (events.get) for the side panel. */
export async function selectEvent(index: number): Promise<void> {
  const { events } = useAppStore.getState();
  const row = rowAt(events, index);
  const idColumn = columnIndex(events, 'row_id');
  const rowId = row && idColumn >= 0 ? row[idColumn] : null;
  useAppStore.setState({
    selectedEventIndex: index,
    detailLoading: rowId !== null && rowId !== undefined,
    detailError: null,
  });
  if (rowId === null || rowId === undefined) return;
  const result = await session().client.call('events.get', { rowId });
  if (useAppStore.getState().selectedEventIndex !== index) return;
  if (result.ok) useAppStore.setState({ detail: result.value, detailLoading: false });
  else useAppStore.setState({ detail: null, detailError: result.error, detailLoading: false });
}
