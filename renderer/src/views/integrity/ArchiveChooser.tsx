/** Which archives the Verify dialog verifies: a checklist with quick picks (all, one producer's files). */
import type { ReactNode } from 'react';
import type { ArchiveInfo } from '../../../../shared/contract/model';

interface ArchiveChooserProps {
  archives: readonly ArchiveInfo[];
  chosen: readonly string[];
  onChange(ids: string[]): void;
}

function producersOf(archives: readonly ArchiveInfo[]): string[] {
  return [...new Set(archives.map((a) => a.producer))];
}

export function ArchiveChooser({ archives, chosen, onChange }: ArchiveChooserProps): ReactNode {
  const toggle = (id: string, on: boolean): void =>
    onChange(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  return (
    <fieldset className="archive-chooser" data-testid="verify-archives">
      <legend>Archives</legend>
      <div className="chooser-quick">
        <button
          type="button"
          onClick={() => onChange(archives.map((a) => a.archiveId))}
          data-testid="verify-all"
        >
          All ({archives.length})
        </button>
        {producersOf(archives).map((p) => (
          <button
            type="button"
            key={p}
            data-testid="verify-producer"
            data-producer={p}
            onClick={() => onChange(archives.filter((a) => a.producer === p).map((a) => a.archiveId))}
          >
            only {p}
          </button>
        ))}
      </div>
      <ul className="chooser-list">
        {archives.map((a) => (
          <li key={a.archiveId}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(a.archiveId)}
                onChange={(e) => toggle(a.archiveId, e.target.checked)}
                data-testid="verify-archive"
                data-name={a.name}
              />{' '}
              <span className="mono">{a.name}</span> <span className="producer-tag">{a.producer}</span>
            </label>
          </li>
        ))}
      </ul>
      <p className="muted key-hint">
        Files of one producer are verified together, so daily or rotated files that continue one chain are
        checked as one: choose them together.
      </p>
    </fieldset>
  );
}
