/**
 * Saved, reusable field mappings (issue #3): list and save them in the case (mapping.list,
 * mapping.save), apply one to the editor, read one from a file, and export one as a JSON file
 * for `casefile import --mapping`. Failures go to the notices; a success is a status line.
 */
import type { Mapping } from '../../../shared/ingest/mapping';
import { session } from '../api/session';
import { mappingFileName, mappingFileText, readMappingFile } from '../import/mappingFile';
import { useAppStore } from '../store/store';
import { refreshCustodyIfShown } from './custodyActions';
import { pushNotice } from './notices';

/** Long enough for the browser to start reading the blob before its URL goes. */
const REVOKE_AFTER_MS = 10_000;

export async function loadSavedMappings(): Promise<void> {
  const result = await session().client.call('mapping.list', {});
  if (!result.ok) return pushNotice('List saved mappings', result.error);
  useAppStore.setState({ savedMappings: result.value });
}

export async function saveMapping(mapping: Mapping): Promise<boolean> {
  const result = await session().client.call('mapping.save', { mapping });
  if (!result.ok) {
    pushNotice('Save mapping', result.error);
    return false;
  }
  useAppStore.setState({ mappingStatus: `Saved mapping “${result.value.name}” in this case.` });
  await loadSavedMappings();
  refreshCustodyIfShown();
  return true;
}

/** Puts a saved mapping in the editor (and so in the next archive.import). */
export function applySavedMapping(name: string): void {
  const saved = useAppStore.getState().savedMappings.find((m) => m.name === name);
  if (!saved) return;
  useAppStore.setState({ mapping: saved.mapping, mappingStatus: `Using saved mapping “${saved.name}”.` });
}

/** Reads a mapping file chosen by the user; an invalid one is named, field first, in a notice. */
export async function importMappingFile(file: File): Promise<boolean> {
  const checked = readMappingFile(await file.text(), file.name);
  if (!checked.ok) {
    pushNotice('Import mapping file', checked.error);
    return false;
  }
  useAppStore.setState({
    mapping: checked.mapping,
    mappingStatus: `Loaded mapping “${checked.mapping.name}” from ${file.name}.`,
  });
  return true;
}

/**
 * Downloads the mapping as a JSON file through a blob: URL on an <a download>. A download is not
 * a fetch or a navigation the CSP restricts (shared/security/csp.ts: connect-src, default-src),
 * and nothing leaves the machine: the blob lives in this page.
 */
export function exportMapping(mapping: Mapping): void {
  const url = URL.createObjectURL(new Blob([mappingFileText(mapping)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = mappingFileName(mapping);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  useAppStore.setState({ mappingStatus: `Exported ${link.download}.` });
}

export function clearMappingStatus(): void {
  if (useAppStore.getState().mappingStatus !== null) useAppStore.setState({ mappingStatus: null });
}
