/**
 * Every finding of a report (kind, line, entry, field, detail), runs of identical ones folded;
 * the first rows are shown and the rest behind "Show all" so thousands cannot stall the view.
 * A row with a record position opens that record.
 */
import { useState, type ReactNode } from 'react';
import { NOTICE_KINDS, type Finding } from '../../../../shared/verify/types';
import { openRecordOf } from '../../actions/integrityActions';
import { formatCount } from '../../data/format';
import { groupFindings, groupLocation, type FindingGroup } from '../../integrity/findingGroups';

/** Rows rendered before "Show all": enough to read, few enough to render at once. */
export const FINDING_ROWS_SHOWN = 200;

function open(archiveId: string, group: FindingGroup): void {
  const { first } = group;
  if (first.entryIndex === undefined) return;
  void openRecordOf({
    archiveId,
    entryIndex: first.entryIndex,
    ...(first.line !== undefined ? { line: first.line } : {}),
    reason: `${first.kind}: ${first.detail}`,
  });
}

function entryText(group: FindingGroup): string {
  const { first, count, lastEntryIndex } = group;
  if (first.entryIndex === undefined) return '—';
  return count > 1 && lastEntryIndex !== first.entryIndex
    ? `${first.entryIndex}–${lastEntryIndex}`
    : String(first.entryIndex);
}

function FindingRow({ archiveId, group }: { archiveId: string; group: FindingGroup }): ReactNode {
  const { first, count } = group;
  const opens = first.entryIndex !== undefined;
  return (
    <tr
      className={opens ? 'finding-row opens' : 'finding-row'}
      data-testid="finding-row"
      data-kind={first.kind}
      data-line={first.line ?? ''}
      data-entry={first.entryIndex ?? ''}
      onClick={() => open(archiveId, group)}
    >
      <td>
        <span className={NOTICE_KINDS.has(first.kind) ? 'kind-tag notice' : 'kind-tag'}>{first.kind}</span>
      </td>
      <td className="mono">
        {opens ? (
          <button
            type="button"
            className="link-button"
            data-testid="finding-open"
            title="Open this record"
            onClick={(e) => {
              e.stopPropagation();
              open(archiveId, group);
            }}
          >
            {groupLocation(group)}
          </button>
        ) : (
          groupLocation(group)
        )}
      </td>
      <td className="mono num">{entryText(group)}</td>
      <td className="mono">
        {first.field ?? '—'}
        {first.chain !== undefined && <div className="muted chain-name">chain {first.chain}</div>}
      </td>
      <td className="finding-detail" data-testid="finding-detail">
        {count > 1 && <strong>{formatCount(count)} records: </strong>}
        {first.detail}
        {(first.expected !== undefined || first.actual !== undefined) && (
          <div className="mono muted expected-actual">
            {first.expected !== undefined && <div>expected {first.expected}</div>}
            {first.actual !== undefined && <div>found {first.actual}</div>}
          </div>
        )}
      </td>
    </tr>
  );
}

interface FindingsTableProps {
  archiveId: string;
  findings: readonly Finding[];
}

export function FindingsTable({ archiveId, findings }: FindingsTableProps): ReactNode {
  const [showAll, setShowAll] = useState(false);
  if (findings.length === 0)
    return (
      <p className="muted" data-testid="findings-empty">
        No findings.
      </p>
    );
  const groups = groupFindings(findings);
  const shown = showAll ? groups : groups.slice(0, FINDING_ROWS_SHOWN);
  return (
    <>
      <table className="findings-table" data-testid="findings-table" data-count={findings.length}>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Line</th>
            <th scope="col" className="num">
              Entry
            </th>
            <th scope="col">Field</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((g, i) => (
            <FindingRow
              key={`${i}-${g.first.kind}-${g.first.entryIndex ?? ''}`}
              archiveId={archiveId}
              group={g}
            />
          ))}
        </tbody>
      </table>
      {shown.length < groups.length && (
        <button
          type="button"
          className="link-button show-all"
          data-testid="findings-show-all"
          onClick={() => setShowAll(true)}
        >
          Show all {formatCount(groups.length)} rows ({formatCount(findings.length)} findings)
        </button>
      )}
    </>
  );
}
