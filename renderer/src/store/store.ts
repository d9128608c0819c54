/**
 * The one renderer store, built from slices (style/anchors.md §3.1, zustand slices pattern).
 * Actions live in ../actions as module functions that call the engine and then `setState`.
 */
import { create } from 'zustand';
import { createCaseSlice, type CaseSlice } from './caseSlice';
import { createCustodySlice, type CustodySlice } from './custodySlice';
import { createEventsSlice, type EventsSlice } from './eventsSlice';
import { createImportSlice, type ImportSlice } from './importSlice';
import { createIntegritySlice, type IntegritySlice } from './integritySlice';
import { createNoticesSlice, type NoticesSlice } from './noticesSlice';
import { createQuarantineSlice, type QuarantineSlice } from './quarantineSlice';

export type AppState = CaseSlice &
  EventsSlice &
  QuarantineSlice &
  ImportSlice &
  IntegritySlice &
  CustodySlice &
  NoticesSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createCaseSlice(...args),
  ...createEventsSlice(...args),
  ...createQuarantineSlice(...args),
  ...createImportSlice(...args),
  ...createIntegritySlice(...args),
  ...createCustodySlice(...args),
  ...createNoticesSlice(...args),
}));
