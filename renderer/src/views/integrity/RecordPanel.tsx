/** The record a finding points at: the event with its raw line, or the quarantined bytes and why. */
import { PanelHeader } from '../../components/PanelHeader';
import { useEffect, type ReactNode } from 'react';
import type { QuarantineRow } from '../../../../shared/contract/model';
import { closeRecord } from '../../actions/integrityActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store/store';
import { EventRecord } from '../EventDetail';

function QuarantinedRecord({ row }: { row: QuarantineRow }): ReactNode {
  // The case's name for the archive: in browser mode `path` is where the upload was stored.
  const name = useAppStore((s) => s.archives.find((a) => a.archiveId === row.archiveId)?.name);
  return (
    <div data-testid="record-quarantined">
      <p>This record did not become an event: it was quarantined at import.</p>
      <dl className="kv">
        <dt>File</dt>
        <dd className="mono" title={row.path} data-testid="record-quarantine-file">
          {name ?? row.path}
          {row.line !== null ? `:${row.line}` : ''}
        </dd>
        <dt>Byte offset</dt>
        <dd className="mono">{row.byteOffset ?? '—'}</dd>
        <dt>Field</dt>
        <dd className="mono">{row.field ?? '—'}</dd>
        <dt>Reason</dt>
        <dd data-testid="record-quarantine-reason">{row.reason}</dd>
      </dl>
      <h3>Original bytes</h3>
      <pre className="raw-record" data-testid="record-quarantined-raw">
        {row.raw}
      </pre>
    </div>
  );
}

export function RecordPanel(): ReactNode {
  const open = useAppStore((s) => s.openRecord);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement)) closeRecord();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!open) return null;
  const { target, lookup } = open;
  return (
    <aside
      className="side-panel"
      aria-label="Record of a finding"
      data-testid="record-panel"
      data-state={lookup.state}
    >
      <PanelHeader
        title={`Record ${target.line !== undefined ? `at line ${target.line}` : `entry ${target.entryIndex}`}`}
        closeLabel="Close record"
        closeTestId="record-panel-close"
        onClose={closeRecord}
      />
      <div className="panel-body">
        <p className="record-reason" data-testid="record-reason">
          {target.reason}
        </p>
        {lookup.state === 'loading' && <p className="muted">Loading…</p>}
        {lookup.state === 'failed' && <ErrorNotice error={lookup.error} context="Open record" />}
        {lookup.state === 'event' && <EventRecord detail={lookup.event} />}
        {lookup.state === 'quarantined' && <QuarantinedRecord row={lookup.row} />}
      </div>
    </aside>
  );
}
