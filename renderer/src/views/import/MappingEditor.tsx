/**
 * Field mapping for an unknown producer (issue #3, field/anchors.md A1): each canonical column
 * names the source path it comes from and an optional transform. Starts from
 * shared/ingest/suggestMapping, or from a saved or loaded mapping; sent as `mapping`.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { Mapping, MappableColumn } from '../../../../shared/ingest/mapping';
import { setMapping } from '../../actions/importActions';
import { clearMappingStatus, loadSavedMappings } from '../../actions/mappingActions';
import { addableColumns, asMappableColumn, visibleColumns, withMappingName } from '../../import/mappingEdits';
import { useAppStore } from '../../store/store';
import { MappingRow } from './MappingRow';
import { MappingToolbar } from './MappingToolbar';

/** An edit by hand: the mapping changes and a "Saved …" line no longer describes it. */
function edit(mapping: Mapping): void {
  setMapping(mapping);
  clearMappingStatus();
}

function AddColumnRow({
  options,
  onAdd,
}: {
  options: MappableColumn[];
  onAdd: (c: MappableColumn) => void;
}): ReactNode {
  if (options.length === 0) return null;
  return (
    <label className="mapping-add">
      <span className="muted">Add column</span>
      <select
        value=""
        data-testid="mapping-add-column"
        onChange={(e) => {
          const column = asMappableColumn(e.target.value);
          if (column) onAdd(column);
        }}
      >
        <option value="">choose a column…</option>
        {options.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}

export function MappingEditor({ mapping }: { mapping: Mapping }): ReactNode {
  const status = useAppStore((s) => s.mappingStatus);
  // Columns the user added but has not mapped yet: shown until the dialog closes.
  const [added, setAdded] = useState<MappableColumn[]>([]);
  useEffect(() => {
    void loadSavedMappings();
  }, []);
  return (
    <fieldset className="mapping-editor" data-testid="mapping-editor">
      <legend>Field mapping</legend>
      <label className="mapping-name">
        <span>Name</span>
        <input
          type="text"
          value={mapping.name}
          maxLength={200}
          data-testid="mapping-name"
          onChange={(e) => edit(withMappingName(mapping, e.target.value))}
        />
      </label>
      <MappingToolbar mapping={mapping} />
      {status && (
        <p className="mapping-status" role="status" data-testid="mapping-status">
          {status}
        </p>
      )}
      <p className="muted">
        Source paths such as data.agent.id or items[0]. Leave a column empty if the records lack it; the raw
        record is kept whole either way.
      </p>
      <div className="mapping-grid">
        {visibleColumns(mapping, added).map((column) => (
          <MappingRow key={column} mapping={mapping} column={column} onChange={edit} />
        ))}
      </div>
      <AddColumnRow options={addableColumns(mapping, added)} onAdd={(c) => setAdded([...added, c])} />
    </fieldset>
  );
}
