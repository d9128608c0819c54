import { describe, expect, it } from 'vitest';
import { APP_URL, isNavigationAllowed, isTrustedSender } from '../../electron/main/appOrigin';
import { buildWebPreferences } from '../../electron/main/webPreferences';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

describe('window hardening (Electron security checklist)', () => {
  it('isolates, sandboxes and denies Node to the renderer', () => {
    const prefs = buildWebPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('accepts IPC only from the app top frame', () => {
    expect(isTrustedSender({ url: APP_URL, parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'casefile://app/other.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: APP_URL, parent: {} })).toBe(false); // a sub-frame
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'casefile://evil/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'not a url', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('never navigates away from the app', () => {
    expect(isNavigationAllowed(APP_URL)).toBe(true);
    expect(isNavigationAllowed('https://example.com/')).toBe(false);
    expect(isNavigationAllowed('file:///tmp/evil.html')).toBe(false);
    expect(isNavigationAllowed('javascript:alert(1)')).toBe(false);
  });

  it('has a CSP that allows only own scripts and no remote content', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});
