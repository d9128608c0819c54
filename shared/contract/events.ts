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

export interface CaseChanged {
  type: 'case.changed';
}

export type ServerEvent = ImportProgress | CaseChanged;
