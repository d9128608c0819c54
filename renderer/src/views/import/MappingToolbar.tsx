/** The mapping editor's toolbar: use a mapping saved in the case, save this one, export or load a file. */
import type { ReactNode } from 'react';
import type { Mapping } from '../../../../shared/ingest/mapping';
import {
  applySavedMapping,
  exportMapping,
  importMappingFile,
  saveMapping,
} from '../../actions/mappingActions';
import { useAppStore } from '../../store/store';

function SavedPicker(): ReactNode {
  const saved = useAppStore((s) => s.savedMappings);
  return (
    <label className="mapping-saved">
      <span>Use saved mapping</span>
      <select
        value=""
        disabled={saved.length === 0}
        data-testid="mapping-saved"
        onChange={(e) => applySavedMapping(e.target.value)}
      >
        <option value="">{saved.length === 0 ? 'none saved in this case' : 'choose…'}</option>
        {saved.map((m) => (
          <option key={m.name} value={m.name}>
            {m.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function MappingToolbar({ mapping }: { mapping: Mapping }): ReactNode {
  const unnamed = mapping.name.trim() === '';
  return (
    <div className="mapping-toolbar">
      <SavedPicker />
      <button
        type="button"
        disabled={unnamed}
        title={unnamed ? 'Name the mapping first' : 'Keep it in this case, under its name'}
        data-testid="mapping-save"
        onClick={() => void saveMapping(mapping)}
      >
        Save mapping
      </button>
      <button
        type="button"
        disabled={unnamed}
        title="Download as a JSON file for casefile import --mapping"
        data-testid="mapping-export"
        onClick={() => exportMapping(mapping)}
      >
        Export…
      </button>
      <label className="file-picker">
        <span className="button-like">Import mapping file…</span>
        <input
          type="file"
          accept=".json,application/json"
          data-testid="mapping-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // the same file may be chosen again after fixing it
            if (file) void importMappingFile(file);
          }}
        />
      </label>
    </div>
  );
}
