/** The imported archives: producer, records, quarantined lines (a link) and the SHA-256 prefix. */
import type { ReactNode } from 'react';
import type { ArchiveInfo } from '../../../shared/contract/model';
import { openQuarantine } from '../actions/quarantineActions';
import { formatBytes, formatCount, shortHash } from '../data/format';
import { useAppStore } from '../store/store';

function ArchiveItem({ archive }: { archive: ArchiveInfo }): ReactNode {
  return (
    <li
      className="archive-item"
      data-testid="archive-item"
      data-archive-id={archive.archiveId}
      title={archive.path}
    >
      <div className="archive-name">{archive.name}</div>
      <div className="archive-meta">
        <span className="producer-tag" data-testid="archive-producer">
          {archive.producer}
        </span>
        <span className="muted">
          {archive.container}
          {archive.compressed ? '+gzip' : ''} · {formatBytes(archive.sizeBytes)}
        </span>
      </div>
      <div className="archive-meta">
        <span data-testid="archive-records">{formatCount(archive.records)} records</span>
        {archive.quarantined > 0 ? (
          <button
            type="button"
            className="link-button warn"
            onClick={() => openQuarantine(archive.archiveId)}
            data-testid="archive-quarantine-link"
          >
            {formatCount(archive.quarantined)} quarantined
          </button>
        ) : (
          <span className="muted">0 quarantined</span>
        )}
      </div>
      <div className="archive-hash mono muted" title={`SHA-256 ${archive.sha256}`}>
        sha256 {shortHash(archive.sha256)}…
      </div>
    </li>
  );
}

export function ArchivesPanel(): ReactNode {
  const archives = useAppStore((s) => s.archives);
  return (
    <nav className="archives-panel" aria-label="Archives" data-testid="archives-panel">
      <h2>Archives</h2>
      {archives.length === 0 ? (
        <p className="muted">No archive yet. Use Import… or drop files on the window.</p>
      ) : (
        <ul className="archive-list">
          {archives.map((a) => (
            <ArchiveItem key={a.archiveId} archive={a} />
          ))}
        </ul>
      )}
    </nav>
  );
}
