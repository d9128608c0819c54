/**
 * A virtualized, keyboard-driven grid over a PagedTable: only the rows on screen exist in the
 * DOM, and it reports its visible range so the owner fetches just those pages (issue #2).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { rowAt, type PagedTable } from '../data/pagedTable';
import { GridRow, ROW_HEIGHT, type GridColumn } from './GridRow';

export { ROW_HEIGHT, type GridColumn } from './GridRow';

export interface VirtualGridProps {
  table: PagedTable;
  columns: readonly GridColumn[];
  selectedIndex: number | null;
  label: string;
  testId: string;
  rowTestId: string;
  emptyText: string;
  onSelect(index: number): void;
  onRange(first: number, last: number): void;
  onActivate?(index: number): void;
}

const PAGE_JUMP = 20;

export function VirtualGrid(props: VirtualGridProps): ReactNode {
  const { table, columns, selectedIndex, onSelect, onRange } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = table.total ?? 0;
  // TanStack Virtual is used as documented; React Compiler simply skips memoizing this component.
  // useFlushSync off: React 19 batches the scroll re-render instead of forcing it synchronously.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const positions = useMemo(
    () => columns.map((c) => table.columns.indexOf(c.name)),
    [columns, table.columns],
  );
  const width = useMemo(() => columns.reduce((sum, c) => sum + c.width, 0), [columns]);

  useEffect(() => {
    onRange(first, last);
  }, [first, last, table.key, onRange]);

  useEffect(() => {
    if (selectedIndex !== null) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (count === 0) return;
    const current = selectedIndex ?? -1;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + PAGE_JUMP,
      PageUp: current - PAGE_JUMP,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      onSelect(Math.min(Math.max(target, 0), count - 1));
    } else if (event.key === 'Enter' && selectedIndex !== null) {
      event.preventDefault();
      props.onActivate?.(selectedIndex);
    }
  }

  return (
    <div
      ref={scrollRef}
      className="grid-scroll"
      role="grid"
      aria-label={props.label}
      aria-rowcount={count + 1}
      aria-colcount={columns.length}
      tabIndex={0}
      data-testid={props.testId}
      data-total={table.total ?? ''}
      onKeyDown={onKeyDown}
    >
      <div className="grid-inner" style={{ width, height: virtualizer.getTotalSize() + ROW_HEIGHT }}>
        <div role="row" className="grid-header" aria-rowindex={1} style={{ width }}>
          {columns.map((c) => (
            <div
              key={c.name}
              role="columnheader"
              className={`grid-cell grid-head-cell${c.numeric ? ' grid-cell-num' : ''}`}
              style={{ width: c.width }}
              data-col={c.name}
            >
              {c.label}
            </div>
          ))}
        </div>
        {items.map((item) => (
          <GridRow
            key={item.key}
            index={item.index}
            top={item.start + ROW_HEIGHT}
            row={rowAt(table, item.index)}
            selected={item.index === selectedIndex}
            columns={columns}
            positions={positions}
            width={width}
            testId={props.rowTestId}
            onSelect={onSelect}
          />
        ))}
      </div>
      {table.total === 0 && (
        <div className="grid-empty" data-testid={`${props.testId}-empty`}>
          {props.emptyText}
        </div>
      )}
    </div>
  );
}
