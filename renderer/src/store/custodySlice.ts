/** The custody view slice: the case's own audit trail and its chain check, as last loaded. */
import type { StateCreator } from 'zustand';
import type { CustodyLog } from '../../../shared/contract/model';
import type { AppState } from './store';

export interface CustodySlice {
  /** Null until loaded for the open case. */
  custody: CustodyLog | null;
}

export const createCustodySlice: StateCreator<AppState, [], [], CustodySlice> = () => ({
  custody: null,
});
