/** The events view slice: the paged window over `events.page`, the search, the selected event. */
import type { StateCreator } from 'zustand';
import type { EventDetail } from '../../../shared/contract/model';
import type { CasefileError } from '../../../shared/contract/result';
import { emptyTable, type PagedTable } from '../data/pagedTable';
import type { AppState } from './store';

export interface EventsSlice {
  events: PagedTable;
  /** The search the table shows (applied after the debounce), '' for none. */
  eventSearch: string;
  selectedEventIndex: number | null;
  detail: EventDetail | null;
  detailError: CasefileError | null;
  detailLoading: boolean;
}

export const createEventsSlice: StateCreator<AppState, [], [], EventsSlice> = () => ({
  events: emptyTable(0),
  eventSearch: '',
  selectedEventIndex: null,
  detail: null,
  detailError: null,
  detailLoading: false,
});
