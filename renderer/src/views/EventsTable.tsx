/** The events view: search, the shown/matched/total line, and the virtualized table over the case. */
import { useCallback, type ReactNode } from 'react';
import { selectEvent, showEventRows } from '../actions/eventsActions';
import { VirtualGrid } from '../components/VirtualGrid';
import { formatCount } from '../data/format';
import { useAppStore } from '../store/store';
import { EVENT_COLUMNS } from './eventColumns';
import { SearchBox } from './SearchBox';

function CountLine(): ReactNode {
  const total = useAppStore((s) => s.events.total);
  const caseEvents = useAppStore((s) => s.caseInfo?.events ?? null);
  const search = useAppStore((s) => s.eventSearch);
  if (total === null)
    return (
      <span className="count-line" data-testid="events-count">
        loading…
      </span>
    );
  const scope = search
    ? `${formatCount(total)} of ${formatCount(caseEvents ?? total)} events match “${search}”`
    : `${formatCount(total)} events`;
  return (
    <span className="count-line" data-testid="events-count" data-total={total}>
      {scope}
    </span>
  );
}

export function EventsTable(): ReactNode {
  const table = useAppStore((s) => s.events);
  const selected = useAppStore((s) => s.selectedEventIndex);
  const casePath = useAppStore((s) => s.caseInfo?.path ?? '');
  const onSelect = useCallback((index: number) => void selectEvent(index), []);
  return (
    <section className="events-view" aria-label="Events">
      <div className="toolbar">
        <SearchBox key={casePath} />
        <CountLine />
      </div>
      <VirtualGrid
        table={table}
        columns={EVENT_COLUMNS}
        selectedIndex={selected}
        label="Events"
        testId="events-table"
        rowTestId="event-row"
        emptyText="No events match."
        onSelect={onSelect}
        onRange={showEventRows}
      />
    </section>
  );
}
