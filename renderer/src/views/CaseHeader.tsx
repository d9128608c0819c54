/** The top bar: case name and counts, the Events/Quarantine/Integrity/Custody switch, Import and Switch case. */
import type { ReactNode } from 'react';
import { showAllQuarantine, showEvents, switchCase } from '../actions/caseActions';
import { openImportDialog } from '../actions/importActions';
import { showCustody } from '../actions/custodyActions';
import { showIntegrity } from '../actions/integrityActions';
import { formatCount } from '../data/format';
import type { CaseView } from '../store/caseSlice';
import { useAppStore } from '../store/store';

function ViewTab(props: { view: CaseView; current: CaseView; onOpen: () => void; label: string }): ReactNode {
  const active = props.view === props.current;
  return (
    <button
      type="button"
      className={active ? 'tab tab-active' : 'tab'}
      aria-pressed={active}
      onClick={props.onOpen}
      data-testid={`tab-${props.view}`}
    >
      {props.label}
    </button>
  );
}

export function CaseHeader(): ReactNode {
  const info = useAppStore((s) => s.caseInfo);
  const view = useAppStore((s) => s.caseView);
  const mode = useAppStore((s) => s.app?.mode);
  return (
    <header className="app-header">
      <span className="brand">Casefile</span>
      <span className="case-name" data-testid="case-name" title={info?.path}>
        {info?.name ?? 'No case'}
      </span>
      {info && (
        <span className="case-counts muted" data-testid="case-counts">
          {formatCount(info.archives)} archives · {formatCount(info.events)} events ·{' '}
          {formatCount(info.quarantined)} quarantined
        </span>
      )}
      <nav className="view-switch" aria-label="Case views">
        <ViewTab view="events" current={view} onOpen={showEvents} label="Events" />
        <ViewTab
          view="quarantine"
          current={view}
          onOpen={showAllQuarantine}
          label={`Quarantine${info && info.quarantined > 0 ? ` (${formatCount(info.quarantined)})` : ''}`}
        />
        <ViewTab view="integrity" current={view} onOpen={showIntegrity} label="Integrity" />
        <ViewTab view="custody" current={view} onOpen={showCustody} label="Custody" />
      </nav>
      <span className="spacer" />
      {mode === 'serve' && <span className="mode-badge muted">browser mode</span>}
      <button type="button" className="primary" onClick={openImportDialog} data-testid="open-import">
        Import…
      </button>
      <button type="button" onClick={switchCase} data-testid="switch-case">
        Switch case
      </button>
    </header>
  );
}
