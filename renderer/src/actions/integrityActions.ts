/** Integrity view actions: load each archive's latest report, choose one, open a finding's record. */
import { session } from '../api/session';
import { useAppStore } from '../store/store';
import type { RecordLookup, RecordTarget } from '../store/integritySlice';
import { pushNotice } from './notices';

let loadSequence = 0;

/** Asks for the latest report of every archive; an older answer arriving late is dropped. */
export async function loadVerifications(): Promise<void> {
  const sequence = ++loadSequence;
  const result = await session().client.call('verify.results', {});
  if (sequence !== loadSequence) return;
  if (!result.ok) {
    if (result.error.code !== 'NO_CASE') pushNotice('Integrity', result.error);
    return;
  }
  const { integrityArchiveId, archives } = useAppStore.getState();
  // Keep the choice; otherwise start on the first archive that is not intact (what needs reading).
  const chosen =
    integrityArchiveId ??
    result.value.find((v) => v.report.verdict !== 'intact')?.archiveId ??
    archives[0]?.archiveId ??
    null;
  useAppStore.setState({
    verifications: result.value,
    verificationsLoaded: true,
    integrityArchiveId: chosen,
  });
}

/** Forgets the previous case's reports (a case switch). */
export function resetIntegrity(): void {
  loadSequence++;
  useAppStore.setState({
    verifications: [],
    verificationsLoaded: false,
    integrityArchiveId: null,
    openRecord: null,
    lastRun: null,
  });
}

export function showIntegrity(): void {
  useAppStore.setState({ caseView: 'integrity' });
  void loadVerifications();
}

export function selectIntegrityArchive(archiveId: string): void {
  if (useAppStore.getState().integrityArchiveId === archiveId) return;
  useAppStore.setState({ integrityArchiveId: archiveId, openRecord: null });
}

export function closeRecord(): void {
  useAppStore.setState({ openRecord: null });
}

function settle(target: RecordTarget, lookup: RecordLookup): void {
  // Only if the user has not opened another record meanwhile.
  if (useAppStore.getState().openRecord?.target === target)
    useAppStore.setState({ openRecord: { target, lookup } });
}

/**
 * Opens the record a finding points at: events.locate says whether it became an event (then
 * events.get brings its raw line) or was quarantined (the row carries raw bytes and reason).
 */
export async function openRecordOf(target: RecordTarget): Promise<void> {
  useAppStore.setState({ openRecord: { target, lookup: { state: 'loading' } } });
  const { client } = session();
  const located = await client.call('events.locate', {
    archiveId: target.archiveId,
    entryIndex: target.entryIndex,
  });
  if (!located.ok) return settle(target, { state: 'failed', error: located.error });
  if (located.value.quarantined)
    return settle(target, { state: 'quarantined', row: located.value.quarantined });
  const rowId = located.value.rowId;
  if (rowId === null)
    return settle(target, {
      state: 'failed',
      error: { code: 'NOT_FOUND', message: `no record at entry ${target.entryIndex}` },
    });
  const event = await client.call('events.get', { rowId });
  settle(target, event.ok ? { state: 'event', event: event.value } : { state: 'failed', error: event.error });
}
