/**
 * The Verify… dialog: archives, an HMAC key, Ed25519 public keys, a key ring and anchors, pasted
 * or read from files in the page. Keys live only in this component's state, so closing the
 * dialog (which unmounts it) drops them; the engine never stores them either.
 */
import { useState, type ReactNode } from 'react';
import { ModalDialog } from '../../components/ModalDialog';
import type { ArchiveInfo } from '../../../../shared/contract/model';
import { clearVerifyError, closeVerifyDialog, runVerification } from '../../actions/verifyActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { buildVerifyRequest, EMPTY_VERIFY_FORM, type VerifyForm } from '../../integrity/verifyRequest';
import { useAppStore } from '../../store/store';
import { ArchiveChooser } from './ArchiveChooser';
import { VerifyKeyFields } from './VerifyKeyFields';

/** The chosen archive's producer family (files of one chain verify together), else every archive. */
function initialArchives(archives: readonly ArchiveInfo[], chosenId: string | null): string[] {
  const chosen = archives.find((a) => a.archiveId === chosenId);
  const family = chosen ? archives.filter((a) => a.producer === chosen.producer) : archives;
  return family.map((a) => a.archiveId);
}

export function VerifyDialog(): ReactNode {
  const archives = useAppStore((s) => s.archives);
  const running = useAppStore((s) => s.verifyRunning);
  const progress = useAppStore((s) => s.verifyProgress);
  const error = useAppStore((s) => s.verifyError);
  const [form, setForm] = useState<VerifyForm>(() => ({
    ...EMPTY_VERIFY_FORM,
    archiveIds: initialArchives(archives, useAppStore.getState().integrityArchiveId),
  }));
  const set = (patch: Partial<VerifyForm>): void => {
    clearVerifyError();
    setForm((f) => ({ ...f, ...patch }));
  };

  const count = form.archiveIds.length;
  const submit = (): void => {
    void runVerification(
      buildVerifyRequest(
        form,
        archives.map((a) => a.archiveId),
      ),
    );
  };
  return (
    <ModalDialog
      name="verify"
      title="Verify archives"
      testId="verify-dialog"
      className="verify-dialog"
      busy={running}
      onClose={closeVerifyDialog}
      data={{ 'data-running': running }}
    >
      <form
        className="dialog-body verify-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <ArchiveChooser
          archives={archives}
          chosen={form.archiveIds}
          onChange={(archiveIds) => set({ archiveIds })}
        />
        <VerifyKeyFields form={form} set={set} invalid={error?.where?.field?.split('.')[0]} />
        <p className="muted key-hint">
          Keys stay in this dialog and in the engine’s memory for this run: they are never written to the
          case.
        </p>
        {error && <ErrorNotice error={error} context="Verify" />}
        {running && (
          <div className="verify-progress" data-testid="verify-progress">
            {progress ? (
              <progress value={progress.archivesDone} max={progress.archivesTotal} />
            ) : (
              <progress />
            )}
            <span>
              {progress
                ? `${progress.archivesDone} of ${progress.archivesTotal} archives done; now ${progress.current}: every record is re-hashed and every link and signature checked…`
                : `Verifying ${count} archive${count === 1 ? '' : 's'}: every record is re-hashed and every link and signature checked…`}
            </span>
          </div>
        )}
        <div className="dialog-actions">
          <button
            type="submit"
            className="primary"
            disabled={running || count === 0}
            data-testid="verify-run"
          >
            Verify {count} archive{count === 1 ? '' : 's'}
          </button>
          <button type="button" onClick={closeVerifyDialog} disabled={running} data-testid="verify-cancel">
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
