/** The final import report, one block per file: family and evidence, counts, and where it failed. */
import type { ReactNode } from 'react';
import type { ImportFileReport, ImportReport } from '../../../../shared/contract/model';
import { ERROR_CODES, type ErrorCode } from '../../../../shared/contract/result';
import { openQuarantine } from '../../actions/quarantineActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, shortHash } from '../../data/format';

function knownCode(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'NOT_AN_ARCHIVE';
}

function QuarantinedCell({ file }: { file: ImportFileReport }): ReactNode {
  if (file.quarantined === 0 || !file.archiveId)
    return <span data-testid="report-quarantined">{formatCount(file.quarantined)}</span>;
  const archiveId = file.archiveId;
  return (
    <button
      type="button"
      className="link-button warn"
      data-testid="report-quarantine-link"
      onClick={() => openQuarantine(archiveId)}
    >
      <span data-testid="report-quarantined">{formatCount(file.quarantined)}</span> quarantined: show lines
    </button>
  );
}

function FileBlock({ file }: { file: ImportFileReport }): ReactNode {
  return (
    <article className="report-file" data-testid="report-file" data-path={file.path}>
      <header className="preview-head">
        <strong className="mono">{file.path}</strong>
        {!file.error && !file.duplicateOf && (
          <span className="producer-tag" data-testid="report-producer">
            {file.producer}
          </span>
        )}
        {file.detection && (
          <span className="muted" data-testid="report-confidence">
            {file.detection.confidence}
          </span>
        )}
      </header>
      {file.error ? (
        <ErrorNotice
          error={{
            code: knownCode(file.error.code),
            message: file.error.message,
            where: { ...file.error.where, file: file.path },
          }}
          context="Import of this file"
        />
      ) : file.duplicateOf ? (
        <p data-testid="report-duplicate">
          Already in the case (same SHA-256 as {file.duplicateOf}); nothing imported again.
        </p>
      ) : (
        <dl className="kv report-figures">
          <dt>Container</dt>
          <dd className="mono">{file.container}</dd>
          <dt>Records</dt>
          <dd data-testid="report-records">{formatCount(file.records)}</dd>
          <dt>Quarantined</dt>
          <dd>
            <QuarantinedCell file={file} />
          </dd>
          <dt>SHA-256</dt>
          <dd className="mono" title={file.sha256}>
            {shortHash(file.sha256, 16)}…
          </dd>
        </dl>
      )}
      {file.detection && file.detection.evidence.length > 0 && (
        <ul className="evidence muted" data-testid="report-evidence">
          {file.detection.evidence.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {file.notes?.map((n) => (
        <p key={n} className="note">
          {n}
        </p>
      ))}
    </article>
  );
}

export function ImportReportView({ report }: { report: ImportReport }): ReactNode {
  const records = report.files.reduce((n, f) => n + f.records, 0);
  const quarantined = report.files.reduce((n, f) => n + f.quarantined, 0);
  return (
    <div className="import-report" data-testid="import-report">
      <p data-testid="report-summary">
        {report.files.length} file{report.files.length === 1 ? '' : 's'} · {formatCount(records)} records ·{' '}
        {formatCount(quarantined)} quarantined · {(report.durationMs / 1000).toFixed(1)} s
      </p>
      {report.files.map((f) => (
        <FileBlock key={`${f.path}-${f.sha256}`} file={f} />
      ))}
    </div>
  );
}
