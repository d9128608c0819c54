/**
 * The app's modal dialog frame: backdrop, focus on open, Escape to close, a titled header with a
 * close button that hides while the dialog is busy (an import or a verification in flight).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { PanelHeader } from './PanelHeader';

export interface ModalDialogProps {
  /** Used for the title's id and the close button's label. */
  name: string;
  title: string;
  testId: string;
  className?: string;
  busy: boolean;
  onClose: () => void;
  /** Extra data-* attributes e2e tests read (e.g. the import step). */
  data?: Record<`data-${string}`, string | boolean>;
  children: ReactNode;
}

export function ModalDialog({
  name,
  title,
  testId,
  className,
  busy,
  onClose,
  data,
  children,
}: ModalDialogProps): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  // onClose is a module-level action (stable), so this runs once per opening.
  useEffect(() => {
    ref.current?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const titleId = `${name}-title`;
  return (
    <div className="dialog-backdrop">
      <div
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        ref={ref}
        data-testid={testId}
        {...data}
      >
        <PanelHeader
          title={title}
          titleId={titleId}
          closeLabel={`Close ${name}`}
          onClose={onClose}
          hideClose={busy}
        />
        {children}
      </div>
    </div>
  );
}
