/** The import dialog: choose or drop files, preview them, import with progress, read the report. */
import { ModalDialog } from '../../components/ModalDialog';
import type { ReactNode } from 'react';
import { PRODUCER_IDS } from '../../../../shared/ingest/producers';
import {
  chooseFiles,
  closeImportDialog,
  openImportDialog,
  setProducerOverride,
  startImport,
} from '../../actions/importActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store/store';
import { FilePreviewCard } from './FilePreviewCard';
import { ImportProgressView } from './ImportProgressView';
import { ImportReportView } from './ImportReportView';
import { MappingEditor } from './MappingEditor';

function ChooseStep(): ReactNode {
  return (
    <div className="choose-step">
      <label className="file-picker">
        <span className="button-like primary">Choose files…</span>
        <input
          type="file"
          multiple
          data-testid="import-file-input"
          onChange={(e) => void chooseFiles(Array.from(e.target.files ?? []))}
        />
      </label>
      <p className="muted">
        or drop archives anywhere on this window. JSON Lines, JSON exports, CloudEvents and Parquet, gzipped
        or not; the family is detected from the content.
      </p>
    </div>
  );
}

function PreviewStep(): ReactNode {
  const pending = useAppStore((s) => s.pendingFiles);
  const producer = useAppStore((s) => s.producerOverride);
  const mapping = useAppStore((s) => s.mapping);
  const needsMapping = producer === '' && pending.some((p) => p.preview.detection?.producer === 'mapped');
  return (
    <div className="preview-step">
      {pending.map((p) => (
        <FilePreviewCard key={`${p.file.name}-${p.file.size}-${p.file.lastModified}`} preview={p.preview} />
      ))}
      <label className="producer-select">
        Producer
        <select
          value={producer}
          onChange={(e) => setProducerOverride(e.target.value)}
          data-testid="import-producer"
        >
          <option value="">detect from content</option>
          {PRODUCER_IDS.filter((id) => id !== 'mapped').map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      {needsMapping && mapping && <MappingEditor mapping={mapping} />}
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void startImport()}
          data-testid="import-start"
        >
          Import {pending.length} file{pending.length === 1 ? '' : 's'}
        </button>
        <button type="button" onClick={openImportDialog}>
          Choose other files
        </button>
      </div>
    </div>
  );
}

function DoneStep(): ReactNode {
  const report = useAppStore((s) => s.report);
  const error = useAppStore((s) => s.importError);
  const step = useAppStore((s) => s.importStep);
  return (
    <div>
      {step === 'cancelled' && (
        <p data-testid="import-cancelled">{error?.message ?? 'Import cancelled; the case is unchanged.'}</p>
      )}
      {step === 'done' && error && <ErrorNotice error={error} context="Import" />}
      {report && <ImportReportView report={report} />}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={closeImportDialog} data-testid="import-close">
          Close
        </button>
        <button type="button" onClick={openImportDialog} data-testid="import-more">
          Import more
        </button>
      </div>
    </div>
  );
}

export function ImportDialog(): ReactNode {
  const step = useAppStore((s) => s.importStep);
  const running = step === 'uploading' || step === 'running';
  return (
    <ModalDialog
      name="import"
      title="Import archives"
      testId="import-dialog"
      busy={running}
      onClose={closeImportDialog}
      data={{ 'data-step': step }}
    >
      <div className="dialog-body">
        {step === 'choose' && <ChooseStep />}
        {step === 'preview' && <PreviewStep />}
        {running && <ImportProgressView />}
        {(step === 'done' || step === 'cancelled') && <DoneStep />}
      </div>
    </ModalDialog>
  );
}
