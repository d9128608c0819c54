/** The notices slice: errors the user should read, each with its file/line/field, until dismissed. */
import type { StateCreator } from 'zustand';
import type { CasefileError } from '../../../shared/contract/result';
import type { AppState } from './store';

export interface Notice {
  id: number;
  /** What the user was doing, e.g. "Import" or "Open case". */
  context: string;
  error: CasefileError;
}

export interface NoticesSlice {
  notices: Notice[];
}

export const createNoticesSlice: StateCreator<AppState, [], [], NoticesSlice> = () => ({
  notices: [],
});
