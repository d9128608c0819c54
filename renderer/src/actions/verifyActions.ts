/**
 * The Verify dialog's actions. Key material arrives as the request argument and is never put in
 * the store: it lives in the dialog's own state and goes when the dialog closes.
 */
import type { Request } from '../../../shared/contract/api';
import type { ArchiveVerification } from '../../../shared/contract/model';
import type { Verdict } from '../../../shared/verify/types';
import { session } from '../api/session';
import { useAppStore } from '../store/store';
import { refreshCustodyIfShown } from './custodyActions';
import { loadVerifications } from './integrityActions';

export function openVerifyDialog(): void {
  useAppStore.setState({ verifyOpen: true, verifyError: null });
}

export function closeVerifyDialog(): void {
  if (useAppStore.getState().verifyRunning) return; // one request: it finishes on its own
  useAppStore.setState({ verifyOpen: false, verifyError: null });
}

/** The user changed the form: an error about the previous attempt no longer applies. */
export function clearVerifyError(): void {
  if (useAppStore.getState().verifyError !== null) useAppStore.setState({ verifyError: null });
}

function verdictCounts(archives: readonly ArchiveVerification[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { intact: 0, tampered: 0, unverifiable: 0 };
  for (const a of archives) counts[a.report.verdict]++;
  return counts;
}

/** Runs verify.run; on success closes the dialog (dropping the keys) and refreshes the panel. */
export async function runVerification(request: Request<'verify.run'>): Promise<boolean> {
  if (useAppStore.getState().verifyRunning) return false;
  useAppStore.setState({ verifyRunning: true, verifyProgress: null, verifyError: null });
  const result = await session().client.call('verify.run', request);
  if (!result.ok) {
    useAppStore.setState({ verifyRunning: false, verifyProgress: null, verifyError: result.error });
    return false;
  }
  const first = result.value.archives[0];
  useAppStore.setState({
    verifyRunning: false,
    verifyProgress: null,
    verifyOpen: false,
    openRecord: null,
    lastRun: {
      runId: result.value.runId,
      verifiedAt: first?.verifiedAt ?? new Date().toISOString(),
      verdicts: verdictCounts(result.value.archives),
    },
  });
  await loadVerifications();
  refreshCustodyIfShown();
  return true;
}
