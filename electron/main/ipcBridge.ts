/**
 * The only file in main that touches ipcMain: one invoke channel for contract calls, sender
 * checked, results returned as values (never thrown: electron/electron#24427 keeps only the message).
 */
import { ipcMain, type WebContents } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/contract/bridge';
import type { ServerEvent } from '../../shared/contract/events';
import type { Dispatch } from '../../shared/rpc/dispatch';
import { isTrustedSender } from './appOrigin';

export function registerIpcBridge(dispatch: Dispatch): void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, req: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return {
        ok: false,
        error: { code: 'INVALID_REQUEST', message: 'call refused: not from the app window' },
      };
    }
    return dispatch(method, req);
  });
}

export function forwardEvents(
  contents: WebContents,
  subscribe: (l: (e: ServerEvent) => void) => () => void,
): void {
  const unsubscribe = subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
  });
  contents.once('destroyed', unsubscribe);
}
