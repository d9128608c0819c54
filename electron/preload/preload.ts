/**
 * The sandboxed preload: exposes `window.casefile`: contract calls, events, dropped-file paths. Only contract
 * methods pass; the IpcRendererEvent is never handed to page code (checklist #20).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type CasefileBridge } from '../../shared/contract/bridge';
import type { ServerEvent } from '../../shared/contract/events';
import { isMethodName } from '../../shared/contract/methods';
import type { Result } from '../../shared/contract/result';

const bridge = {
  call(method: string, req: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'INVALID_REQUEST', message: `unknown method ${method}` },
      });
    }
    return ipcRenderer.invoke(IPC_CALL_CHANNEL, method, req) as Promise<Result<unknown>>;
  },
  onEvent(listener: (event: ServerEvent) => void): () => void {
    const wrapped = (_event: unknown, payload: ServerEvent): void => listener(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
  },
  pathForFile(file: unknown): string {
    // Sandboxed renderers no longer see File.path; webUtils resolves it in the preload.
    return file instanceof File ? webUtils.getPathForFile(file) : '';
  },
} satisfies CasefileBridge;

contextBridge.exposeInMainWorld('casefile', bridge);
