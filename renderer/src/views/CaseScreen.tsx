/** The open case: archives on the left, events, quarantine, integrity or custody in the middle, a record on the right. */
import type { ReactNode } from 'react';
import type { CaseView } from '../store/caseSlice';
import { useAppStore } from '../store/store';
import { ArchivesPanel } from './ArchivesPanel';
import { CaseHeader } from './CaseHeader';
import { CustodyView } from './CustodyView';
import { EventDetailPanel } from './EventDetail';
import { EventsTable } from './EventsTable';
import { IntegrityView } from './integrity/IntegrityView';
import { RecordPanel } from './integrity/RecordPanel';
import { QuarantineView } from './QuarantineView';

function MainView({ view }: { view: CaseView }): ReactNode {
  switch (view) {
    case 'events':
      return <EventsTable />;
    case 'quarantine':
      return <QuarantineView />;
    case 'integrity':
      return <IntegrityView />;
    case 'custody':
      return <CustodyView />;
  }
}

export function CaseScreen(): ReactNode {
  const view = useAppStore((s) => s.caseView);
  const showDetail = useAppStore((s) =>
    s.caseView === 'integrity'
      ? s.openRecord !== null
      : s.selectedEventIndex !== null && s.caseView === 'events',
  );
  return (
    <div className="case-screen" data-testid="case-screen">
      <CaseHeader />
      <div className={showDetail ? 'case-body with-detail' : 'case-body'}>
        <ArchivesPanel />
        <main className="case-main">
          <MainView view={view} />
        </main>
        {showDetail && (view === 'integrity' ? <RecordPanel /> : <EventDetailPanel />)}
      </div>
    </div>
  );
}
