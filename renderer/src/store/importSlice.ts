/** The import slice: the dialog's step, the chosen files and their previews, progress and report. */
import type { StateCreator } from 'zustand';
import type { ImportProgress } from '../../../shared/contract/events';
import type { ImportReport } from '../../../shared/contract/model';
import type { CasefileError } from '../../../shared/contract/result';
import type { Mapping } from '../../../shared/ingest/mapping';
import type { FilePreview } from '../import/previewRecords';
import type { AppState } from './store';

/** choose → preview → uploading → running → done (or cancelled). */
export type ImportStep = 'choose' | 'preview' | 'uploading' | 'running' | 'done' | 'cancelled';

export interface PendingFile {
  file: File;
  preview: FilePreview;
}

export interface ImportSlice {
  importOpen: boolean;
  importStep: ImportStep;
  pendingFiles: PendingFile[];
  /** '' lets the engine detect each file's family; otherwise a producer id (`--producer`). */
  producerOverride: string;
  /** Set when the user maps an unknown producer's fields (`--mapping`). */
  mapping: Mapping | null;
  importId: string | null;
  progress: ImportProgress | null;
  report: ImportReport | null;
  importError: CasefileError | null;
}

export const createImportSlice: StateCreator<AppState, [], [], ImportSlice> = () => ({
  importOpen: false,
  importStep: 'choose',
  pendingFiles: [],
  producerOverride: '',
  mapping: null,
  importId: null,
  progress: null,
  report: null,
  importError: null,
});
