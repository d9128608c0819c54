/**
 * Import actions: choose files (picker or drop), preview them, upload (serve) or resolve paths
 * (desktop), run archive.import with progress, cancel, and show the per-file report (issue #3).
 */
import type { Request } from '../../../shared/contract/api';
import { ERROR_CODES, type CasefileError, type ErrorCode } from '../../../shared/contract/result';
import type { Mapping } from '../../../shared/ingest/mapping';
import { suggestMapping } from '../../../shared/ingest/suggestMapping';
import { session } from '../api/session';
import { readPreview } from '../import/readPreview';
import { useAppStore } from '../store/store';
import { refreshCase } from './caseActions';
import { reloadEvents } from './eventsActions';
import { pushNotice } from './notices';

type ImportSource = Request<'archive.import'>['sources'][number];

function errorCode(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'NOT_AN_ARCHIVE';
}

export function openImportDialog(): void {
  useAppStore.setState({
    importOpen: true,
    importStep: 'choose',
    pendingFiles: [],
    report: null,
    progress: null,
    importError: null,
    mapping: null,
    mappingStatus: null,
    producerOverride: '',
  });
}

export function closeImportDialog(): void {
  const { importStep } = useAppStore.getState();
  if (importStep === 'uploading' || importStep === 'running') return; // cancel first
  useAppStore.setState({ importOpen: false, pendingFiles: [], importId: null });
}

/** Files from the picker or a drop: preview each, and suggest a mapping if a family is unknown. */
export async function chooseFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  openImportDialog();
  const pendingFiles = await Promise.all(
    files.map(async (file) => ({ file, preview: await readPreview(file) })),
  );
  const unknown = pendingFiles.find((p) => p.preview.detection?.producer === 'mapped');
  const mapping = unknown ? suggestMapping(unknown.preview.sample, `mapping for ${unknown.file.name}`) : null;
  useAppStore.setState({ pendingFiles, importStep: 'preview', mapping });
}

export function setProducerOverride(producer: string): void {
  useAppStore.setState({ producerOverride: producer });
}

export function setMapping(mapping: Mapping | null): void {
  useAppStore.setState({ mapping });
}

function newImportId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

/** Serve mode uploads each file first; the desktop app passes its local path. */
async function sourcesFor(files: readonly File[]): Promise<ImportSource[] | CasefileError> {
  const { upload, pathForFile } = session();
  const sources: ImportSource[] = [];
  for (const file of files) {
    if (pathForFile) {
      sources.push({ path: pathForFile(file) });
      continue;
    }
    if (!upload)
      return { code: 'TRANSPORT', message: 'this window can neither upload files nor read their paths' };
    const uploaded = await upload(file);
    if (!uploaded.ok) return { ...uploaded.error, where: { file: file.name } };
    sources.push({ uploadId: uploaded.value.uploadId, name: file.name });
  }
  return sources;
}

export async function startImport(): Promise<void> {
  const { pendingFiles, producerOverride, mapping } = useAppStore.getState();
  if (pendingFiles.length === 0) return;
  const importId = newImportId();
  useAppStore.setState({
    importStep: 'uploading',
    importId,
    progress: null,
    report: null,
    importError: null,
  });
  const sources = await sourcesFor(pendingFiles.map((p) => p.file));
  if (useAppStore.getState().importId !== importId) return; // cancelled while uploading
  if (!Array.isArray(sources)) return failImport(sources);
  useAppStore.setState({ importStep: 'running' });
  const usesMapping =
    mapping !== null &&
    producerOverride === '' &&
    pendingFiles.some((p) => p.preview.detection?.producer === 'mapped');
  const result = await session().client.call('archive.import', {
    sources,
    importId,
    ...(producerOverride ? { producer: producerOverride } : {}),
    ...(usesMapping && mapping ? { mapping } : {}),
  });
  if (!result.ok) {
    if (result.error.code === 'CANCELLED') {
      useAppStore.setState({ importStep: 'cancelled', importError: result.error });
      return;
    }
    return failImport(result.error);
  }
  useAppStore.setState({ importStep: 'done', report: result.value });
  // A file the engine could not read is named in a notice too, so it is seen even after the dialog closes.
  for (const file of result.value.files) {
    if (file.error)
      pushNotice('Import', {
        code: errorCode(file.error.code),
        message: file.error.message,
        where: { ...file.error.where, file: file.path },
      });
  }
  await refreshCase();
  reloadEvents();
}

function failImport(error: CasefileError): void {
  useAppStore.setState({ importStep: 'done', importError: error });
  pushNotice('Import', error);
}

export async function cancelImport(): Promise<void> {
  const { importId, importStep } = useAppStore.getState();
  if (importId === null) return;
  if (importStep === 'uploading') {
    // Nothing reached the engine yet: drop the uploads' import, the case is untouched.
    useAppStore.setState({
      importId: null,
      importStep: 'cancelled',
      importError: {
        code: 'CANCELLED',
        message: 'import cancelled before it started; the case is unchanged',
      },
    });
    return;
  }
  const result = await session().client.call('import.cancel', { importId });
  if (!result.ok) pushNotice('Cancel import', result.error);
}
