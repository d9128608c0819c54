/** What the findings point to (edit, deletion, insertion, reordering, truncation, forgery), why, and where. */
import type { ReactNode } from 'react';
import type { Diagnosis } from '../../../../shared/verify/types';
import { openRecordOf } from '../../actions/integrityActions';

function location(d: Diagnosis): string {
  const parts: string[] = [];
  if (d.line !== undefined) parts.push(`line ${d.line}`);
  if (d.entryIndex !== undefined) parts.push(`entry ${d.entryIndex}`);
  if (d.chain !== undefined) parts.push(`chain ${d.chain}`);
  return parts.length > 0 ? parts.join(' · ') : 'whole file';
}

function DiagnosisItem({ archiveId, diagnosis }: { archiveId: string; diagnosis: Diagnosis }): ReactNode {
  const entryIndex = diagnosis.entryIndex;
  return (
    <li className="diagnosis-item" data-testid="diagnosis-item" data-what={diagnosis.what}>
      <div className="diagnosis-head">
        <span className={`diagnosis-what what-${diagnosis.what}`}>{diagnosis.what}</span>
        {entryIndex !== undefined ? (
          <button
            type="button"
            className="link-button mono"
            data-testid="diagnosis-open"
            title="Open this record"
            onClick={() =>
              void openRecordOf({
                archiveId,
                entryIndex,
                ...(diagnosis.line !== undefined ? { line: diagnosis.line } : {}),
                reason: `${diagnosis.what}: ${diagnosis.reasoning}`,
              })
            }
          >
            {location(diagnosis)}
          </button>
        ) : (
          <span className="mono muted">{location(diagnosis)}</span>
        )}
      </div>
      <p className="diagnosis-reasoning" data-testid="diagnosis-reasoning">
        {diagnosis.reasoning}
      </p>
    </li>
  );
}

export function DiagnosisList({
  archiveId,
  diagnosis,
}: {
  archiveId: string;
  diagnosis: Diagnosis[];
}): ReactNode {
  if (diagnosis.length === 0)
    return (
      <p className="muted" data-testid="diagnosis-empty">
        No diagnosis: nothing found points to a change.
      </p>
    );
  return (
    <ul className="diagnosis-list" data-testid="diagnosis-list">
      {diagnosis.map((d, i) => (
        <DiagnosisItem key={`${i}-${d.what}`} archiveId={archiveId} diagnosis={d} />
      ))}
    </ul>
  );
}
