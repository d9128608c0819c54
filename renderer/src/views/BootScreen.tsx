/** What shows while the first case opens: on first run the demo case is built, with its progress. */
import type { ReactNode } from 'react';
import { formatCount } from '../data/format';
import { useAppStore } from '../store/store';

export function BootScreen(): ReactNode {
  const busy = useAppStore((s) => s.busy);
  const progress = useAppStore((s) => s.backgroundProgress);
  return (
    <main className="boot" data-testid="boot" aria-busy="true">
      <h1>Casefile</h1>
      <p>{busy ?? 'Connecting to the engine…'}</p>
      {progress && (
        <p className="muted mono" data-testid="boot-progress">
          {progress.file.split(/[\\/]/).pop()} ({progress.fileIndex + 1}/{progress.fileCount}) ·{' '}
          {formatCount(progress.records)} records
        </p>
      )}
    </main>
  );
}
