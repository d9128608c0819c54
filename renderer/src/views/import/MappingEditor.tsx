/**
 * Field mapping for an unknown producer (issue #3, field/anchors.md A1): each canonical column
 * names the source path it comes from. Starts from shared/ingest/suggestMapping; sent as `mapping`.
 */
import type { ReactNode } from 'react';
import { fieldSpecOf, type Mapping, type MappableColumn } from '../../../../shared/ingest/mapping';
import { setMapping } from '../../actions/importActions';

/** The columns an investigator needs first; the rest of the suggestion is kept as it is. */
const EDITABLE: readonly MappableColumn[] = [
  'ts',
  'event_id',
  'event_type',
  'agent_id',
  'run_id',
  'step',
  'phase',
  'action',
  'resource',
  'decision',
  'outcome',
  'reason',
];

function withPath(mapping: Mapping, column: MappableColumn, path: string): Mapping {
  const fields: Mapping['fields'] = { ...mapping.fields };
  const before = fields[column];
  if (path.trim() === '') delete fields[column];
  else
    fields[column] =
      before !== undefined && typeof before !== 'string' && before.transform
        ? { path: path.trim(), transform: before.transform }
        : path.trim();
  return { ...mapping, fields };
}

export function MappingEditor({ mapping }: { mapping: Mapping }): ReactNode {
  return (
    <fieldset className="mapping-editor" data-testid="mapping-editor">
      <legend>Field mapping ({mapping.name})</legend>
      <p className="muted">
        Source paths such as data.agent.id or items[0]. Leave a column empty if the records lack it; the raw
        record is kept whole either way.
      </p>
      <div className="mapping-grid">
        {EDITABLE.map((column) => {
          const spec = mapping.fields[column];
          const current = spec === undefined ? '' : (fieldSpecOf(spec).path ?? '');
          const transform = spec === undefined ? undefined : fieldSpecOf(spec).transform;
          return (
            <label key={column} className="mapping-row">
              <span className="mono">{column}</span>
              <input
                type="text"
                className="mono"
                spellCheck={false}
                value={current}
                placeholder="(not mapped)"
                data-testid={`mapping-${column}`}
                onChange={(e) => setMapping(withPath(mapping, column, e.target.value))}
              />
              <span className="muted">{transform ?? ''}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
