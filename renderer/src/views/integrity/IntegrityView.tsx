/** The Integrity view of the open case (issue #4): verdicts per archive, the chosen report, Verify…. */
import type { ReactNode } from 'react';
import { openVerifyDialog } from '../../actions/verifyActions';
import { formatUtc } from '../../data/format';
import { useAppStore } from '../../store/store';
import { ArchiveVerdicts } from './ArchiveVerdicts';
import { ReportView } from './ReportView';

function LastRun(): ReactNode {
  const run = useAppStore((s) => s.lastRun);
  if (!run) return null;
  const { intact, tampered, unverifiable } = run.verdicts;
  return (
    <span className="count-line" data-testid="integrity-last-run">
      Last run {formatUtc(run.verifiedAt)}: {intact} intact · {tampered} tampered · {unverifiable}{' '}
      unverifiable
    </span>
  );
}

function ChosenReport(): ReactNode {
  const archive = useAppStore((s) => s.archives.find((a) => a.archiveId === s.integrityArchiveId));
  const verification = useAppStore((s) => s.verifications.find((v) => v.archiveId === s.integrityArchiveId));
  const loaded = useAppStore((s) => s.verificationsLoaded);
  if (!archive)
    return <p className="muted report-placeholder">Choose an archive above to read its report.</p>;
  if (!loaded) return <p className="muted report-placeholder">Loading the reports…</p>;
  return <ReportView archive={archive} verification={verification} />;
}

export function IntegrityView(): ReactNode {
  const archives = useAppStore((s) => s.archives.length);
  return (
    <section className="integrity-view" aria-label="Integrity" data-testid="integrity-view">
      <div className="toolbar">
        <button type="button" className="primary" onClick={openVerifyDialog} data-testid="open-verify">
          Verify…
        </button>
        <span className="count-line">
          {archives === 0
            ? 'No archive to verify yet.'
            : 'Imports are checked for self-consistency only; Verify… with keys and published anchors checks authenticity.'}
        </span>
        <span className="spacer" />
        <LastRun />
      </div>
      <div className="integrity-body">
        <ArchiveVerdicts />
        <div className="integrity-report-scroll">
          <ChosenReport />
        </div>
      </div>
    </section>
  );
}
