/**
 * The Custody view: the case's own audit trail (every action on it, oldest first) and whether
 * its SHA-256 chain holds, with the head an investigator notes to detect a later rewrite.
 */
import type { ReactNode } from 'react';
import type { CustodyCheck, CustodyEntry } from '../../../shared/custody/chain';
import { describeCustodyEntry } from '../../../shared/custody/describe';
import { formatUtc } from '../data/format';
import { useAppStore } from '../store/store';

function ChainStatus({ check }: { check: CustodyCheck }): ReactNode {
  if (!check.intact)
    return (
      <div
        className="custody-status custody-broken"
        role="alert"
        data-testid="custody-status"
        data-intact="false"
      >
        <strong>
          Chain broken: {check.breaks.length} {check.breaks.length === 1 ? 'problem' : 'problems'}
        </strong>
        <ul>
          {check.breaks.map((b) => (
            <li key={`${b.seq}-${b.kind}`} data-testid="custody-break">
              #{b.seq} {b.kind}: {b.message}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <div className="custody-status custody-intact" data-testid="custody-status" data-intact="true">
      <strong>
        Chain intact: {check.entries} {check.entries === 1 ? 'entry' : 'entries'}
      </strong>
      {check.head && (
        <p>
          Head #{check.head.seq}{' '}
          <code className="custody-head" data-testid="custody-head">
            {check.head.hash}
          </code>
        </p>
      )}
      <p className="muted">
        A chain shows changes inside the log; a rewrite of the whole log, or lost newest entries, show only
        against a head noted before. Note this head with the case; later,{' '}
        <code>casefile custody --expect-head</code> checks the log still holds it.
      </p>
    </div>
  );
}

function What({ entry }: { entry: CustodyEntry }): ReactNode {
  const { headline, items } = describeCustodyEntry(entry.action, entry.detail);
  return (
    <>
      {headline}
      {items.length > 0 && (
        <ul className="custody-items">
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function EntryRow({ entry, broken }: { entry: CustodyEntry; broken: string[] }): ReactNode {
  return (
    <tr className={broken.length > 0 ? 'custody-row-broken' : undefined} data-testid="custody-row">
      <td className="num">{entry.seq}</td>
      <td className="mono">{formatUtc(entry.loggedAt)}</td>
      <td className="mono">{entry.action}</td>
      <td className="custody-what">
        <What entry={entry} />
      </td>
      <td className="mono" title={entry.hash}>
        {entry.hash.slice(0, 16)}…
      </td>
      <td>{broken.length > 0 ? broken.join(', ') : '✓'}</td>
    </tr>
  );
}

export function CustodyView(): ReactNode {
  const custody = useAppStore((s) => s.custody);
  return (
    <section className="custody-view" aria-label="Custody" data-testid="custody-view">
      <div className="toolbar">
        <span className="count-line">
          Every action on this case, oldest first, each chained to the one before by SHA-256.
        </span>
      </div>
      {custody === null ? (
        <p className="muted report-placeholder">Loading the custody log…</p>
      ) : (
        <div className="custody-scroll">
          <ChainStatus check={custody.check} />
          <table className="custody-table" data-testid="custody-table">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>Logged</th>
                <th>Action</th>
                <th>What</th>
                <th>Hash</th>
                <th>Chain</th>
              </tr>
            </thead>
            <tbody>
              {custody.entries.map((e) => (
                <EntryRow
                  key={e.seq}
                  entry={e}
                  broken={custody.check.breaks.filter((b) => b.seq === e.seq).map((b) => b.kind)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
