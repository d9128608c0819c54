/** The chosen archive's report: verdict and what it rests on, diagnosis, findings, coverage. */
import type { ReactNode } from 'react';
import type { ArchiveInfo, ArchiveVerification } from '../../../../shared/contract/model';
import { openVerifyDialog } from '../../actions/verifyActions';
import { formatCount, shortHash } from '../../data/format';
import { isSelfConsistentOnly, trustStatement, verificationHow } from '../../integrity/trustWording';
import { DiagnosisList } from './DiagnosisList';
import { FindingsTable } from './FindingsTable';
import { CoverageNotes, VerifiedAgainst } from './TrustBasis';
import { VerdictBadge } from './VerdictBadge';

function NotVerified({ archive }: { archive: ArchiveInfo }): ReactNode {
  return (
    <section
      className="report"
      data-testid="integrity-report"
      data-archive-id={archive.archiveId}
      data-verdict="not-verified"
    >
      <header className="report-head">
        <VerdictBadge verdict={null} />
        <strong className="mono">{archive.name}</strong>
      </header>
      <p>
        This archive has no verification report yet (an import too large to verify at once is verified only on
        demand). Verify it to see whether it is intact, tampered or unverifiable.
      </p>
      <button type="button" className="primary" onClick={openVerifyDialog}>
        Verify…
      </button>
    </section>
  );
}

export function ReportView({
  archive,
  verification,
}: {
  archive: ArchiveInfo;
  verification: ArchiveVerification | undefined;
}): ReactNode {
  if (!verification) return <NotVerified archive={archive} />;
  const { report } = verification;
  const how = verificationHow(verification);
  return (
    <section
      className="report"
      data-testid="integrity-report"
      data-archive-id={archive.archiveId}
      data-verdict={report.verdict}
    >
      <header className="report-head">
        <VerdictBadge verdict={report.verdict} />
        <strong className="mono">{archive.name}</strong>
        <span className="producer-tag">{report.producer}</span>
        <span className="muted" data-testid="report-how">
          {formatCount(report.records)} records checked · sha256 {shortHash(report.sha256, 16)}… · {how.label}{' '}
          · {how.at}
        </span>
      </header>
      <p
        className={`trust-statement trust-${report.verdict}${isSelfConsistentOnly(report) ? ' self-consistent-only' : ''}`}
        data-testid="trust-statement"
      >
        {trustStatement(report)}
      </p>
      {report.verdict !== 'unverifiable' && report.unverifiableReason !== undefined && (
        <p className="muted" data-testid="report-not-checked">
          Not everything could be checked: {report.unverifiableReason}.
        </p>
      )}
      <h3>Verified against</h3>
      <VerifiedAgainst report={report} />
      <h3>What this cannot show</h3>
      <CoverageNotes report={report} />
      <h3>Diagnosis</h3>
      <DiagnosisList archiveId={archive.archiveId} diagnosis={report.diagnosis} />
      <h3>Findings ({formatCount(report.findings.length)})</h3>
      <FindingsTable key={verification.runId} archiveId={archive.archiveId} findings={report.findings} />
    </section>
  );
}
