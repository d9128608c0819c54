/** Adds and dismisses error notices; every failed call ends here so nothing fails silently. */
import type { CasefileError } from '../../../shared/contract/result';
import { useAppStore } from '../store/store';

let nextNoticeId = 1;
/** Older notices are dropped beyond this many so a flood of errors cannot bury the table. */
const MAX_NOTICES = 5;

export function pushNotice(context: string, error: CasefileError): void {
  const id = nextNoticeId++;
  useAppStore.setState((s) => ({ notices: [...s.notices, { id, context, error }].slice(-MAX_NOTICES) }));
}

export function dismissNotice(id: number): void {
  useAppStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}
