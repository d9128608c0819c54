/** The case slice: which case is open, its archives, and which screen shows. */
import type { StateCreator } from 'zustand';
import type { AppInfo, ArchiveInfo, CaseInfo } from '../../../shared/contract/model';
import type { ImportProgress } from '../../../shared/contract/events';
import type { AppState } from './store';

export type Screen = 'booting' | 'welcome' | 'case';
export type CaseView = 'events' | 'quarantine' | 'integrity' | 'custody';

export interface CaseSlice {
  app: AppInfo | null;
  caseInfo: CaseInfo | null;
  archives: ArchiveInfo[];
  screen: Screen;
  caseView: CaseView;
  /** What the app is waiting on (opening, building the demo case), shown instead of a spinner. */
  busy: string | null;
  /** Progress of an import the user did not start here (the demo case being built on first run). */
  backgroundProgress: ImportProgress | null;
}

export const createCaseSlice: StateCreator<AppState, [], [], CaseSlice> = () => ({
  app: null,
  caseInfo: null,
  archives: [],
  screen: 'booting',
  caseView: 'events',
  busy: null,
  backgroundProgress: null,
});
