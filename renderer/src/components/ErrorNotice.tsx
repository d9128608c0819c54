/** Renders one CasefileError with its location (file, line, field) so the user can go and look. */
import type { ReactNode } from 'react';
import type { CasefileError } from '../../../shared/contract/result';

export interface ErrorNoticeProps {
  error: CasefileError;
  /** What the user was doing ("Import", "Open case"). */
  context: string;
  onDismiss?: () => void;
}

export function ErrorNotice({ error, context, onDismiss }: ErrorNoticeProps): ReactNode {
  const where = error.where;
  return (
    <div className="notice notice-error" role="alert" data-testid="error-notice" data-code={error.code}>
      <div className="notice-head">
        <strong>{context} failed</strong>
        <span className="notice-code">{error.code}</span>
        {onDismiss && (
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            data-testid="error-notice-dismiss"
            onClick={onDismiss}
          >
            ×
          </button>
        )}
      </div>
      <p className="notice-message" data-testid="error-notice-message">
        {error.message}
      </p>
      {where && (where.file !== undefined || where.line !== undefined || where.field !== undefined) && (
        <dl className="kv notice-where">
          {where.file !== undefined && (
            <>
              <dt>File</dt>
              <dd className="mono" data-testid="error-notice-file">
                {where.file}
              </dd>
            </>
          )}
          {where.line !== undefined && (
            <>
              <dt>Line</dt>
              <dd className="mono" data-testid="error-notice-line">
                {where.line}
              </dd>
            </>
          )}
          {where.field !== undefined && (
            <>
              <dt>Field</dt>
              <dd className="mono" data-testid="error-notice-field">
                {where.field}
              </dd>
            </>
          )}
        </dl>
      )}
      {error.incidentId !== undefined && (
        <p className="muted">Incident {error.incidentId} is in the engine log.</p>
      )}
    </div>
  );
}
