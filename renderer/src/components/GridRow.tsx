/** One row of the VirtualGrid, memoized: while scrolling, rows already on screen are not re-rendered. */
import { memo, type ReactNode } from 'react';
import type { Row } from '../data/pagedTable';

export interface GridColumn {
  name: string;
  label: string;
  width: number;
  /** Extra class for a cell from its value (e.g. the decision colour). */
  cellClass?: (value: string | null) => string;
  /** Right-aligned, so row ids, lines and offsets line up by magnitude. */
  numeric?: boolean;
}

export const ROW_HEIGHT = 22;

interface GridRowProps {
  index: number;
  /** Top of the row inside the grid, below the header. */
  top: number;
  /** undefined while its page is on its way from the engine. */
  row: Row | undefined;
  selected: boolean;
  columns: readonly GridColumn[];
  /** Where each column sits in the page's cells (-1: the engine did not send it). */
  positions: readonly number[];
  width: number;
  testId: string;
  onSelect(index: number): void;
}

function Cell({ column, text }: { column: GridColumn; text: string | null | undefined }): ReactNode {
  const extra = `${column.numeric ? ' grid-cell-num' : ''}${text !== undefined && column.cellClass ? ` ${column.cellClass(text)}` : ''}`;
  const pending = text === undefined;
  return (
    <div
      role="gridcell"
      className={`grid-cell${pending ? ' grid-cell-pending' : ''}${extra}`}
      data-col={column.name}
      style={{ width: column.width }}
      title={text ?? undefined}
    >
      {pending ? '…' : (text ?? '')}
    </div>
  );
}

function GridRowView(props: GridRowProps): ReactNode {
  const { index, row, selected, columns, positions } = props;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`grid-row${selected ? ' grid-row-selected' : ''}${index % 2 === 1 ? ' grid-row-odd' : ''}`}
      data-testid={props.testId}
      data-row-index={index}
      data-loaded={row ? 'true' : 'false'}
      style={{ width: props.width, transform: `translateY(${props.top}px)` }}
      onClick={() => props.onSelect(index)}
    >
      {columns.map((c, i) => {
        const at = positions[i] ?? -1;
        return <Cell key={c.name} column={c} text={row ? (at >= 0 ? row[at] : null) : undefined} />;
      })}
    </div>
  );
}

export const GridRow = memo(GridRowView);
