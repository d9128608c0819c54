/**
 * `casefile serve`: the same contract over loopback HTTP, for a browser. POST /rpc carries
 * `{method, req}` and answers the Result with status 200 (only a broken transport is not 200);
 * POST /upload stores a dropped file for archive.import; GET /events is Server-Sent Events.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ServerEvent } from '../../shared/contract/events';
import type { Dispatch } from '../../shared/rpc/dispatch';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import {
  CALL_HEADER,
  cookieToken,
  hostAllowed,
  isJson,
  originAllowed,
  sessionCookie,
  tokensEqual,
} from './httpAuth';
import { resolveStatic, sendStatic } from './staticFiles';

export interface HttpBridgeOptions {
  dispatch: Dispatch;
  subscribe(listener: (event: ServerEvent) => void): () => void;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** Where uploads are written; ids map to files here. */
  uploadsDir: string;
  token?: string;
  port?: number;
}

export interface HttpBridge {
  server: Server;
  port: number;
  token: string;
  /** The URL to open first: it carries the token once, then the cookie does. */
  url: string;
  resolveUpload(uploadId: string): string | null;
  close(): Promise<void>;
}

const MAX_RPC_BYTES = 1024 * 1024;

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const token = options.token ?? randomBytes(32).toString('hex');
  mkdirSync(options.uploadsDir, { recursive: true });
  const uploads = new Map<string, string>();
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!hostAllowed(req, port)) return send(res, 421, 'wrong Host header (DNS rebinding protection)');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    // The first visit carries the token in the URL; trade it for a cookie and drop it from the URL.
    const offered = url.searchParams.get('token');
    if (req.method === 'GET' && offered !== null) {
      if (!tokensEqual(offered, token)) return send(res, 401, 'wrong token');
      res.writeHead(302, { 'Set-Cookie': sessionCookie(token), Location: url.pathname });
      return void res.end();
    }
    const cookie = cookieToken(req);
    if (cookie === null || !tokensEqual(cookie, token))
      return send(res, 401, 'open the URL printed by `casefile serve` (it carries the session token)');
    if (req.method === 'OPTIONS') return send(res, 403, 'cross-origin requests are not allowed');
    if (req.method === 'POST') {
      if (!originAllowed(req, port) || req.headers[CALL_HEADER] !== '1')
        return send(res, 403, 'cross-origin or non-app request refused');
      if (url.pathname === '/rpc') {
        if (!isJson(req)) return send(res, 415, 'application/json required');
        const body = await readBody(req, MAX_RPC_BYTES);
        if (body === null) return send(res, 413, 'request too large');
        let call: unknown;
        try {
          call = JSON.parse(body);
        } catch {
          return send(res, 400, 'body is not JSON');
        }
        const { method, req: request } = (call ?? {}) as { method?: unknown; req?: unknown };
        const result = await options.dispatch(method, request);
        return send(res, 200, JSON.stringify(result), 'application/json');
      }
      if (url.pathname === '/upload') {
        const id = randomBytes(16).toString('hex');
        const file = join(options.uploadsDir, id);
        await pipeline(req, createWriteStream(file));
        uploads.set(id, file);
        return send(res, 200, JSON.stringify({ uploadId: id }), 'application/json');
      }
      return send(res, 404, 'not found');
    }
    if (req.method !== 'GET') return send(res, 405, 'method not allowed');
    if (url.pathname === '/events') {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      const unsubscribe = options.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      req.on('close', unsubscribe);
      return;
    }
    const file = resolveStatic(options.staticDir, url.pathname) ?? resolveStatic(options.staticDir, '/');
    if (!file) return send(res, 404, 'renderer not built: run `npm run build`');
    return sendStatic(res, file);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((thrown: unknown) => {
      if (!res.headersSent) send(res, 500, thrown instanceof Error ? thrown.message : 'internal error');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    resolveUpload: (id) => uploads.get(id) ?? null,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
