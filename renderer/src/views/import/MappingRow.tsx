/** One canonical column in the mapping editor: its source path and the transform applied to it. */
import type { ReactNode } from 'react';
import {
  TRANSFORMS,
  type Mapping,
  type MappableColumn,
  type Transform,
} from '../../../../shared/ingest/mapping';
import { columnView, withColumnPath, withColumnTransform } from '../../import/mappingEdits';

function asTransform(text: string): Transform | undefined {
  return TRANSFORMS.find((t) => t === text);
}

export interface MappingRowProps {
  mapping: Mapping;
  column: MappableColumn;
  onChange: (mapping: Mapping) => void;
}

export function MappingRow({ mapping, column, onChange }: MappingRowProps): ReactNode {
  const view = columnView(mapping, column);
  const constant = view.value !== undefined ? `constant “${view.value}”` : undefined;
  return (
    <div className="mapping-row" data-testid="mapping-row" data-column={column}>
      <label className="mono" htmlFor={`mapping-${column}`}>
        {column}
      </label>
      <input
        id={`mapping-${column}`}
        type="text"
        className={constant ? 'mono constant' : 'mono'}
        spellCheck={false}
        value={view.path}
        placeholder={constant ?? '(not mapped)'}
        title={constant}
        data-testid={`mapping-${column}`}
        onChange={(e) => onChange(withColumnPath(mapping, column, e.target.value))}
      />
      <select
        value={view.transform ?? ''}
        disabled={mapping.fields[column] === undefined}
        aria-label={`Transform for ${column}`}
        data-testid={`mapping-${column}-transform`}
        onChange={(e) => onChange(withColumnTransform(mapping, column, asTransform(e.target.value)))}
      >
        <option value="">as is</option>
        {TRANSFORMS.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    </div>
  );
}
