/** One row per archive: verdict, name and producer, records, how and when it was verified, findings by kind. */
import type { ReactNode } from 'react';
import type { ArchiveInfo, ArchiveVerification } from '../../../../shared/contract/model';
import { selectIntegrityArchive } from '../../actions/integrityActions';
import { formatCount } from '../../data/format';
import { countByKind } from '../../integrity/findingGroups';
import { isSelfConsistentOnly, verificationHow } from '../../integrity/trustWording';
import { useAppStore } from '../../store/store';
import { VerdictBadge } from './VerdictBadge';

function KindCounts({ verification }: { verification: ArchiveVerification }): ReactNode {
  const counts = countByKind(verification.report.findings);
  if (counts.length === 0) return <span className="muted">no findings</span>;
  return (
    <span className="kind-counts" data-testid="integrity-kind-counts">
      {counts.map(([kind, n]) => (
        <span key={kind} className="kind-count mono" data-kind={kind}>
          {formatCount(n)} {kind}
        </span>
      ))}
    </span>
  );
}

interface RowProps {
  archive: ArchiveInfo;
  verification: ArchiveVerification | undefined;
  selected: boolean;
  /** False while the first verify.results answer is on its way. */
  loaded: boolean;
}

function HowVerified({ verification, loaded }: Pick<RowProps, 'verification' | 'loaded'>): ReactNode {
  if (verification) {
    const { label, at } = verificationHow(verification);
    return (
      <>
        <div>{label}</div>
        <div className="muted verified-at">{at}</div>
      </>
    );
  }
  if (!loaded) return 'loading…';
  return 'not verified yet: use Verify…';
}

function ArchiveVerdictRow({ archive, verification, selected, loaded }: RowProps): ReactNode {
  const report = verification?.report;
  return (
    <tr
      className={selected ? 'integrity-row selected' : 'integrity-row'}
      data-testid="integrity-archive"
      data-archive-id={archive.archiveId}
      data-name={archive.name}
      data-verdict={report?.verdict ?? 'not-verified'}
      aria-selected={selected}
      onClick={() => selectIntegrityArchive(archive.archiveId)}
    >
      <td>
        <VerdictBadge verdict={report?.verdict ?? null} />
        {report && isSelfConsistentOnly(report) && (
          <span className="self-consistent-tag" title="checked against no key and no published anchor">
            self-consistent only
          </span>
        )}
      </td>
      <td>
        <button
          type="button"
          className="link-button archive-link"
          onClick={() => selectIntegrityArchive(archive.archiveId)}
          data-testid="integrity-archive-open"
        >
          {archive.name}
        </button>
        <div>
          <span className="producer-tag">{archive.producer}</span>
        </div>
      </td>
      <td className="num">{formatCount(archive.records)}</td>
      <td data-testid="integrity-how">
        <HowVerified verification={verification} loaded={loaded} />
      </td>
      <td>{verification ? <KindCounts verification={verification} /> : null}</td>
    </tr>
  );
}

export function ArchiveVerdicts(): ReactNode {
  const archives = useAppStore((s) => s.archives);
  const verifications = useAppStore((s) => s.verifications);
  const chosen = useAppStore((s) => s.integrityArchiveId);
  const loaded = useAppStore((s) => s.verificationsLoaded);
  const byArchive = new Map(verifications.map((v) => [v.archiveId, v]));
  return (
    <div className="integrity-archives">
      <table className="integrity-table" data-testid="integrity-archives">
        <thead>
          <tr>
            <th scope="col">Verdict</th>
            <th scope="col">Archive · producer</th>
            <th scope="col" className="num">
              Records
            </th>
            <th scope="col">Verified</th>
            <th scope="col">Findings</th>
          </tr>
        </thead>
        <tbody>
          {archives.map((a) => (
            <ArchiveVerdictRow
              key={a.archiveId}
              archive={a}
              verification={byArchive.get(a.archiveId)}
              selected={a.archiveId === chosen}
              loaded={loaded}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
