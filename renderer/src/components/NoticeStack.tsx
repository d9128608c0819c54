/** The stack of open error notices, bottom right, each dismissable. */
import type { ReactNode } from 'react';
import { dismissNotice } from '../actions/notices';
import { useAppStore } from '../store/store';
import { ErrorNotice } from './ErrorNotice';

export function NoticeStack(): ReactNode {
  const notices = useAppStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notice-stack" data-testid="notices">
      {notices.map((n) => (
        <ErrorNotice key={n.id} error={n.error} context={n.context} onDismiss={() => dismissNotice(n.id)} />
      ))}
    </div>
  );
}
