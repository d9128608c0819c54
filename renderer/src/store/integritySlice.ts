/** The integrity slice: each archive's latest verification, the chosen report, the opened record, the Verify dialog. */
import type { StateCreator } from 'zustand';
import type { ArchiveVerification, EventDetail, QuarantineRow } from '../../../shared/contract/model';
import type { CasefileError } from '../../../shared/contract/result';
import type { VerifyProgress } from '../../../shared/contract/events';
import type { Verdict } from '../../../shared/verify/types';
import type { AppState } from './store';

/** A record a finding or diagnosis points at: what to look up (events.locate) and what to say about it. */
export interface RecordTarget {
  archiveId: string;
  entryIndex: number;
  line?: number;
  /** Why it was opened, e.g. "hash_mismatch: the event_hash recomputed … differs". */
  reason: string;
}

export type RecordLookup =
  | { state: 'loading' }
  | { state: 'event'; event: EventDetail }
  | { state: 'quarantined'; row: QuarantineRow }
  | { state: 'failed'; error: CasefileError };

export interface OpenRecord {
  target: RecordTarget;
  lookup: RecordLookup;
}

export interface VerifyRunSummary {
  runId: string;
  verifiedAt: string;
  verdicts: Record<Verdict, number>;
}

export interface IntegritySlice {
  verifications: ArchiveVerification[];
  /** False until the first verify.results answer for this case. */
  verificationsLoaded: boolean;
  integrityArchiveId: string | null;
  openRecord: OpenRecord | null;
  verifyOpen: boolean;
  verifyRunning: boolean;
  /** The engine's verify.progress while a run is going. */
  verifyProgress: VerifyProgress | null;
  verifyError: CasefileError | null;
  lastRun: VerifyRunSummary | null;
}

export const createIntegritySlice: StateCreator<AppState, [], [], IntegritySlice> = () => ({
  verifications: [],
  verificationsLoaded: false,
  integrityArchiveId: null,
  openRecord: null,
  verifyOpen: false,
  verifyRunning: false,
  verifyProgress: null,
  verifyError: null,
  lastRun: null,
});
