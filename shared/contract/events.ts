/** Events the engine pushes to the UI (SSE in serve mode, IPC in the desktop app). */

export interface ImportProgress {
  type: 'import.progress';
  importId: string;
  file: string;
  fileIndex: number;
  fileCount: number;
  bytesDone: number;
  bytesTotal: number;
  records: number;
  quarantined: number;
  /** Records per second over the import so far. */
  rate: number;
  /** Seconds left at the current rate, null until it can be estimated. */
  etaSeconds: number | null;
}

/** Verification moving through the archives of one verify.run (or the check after an import). */
export interface VerifyProgress {
  type: 'verify.progress';
  archivesDone: number;
  archivesTotal: number;
  /** The archive (or group of archives verified as one chain) being checked now. */
  current: string;
}

export interface CaseChanged {
  type: 'case.changed';
}

export type ServerEvent = ImportProgress | VerifyProgress | CaseChanged;
