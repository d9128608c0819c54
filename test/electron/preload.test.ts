import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CasefileBridge } from '../../shared/contract/bridge';

// The preload runs against Electron's APIs; here they are replaced by recorders so the test
// checks what page code can reach without an Electron binary.
const exposed = new Map<string, unknown>();
const invoked: unknown[][] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      invoked.push(args);
      return Promise.resolve({ ok: true, value: 'from-main' });
    },
    on: vi.fn(),
    removeListener: vi.fn(),
  },
  webUtils: { getPathForFile: () => '/picked/file.jsonl' },
}));

describe('preload bridge', () => {
  beforeEach(async () => {
    exposed.clear();
    invoked.length = 0;
    vi.resetModules();
    await import('../../electron/preload/preload');
  });

  it('exposes one object with only call, onEvent and pathForFile', () => {
    expect([...exposed.keys()]).toEqual(['casefile']);
    expect(Object.keys(exposed.get('casefile') as object).sort()).toEqual(['call', 'onEvent', 'pathForFile']);
  });

  it('forwards contract methods on the single call channel', async () => {
    const bridge = exposed.get('casefile') as CasefileBridge;
    await expect(bridge.call('events.page', { offset: 0, limit: 10 })).resolves.toEqual({
      ok: true,
      value: 'from-main',
    });
    expect(invoked).toEqual([['casefile:call', 'events.page', { offset: 0, limit: 10 }]]);
  });

  it('refuses anything that is not a contract method without reaching main', async () => {
    const bridge = exposed.get('casefile') as CasefileBridge;
    const r = await bridge.call('shell.openExternal', { url: 'https://evil.example' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(invoked).toEqual([]);
  });
});
