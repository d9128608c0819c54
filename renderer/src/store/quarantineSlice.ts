/** The quarantine view slice: lines that could not become events, optionally for one archive. */
import type { StateCreator } from 'zustand';
import { emptyTable, type PagedTable } from '../data/pagedTable';
import type { AppState } from './store';

export interface QuarantineSlice {
  quarantine: PagedTable;
  /** Show only this archive's quarantined lines (the import report's link sets it). */
  quarantineArchiveId: string | null;
  selectedQuarantineIndex: number | null;
}

export const createQuarantineSlice: StateCreator<AppState, [], [], QuarantineSlice> = () => ({
  quarantine: emptyTable(0),
  quarantineArchiveId: null,
  selectedQuarantineIndex: null,
});
