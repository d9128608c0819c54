/** One chosen file before import: size, container, provisional family and its first lines verbatim. */
import type { ReactNode } from 'react';
import { formatBytes } from '../../data/format';
import type { FilePreview } from '../../import/previewRecords';

function DetectionLine({ preview }: { preview: FilePreview }): ReactNode {
  const d = preview.detection;
  if (!d) return <span className="muted">family: detected by the engine on import</span>;
  const unknown = d.producer === 'mapped';
  return (
    <span className={unknown ? 'warn' : ''} data-testid="preview-family" data-producer={d.producer}>
      {unknown ? 'unknown producer: map its fields below' : `looks like ${d.producer} (${d.confidence})`}
    </span>
  );
}

export function FilePreviewCard({ preview }: { preview: FilePreview }): ReactNode {
  return (
    <article className="preview-card" data-testid="file-preview" data-name={preview.name}>
      <header className="preview-head">
        <strong className="mono">{preview.name}</strong>
        <span className="muted" data-testid="preview-container" data-container={preview.container}>
          {formatBytes(preview.size)} ·{' '}
          {preview.container === 'unknown' ? 'container decided on import' : preview.container}
          {preview.gzip ? '+gzip' : ''}
        </span>
        <DetectionLine preview={preview} />
      </header>
      {preview.detection && preview.detection.evidence.length > 0 && (
        <ul className="evidence muted">
          {preview.detection.evidence.slice(0, 3).map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {preview.lines.length > 0 && (
        <pre className="preview-lines" data-testid="preview-lines">
          {preview.lines.map((line, i) => `${String(i + 1).padStart(3, ' ')}  ${line}`).join('\n')}
        </pre>
      )}
      {preview.note && (
        <p className="muted" data-testid="preview-note">
          {preview.note}
        </p>
      )}
    </article>
  );
}
