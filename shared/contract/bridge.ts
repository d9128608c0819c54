/** What the preload exposes as `window.casefile`: only contract calls and engine events. */
import type { ServerEvent } from './events';
import type { Result } from './result';

export interface CasefileBridge {
  call(method: string, req: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: ServerEvent) => void): () => void;
  /** The local path of a dropped or picked file (Electron's webUtils); desktop only. */
  pathForFile(file: unknown): string;
}

/** IPC channel names, used only by electron/preload and electron/main/ipcBridge. */
export const IPC_CALL_CHANNEL = 'casefile:call';
export const IPC_EVENT_CHANNEL = 'casefile:event';
