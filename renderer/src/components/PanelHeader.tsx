/** A panel's or dialog's title bar with its close button (hidden while the owner is busy). */
import type { ReactNode } from 'react';

export interface PanelHeaderProps {
  title: ReactNode;
  titleId?: string;
  closeLabel: string;
  closeTestId?: string;
  onClose: () => void;
  hideClose?: boolean;
}

export function PanelHeader({
  title,
  titleId,
  closeLabel,
  closeTestId,
  onClose,
  hideClose,
}: PanelHeaderProps): ReactNode {
  return (
    <header className="panel-head">
      <h2 id={titleId}>{title}</h2>
      {!hideClose && (
        <button
          type="button"
          className="icon-button"
          aria-label={closeLabel}
          data-testid={closeTestId}
          onClick={onClose}
        >
          ×
        </button>
      )}
    </header>
  );
}
