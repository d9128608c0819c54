/** Import progress pushed by the engine: bytes, records, rate and ETA, and a Cancel button. */
import type { ReactNode } from 'react';
import { cancelImport } from '../../actions/importActions';
import { formatBytes, formatCount, formatEta, formatRate, fileBaseName } from '../../data/format';
import { useAppStore } from '../../store/store';

export function ImportProgressView(): ReactNode {
  const step = useAppStore((s) => s.importStep);
  const progress = useAppStore((s) => s.progress);
  const fraction =
    progress && progress.bytesTotal > 0 ? Math.min(progress.bytesDone / progress.bytesTotal, 1) : 0;
  return (
    <div className="import-progress" data-testid="import-progress">
      <p>
        {step === 'uploading'
          ? 'Uploading to the Casefile engine…'
          : progress
            ? `Reading ${fileBaseName(progress.file)} (file ${progress.fileIndex + 1} of ${progress.fileCount})`
            : 'Starting…'}
      </p>
      <progress max={1} value={fraction} aria-label="Import progress" />
      {progress && (
        <dl className="kv progress-figures mono">
          <dt>Bytes</dt>
          <dd>
            {formatBytes(progress.bytesDone)} / {formatBytes(progress.bytesTotal)}
          </dd>
          <dt>Records</dt>
          <dd data-testid="progress-records">{formatCount(progress.records)}</dd>
          <dt>Quarantined</dt>
          <dd>{formatCount(progress.quarantined)}</dd>
          <dt>Rate</dt>
          <dd>{formatRate(progress.rate)}</dd>
          <dt>ETA</dt>
          <dd>{formatEta(progress.etaSeconds)}</dd>
        </dl>
      )}
      <button type="button" onClick={() => void cancelImport()} data-testid="import-cancel">
        Cancel import
      </button>
      <p className="muted">Cancelling leaves the case exactly as it was: the import is one transaction.</p>
    </div>
  );
}
