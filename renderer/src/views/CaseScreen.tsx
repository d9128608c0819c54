/** The open case: archives on the left, events or quarantine in the middle, the event on the right. */
import type { ReactNode } from 'react';
import { useAppStore } from '../store/store';
import { ArchivesPanel } from './ArchivesPanel';
import { CaseHeader } from './CaseHeader';
import { EventDetailPanel } from './EventDetail';
import { EventsTable } from './EventsTable';
import { QuarantineView } from './QuarantineView';

export function CaseScreen(): ReactNode {
  const view = useAppStore((s) => s.caseView);
  const showDetail = useAppStore((s) => s.selectedEventIndex !== null && s.caseView === 'events');
  return (
    <div className="case-screen" data-testid="case-screen">
      <CaseHeader />
      <div className={showDetail ? 'case-body with-detail' : 'case-body'}>
        <ArchivesPanel />
        <main className="case-main">{view === 'events' ? <EventsTable /> : <QuarantineView />}</main>
        {showDetail && <EventDetailPanel />}
      </div>
    </div>
  );
}
