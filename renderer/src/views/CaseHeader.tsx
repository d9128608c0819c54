/** The top bar: case name and counts, the Events/Quarantine/Integrity/Custody switch, Import and Switch case. */
import type { ReactNode } from 'react';
import { showAllQuarantine, showEvents, switchCase } from '../actions/caseActions';
import { openImportDialog } from '../actions/importActions';
import { showCustody } from '../actions/custodyActions';
import { showIntegrity } from '../actions/integrityActions';
import { formatCount } from '../data/format';
import { useAppStore } from '../store/store';

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
        <button
          type="button"
          className={view === 'events' ? 'tab tab-active' : 'tab'}
          aria-pressed={view === 'events'}
          onClick={showEvents}
          data-testid="tab-events"
        >
          Events
        </button>
        <button
          type="button"
          className={view === 'quarantine' ? 'tab tab-active' : 'tab'}
          aria-pressed={view === 'quarantine'}
          onClick={showAllQuarantine}
          data-testid="tab-quarantine"
        >
          Quarantine{info && info.quarantined > 0 ? ` (${formatCount(info.quarantined)})` : ''}
        </button>
        <button
          type="button"
          className={view === 'integrity' ? 'tab tab-active' : 'tab'}
          aria-pressed={view === 'integrity'}
          onClick={showIntegrity}
          data-testid="tab-integrity"
        >
          Integrity
        </button>
        <button
          type="button"
          className={view === 'custody' ? 'tab tab-active' : 'tab'}
          aria-pressed={view === 'custody'}
          onClick={showCustody}
          data-testid="tab-custody"
        >
          Custody
        </button>
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
