/** The selected event: its original record verbatim, where it came from, and its canonical fields. */
import { PanelHeader } from '../components/PanelHeader';
import { useEffect, type ReactNode } from 'react';
import type { EventDetail as Detail } from '../../../shared/contract/model';
import { closeEventDetail } from '../actions/eventsActions';
import { ErrorNotice } from '../components/ErrorNotice';
import { useAppStore } from '../store/store';

function Provenance({ detail }: { detail: Detail }): ReactNode {
  return (
    <dl className="kv" data-testid="event-provenance">
      <dt>File</dt>
      <dd className="mono" data-testid="event-file">
        {detail.archivePath}
        {detail.line !== null ? `:${detail.line}` : ''}
      </dd>
      <dt>Line</dt>
      <dd className="mono">{detail.line ?? '—'}</dd>
      <dt>Byte offset</dt>
      <dd className="mono" data-testid="event-offset">
        {detail.byteOffset ?? '—'}
      </dd>
      <dt>Entry</dt>
      <dd className="mono">{detail.entryIndex}</dd>
      <dt>Row id</dt>
      <dd className="mono">{detail.rowId}</dd>
    </dl>
  );
}

function Fields({ fields }: { fields: Record<string, string | null> }): ReactNode {
  const present = Object.entries(fields).filter(([, v]) => v !== null && v !== '');
  return (
    <table className="fields-table" data-testid="event-fields">
      <tbody>
        {present.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td className="mono">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where the record came from, its raw line verbatim and its fields (also shown for a finding's record). */
export function EventRecord({ detail }: { detail: Detail }): ReactNode {
  return (
    <>
      <Provenance detail={detail} />
      <h3>Original record</h3>
      <pre className="raw-record" data-testid="event-raw">
        {detail.raw}
      </pre>
      {detail.rawBase64 !== undefined && (
        <p className="muted" data-testid="event-raw-base64">
          The record is not valid UTF-8; exact bytes (base64):{' '}
          <code className="mono wrap">{detail.rawBase64}</code>
        </p>
      )}
      <h3>Canonical fields</h3>
      <Fields fields={detail.fields} />
    </>
  );
}

export function EventDetailPanel(): ReactNode {
  const detail = useAppStore((s) => s.detail);
  const error = useAppStore((s) => s.detailError);
  const loading = useAppStore((s) => s.detailLoading);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement)) closeEventDetail();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <aside className="side-panel" aria-label="Event detail" data-testid="event-detail">
      <PanelHeader
        title={`Event ${detail ? `#${detail.rowId}` : ''}`}
        closeLabel="Close detail"
        closeTestId="event-detail-close"
        onClose={closeEventDetail}
      />
      {loading && <p className="muted">Loading…</p>}
      {error && <ErrorNotice error={error} context="Event" />}
      {detail && !loading && (
        <div className="panel-body">
          <EventRecord detail={detail} />
        </div>
      )}
    </aside>
  );
}
