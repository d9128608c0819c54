/**
 * A virtualized, keyboard-driven grid over a PagedTable: only the rows on screen exist in the
 * DOM, and it reports its visible range so the owner fetches just those pages (issue #2).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { rowAt, type PagedTable, type Row } from '../data/pagedTable';

export interface GridColumn {
  name: string;
  label: string;
  width: number;
  /** Extra class for a cell from its value (e.g. the decision colour). */
  cellClass?: (value: string | null) => string;
}

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

export const ROW_HEIGHT = 22;
const PAGE_JUMP = 20;

function cellText(row: Row | undefined, index: number): string | null | undefined {
  if (!row) return undefined;
  return index >= 0 ? row[index] : null;
}

function Cell({ column, text }: { column: GridColumn; text: string | null | undefined }): ReactNode {
  const extra = text !== undefined && column.cellClass ? ` ${column.cellClass(text)}` : '';
  const shown = text === undefined ? '…' : (text ?? '');
  return (
    <div
      role="gridcell"
      className={`grid-cell${text === undefined ? ' grid-cell-pending' : ''}${extra}`}
      data-col={column.name}
      style={{ width: column.width }}
      title={text ?? undefined}
    >
      {shown}
    </div>
  );
}

export function VirtualGrid(props: VirtualGridProps): ReactNode {
  const { table, columns, selectedIndex, onSelect, onRange } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = table.total ?? 0;
  // TanStack Virtual is used as documented; React Compiler simply skips memoizing this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const positions = columns.map((c) => table.columns.indexOf(c.name));
  const width = columns.reduce((sum, c) => sum + c.width, 0);

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
              className="grid-cell grid-head-cell"
              style={{ width: c.width }}
              data-col={c.name}
            >
              {c.label}
            </div>
          ))}
        </div>
        {items.map((item) => {
          const row = rowAt(table, item.index);
          const selected = item.index === selectedIndex;
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={selected}
              className={`grid-row${selected ? ' grid-row-selected' : ''}${item.index % 2 === 1 ? ' grid-row-odd' : ''}`}
              data-testid={props.rowTestId}
              data-row-index={item.index}
              data-loaded={row ? 'true' : 'false'}
              style={{ width, transform: `translateY(${item.start + ROW_HEIGHT}px)` }}
              onClick={() => onSelect(item.index)}
            >
              {columns.map((c, i) => (
                <Cell key={c.name} column={c} text={cellText(row, positions[i] ?? -1)} />
              ))}
            </div>
          );
        })}
      </div>
      {table.total === 0 && (
        <div className="grid-empty" data-testid={`${props.testId}-empty`}>
          {props.emptyText}
        </div>
      )}
    </div>
  );
}
