/** Quarantined lines: what could not become an event, why, and its raw bytes, never dropped silently. */
import { useCallback, type ReactNode } from 'react';
import { openQuarantine, selectQuarantined, showQuarantineRows } from '../actions/quarantineActions';
import { VirtualGrid } from '../components/VirtualGrid';
import { columnIndex, rowAt } from '../data/pagedTable';
import { formatCount } from '../data/format';
import { useAppStore } from '../store/store';
import { QUARANTINE_COLUMNS } from './eventColumns';

function SelectedLine(): ReactNode {
  const table = useAppStore((s) => s.quarantine);
  const index = useAppStore((s) => s.selectedQuarantineIndex);
  const row = index === null ? undefined : rowAt(table, index);
  if (!row) return null;
  const cell = (name: string): string => row[columnIndex(table, name)] ?? '—';
  return (
    <div className="quarantine-detail" data-testid="quarantine-detail">
      <p className="mono">
        <span data-testid="quarantine-detail-location">
          {cell('path')}:{cell('line')}
        </span>{' '}
        · byte {cell('byte_offset')} · field{' '}
        <span data-testid="quarantine-detail-field">{cell('field')}</span>
      </p>
      <p data-testid="quarantine-detail-reason">{cell('reason')}</p>
      <pre className="raw-record" data-testid="quarantine-raw">
        {cell('raw')}
      </pre>
    </div>
  );
}

export function QuarantineView(): ReactNode {
  const table = useAppStore((s) => s.quarantine);
  const selected = useAppStore((s) => s.selectedQuarantineIndex);
  const archiveId = useAppStore((s) => s.quarantineArchiveId);
  const archive = useAppStore((s) => s.archives.find((a) => a.archiveId === archiveId));
  const onSelect = useCallback((index: number) => selectQuarantined(index), []);
  return (
    <section className="quarantine-view" aria-label="Quarantined lines" data-testid="quarantine-view">
      <div className="toolbar">
        <span className="count-line" data-testid="quarantine-count" data-total={table.total ?? ''}>
          {table.total === null ? 'loading…' : `${formatCount(table.total)} quarantined lines`}
          {archiveId !== null ? ` in ${archive?.name ?? archiveId}` : ' in the case'}
        </span>
        {archiveId !== null && (
          <button
            type="button"
            className="link-button"
            onClick={() => openQuarantine(null)}
            data-testid="quarantine-show-all"
          >
            Show all archives
          </button>
        )}
      </div>
      <VirtualGrid
        table={table}
        columns={QUARANTINE_COLUMNS}
        selectedIndex={selected}
        label="Quarantined lines"
        testId="quarantine-table"
        rowTestId="quarantine-row"
        emptyText="Nothing quarantined: every line became an event."
        onSelect={onSelect}
        onRange={showQuarantineRows}
      />
      <SelectedLine />
    </section>
  );
}
