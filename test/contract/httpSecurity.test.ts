import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpBridge, type HttpBridge } from '../../electron/serve/httpBridge';
import { ok } from '../../shared/contract/result';
import { scratchDir } from '../helpers/scratchDir';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP so the test controls every header, including Host (fetch would not let it). */
function send(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers ?? {},
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('serve bridge security', () => {
  const dir = scratchDir('casefile-sec');
  let bridge: HttpBridge;
  let calls = 0;
  let host: string;
  let cookie: string;
  const rpc = JSON.stringify({ method: 'app.info', req: {} });

  beforeAll(async () => {
    mkdirSync(join(dir, 'r'));
    writeFileSync(join(dir, 'r', 'index.html'), '<!doctype html><title>app</title>');
    bridge = await startHttpBridge({
      dispatch: async () => {
        calls += 1;
        return ok({ called: true });
      },
      subscribe: () => () => undefined,
      staticDir: join(dir, 'r'),
      uploadsDir: join(dir, 'u'),
    });
    host = `127.0.0.1:${bridge.port}`;
    cookie = `casefile_session=${bridge.token}`;
  });
  afterAll(() => bridge.close());

  it('answers 401 without the token, and with a wrong one', async () => {
    expect((await send(bridge.port, { headers: { Host: host } })).status).toBe(401);
    expect((await send(bridge.port, { path: '/?token=wrong', headers: { Host: host } })).status).toBe(401);
    const before = calls;
    const r = await send(bridge.port, {
      method: 'POST',
      path: '/rpc',
      headers: { Host: host, 'Content-Type': 'application/json', 'X-Casefile-Call': '1' },
      body: rpc,
    });
    expect(r.status).toBe(401);
    expect(calls).toBe(before);
  });

  it('trades the URL token for an HttpOnly SameSite=Strict cookie and drops it from the URL', async () => {
    const r = await send(bridge.port, { path: `/?token=${bridge.token}`, headers: { Host: host } });
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/');
    const setCookie = String(r.headers['set-cookie']);
    expect(setCookie).toContain(`casefile_session=${bridge.token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const page = await send(bridge.port, { headers: { Host: host, Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses a Host that is not the loopback address (DNS rebinding)', async () => {
    for (const bad of [
      'evil.example',
      `evil.example:${bridge.port}`,
      '127.0.0.1:1',
      `127.0.0.2:${bridge.port}`,
    ]) {
      const r = await send(bridge.port, {
        method: 'POST',
        path: '/rpc',
        headers: { Host: bad, Cookie: cookie, 'Content-Type': 'application/json', 'X-Casefile-Call': '1' },
        body: rpc,
      });
      expect(r.status, bad).toBe(421);
    }
  });

  it('refuses cross-origin writes: foreign Origin, no custom header, preflight, form content types', async () => {
    const before = calls;
    const base = { Host: host, Cookie: cookie };
    const foreign = await send(bridge.port, {
      method: 'POST',
      path: '/rpc',
      headers: {
        ...base,
        Origin: 'http://evil.example',
        'Content-Type': 'application/json',
        'X-Casefile-Call': '1',
      },
      body: rpc,
    });
    expect(foreign.status).toBe(403);
    const otherPort = await send(bridge.port, {
      method: 'POST',
      path: '/rpc',
      headers: {
        ...base,
        Origin: 'http://127.0.0.1:1',
        'Content-Type': 'application/json',
        'X-Casefile-Call': '1',
      },
      body: rpc,
    });
    expect(otherPort.status).toBe(403);
    const noHeader = await send(bridge.port, {
      method: 'POST',
      path: '/rpc',
      headers: { ...base, 'Content-Type': 'application/json' },
      body: rpc,
    });
    expect(noHeader.status).toBe(403);
    const form = await send(bridge.port, {
      method: 'POST',
      path: '/rpc',
      headers: { ...base, 'Content-Type': 'text/plain', 'X-Casefile-Call': '1' },
      body: rpc,
    });
    expect(form.status).toBe(415);
    const preflight = await send(bridge.port, {
      method: 'OPTIONS',
      path: '/rpc',
      headers: { ...base, Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(calls).toBe(before);
  });

  it('dispatches a well-formed same-origin call and answers 200 with the Result', async () => {
    const r = await send(bridge.port, {
      method: 'POST',
      path: '/rpc',
      headers: {
        Host: host,
        Cookie: cookie,
        Origin: `http://${host}`,
        'Content-Type': 'application/json',
        'X-Casefile-Call': '1',
      },
      body: rpc,
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { called: true } });
  });

  it('limits the request body', async () => {
    const huge = JSON.stringify({ method: 'app.info', req: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    const r = await send(bridge.port, {
      method: 'POST',
      path: '/rpc',
      headers: { Host: host, Cookie: cookie, 'Content-Type': 'application/json', 'X-Casefile-Call': '1' },
      body: huge,
    });
    expect(r.status).toBe(413);
  });
});
