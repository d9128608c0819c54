/** The import slice: the dialog's step, the chosen files and their previews, progress and report. */
import type { StateCreator } from 'zustand';
import type { ImportProgress } from '../../../shared/contract/events';
import type { ImportReport, SavedMapping } from '../../../shared/contract/model';
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
  /** The case's saved mappings (`mapping.list`), offered by the editor's "Use saved mapping". */
  savedMappings: SavedMapping[];
  /** The last mapping action that succeeded ("Saved …"); failures go to the notices. */
  mappingStatus: string | null;
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
  savedMappings: [],
  mappingStatus: null,
  importId: null,
  progress: null,
  report: null,
  importError: null,
});
