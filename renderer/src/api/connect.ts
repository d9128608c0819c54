/**
 * Picks the transport once at boot: the preload's `window.casefile` in the desktop app,
 * loopback HTTP in serve mode. Nothing else in the renderer knows which.
 */
import type { CasefileBridge } from '../../../shared/contract/bridge';
import { createClient, type CasefileClient, type Transport } from '../../../shared/rpc/client';
import { httpTransport, uploadFile } from './httpTransport';

declare global {
  interface Window {
    casefile?: CasefileBridge;
  }
}

function ipcTransport(bridge: CasefileBridge): Transport {
  return {
    invoke: (method, req) => bridge.call(method, req),
    subscribe: (listener) => bridge.onEvent(listener),
  };
}

export interface Connection {
  client: CasefileClient;
  /** Serve mode turns a browser File into an upload id. */
  upload: ((file: File) => ReturnType<typeof uploadFile>) | null;
  /** The desktop app imports a File by its local path. */
  pathForFile: ((file: File) => string) | null;
  mode: 'desktop' | 'serve';
}

export function connect(): Connection {
  const bridge = window.casefile;
  if (bridge)
    return {
      client: createClient(ipcTransport(bridge)),
      upload: null,
      pathForFile: (f) => bridge.pathForFile(f),
      mode: 'desktop',
    };
  const origin = window.location.origin;
  return {
    client: createClient(httpTransport(origin)),
    upload: (file) => uploadFile(origin, file),
    pathForFile: null,
    mode: 'serve',
  };
}
