/**
 * The serve bridge refuses what a hostile page or a rebinding attacker would send (issue #2):
 * no token → 401, a foreign Host → refused, and a real cross-origin page in Chromium cannot
 * make the engine do anything, even with the session cookie in the browser.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';

function rawStatus(port: number, host: string, path = '/'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** An attacker's page on another origin (another loopback port), trying to drive the engine. */
function attackerServer(target: string): Promise<Server> {
  const page = `<!doctype html><title>attacker</title><script>
    window.results = {};
    const body = JSON.stringify({ method: 'case.close', req: {} });
    fetch('${target}/rpc', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json', 'X-Casefile-Call': '1' }, body })
      .then((r) => (window.results.preflighted = 'status ' + r.status), (e) => (window.results.preflighted = 'blocked: ' + e.message));
    fetch('${target}/rpc', { method: 'POST', credentials: 'include', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body })
      .then(() => (window.results.simple = 'sent'), (e) => (window.results.simple = 'blocked: ' + e.message));
  </script>`;
  return new Promise((resolve) => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(page);
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

test('a browser without the token gets 401, and the token is traded for a cookie', async ({
  browser,
  serve,
}) => {
  const origin = new URL(serve.url).origin;
  const stranger = await browser.newContext();
  const denied = await (await stranger.newPage()).goto(`${origin}/`);
  expect(denied?.status()).toBe(401);
  await stranger.close();
  const owner = await browser.newContext();
  const page = await owner.newPage();
  const granted = await page.goto(serve.url);
  expect(granted?.status()).toBe(200);
  expect(page.url()).not.toContain('token=');
  const cookies = await owner.cookies();
  expect(cookies.find((c) => c.name === 'casefile_session')).toMatchObject({
    httpOnly: true,
    sameSite: 'Strict',
  });
  await owner.close();
});

test('a request naming another Host is refused (DNS rebinding)', async ({ serve }) => {
  const port = Number(new URL(serve.url).port);
  expect(await rawStatus(port, `rebind.attacker.example:${port}`)).toBe(421);
  expect(await rawStatus(port, `127.0.0.1:${port}`)).toBe(401); // right host, still no cookie
});

test('a cross-origin page cannot call the engine, even with the session cookie present', async ({
  app,
  casePage,
  serve,
}) => {
  await casePage.waitForEvents();
  const origin = new URL(serve.url).origin;
  const attacker = await attackerServer(origin);
  try {
    const attackerPage = await app.context().newPage();
    await attackerPage.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    await expect
      .poll(
        () => attackerPage.evaluate(() => (window as unknown as { results: Record<string, string> }).results),
        { timeout: 10_000 },
      )
      .toMatchObject({
        preflighted: expect.stringMatching(/^blocked/),
        simple: 'sent',
      });
    // The preflight was refused and the simple POST answered 403: the case is still open.
    const info = await app.evaluate(async () => {
      const r = await fetch('/rpc', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Casefile-Call': '1' },
        body: JSON.stringify({ method: 'app.info', req: {} }),
      });
      return (await r.json()) as { ok: boolean; value: { currentCase: unknown } };
    });
    expect(info.ok).toBe(true);
    expect(info.value.currentCase).not.toBeNull();
  } finally {
    attacker.close();
  }
});
