/**
 * The desktop shell: one hardened window on casefile://app, the engine in a child process,
 * one IPC bridge. Everything else lives in the engine and the renderer.
 */
import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { EngineHost } from '../host/engineHost';
import { engineEnv } from '../host/engineConfig';
import { appPaths } from '../host/paths';
import { TOOL_VERSION } from '../host/version';
import { APP_URL, isNavigationAllowed } from './appOrigin';
import { forwardEvents, registerIpcBridge } from './ipcBridge';
import { registerSchemeAsPrivileged, serveRenderer } from './appProtocol';
import { buildWebPreferences } from './webPreferences';

// dist/electron/main.cjs → the package root is two levels up.
const paths = appPaths(join(__dirname, '..', '..'));

registerSchemeAsPrivileged();

const host = new EngineHost({
  entry: paths.engineEntry,
  env: {
    // fork() runs process.execPath, which is Electron here: make it behave as Node.
    ELECTRON_RUN_AS_NODE: '1',
    ...engineEnv({
      mode: 'desktop',
      version: TOOL_VERSION,
      demoCasePath: join(app.getPath('userData'), `demo-${TOOL_VERSION}.duckdb`),
      demoArchivesDir: paths.demoArchivesDir,
      uploadsDir: null,
    }),
  },
});

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    webPreferences: buildWebPreferences(join(__dirname, 'preload.cjs')),
  });
  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    // Links open in the user's browser only when they are plain https; the app never opens windows.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  forwardEvents(contents, (l) => host.subscribe(l));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(() => {
  // The app asks for no permission (camera, notifications, …): deny every request (checklist #5).
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer(paths.rendererDir);
  registerIpcBridge(host.dispatch);
  createWindow();
});

app.on('window-all-closed', () => {
  void host.close().finally(() => app.quit());
});
