/**
 * Runs the engine in a child process and speaks the contract to it. If the child dies (a
 * crafted archive crashing native code), pending calls answer ENGINE_UNAVAILABLE, a fresh
 * engine starts on the next call and reopens the case that was open (issue #3, isolation).
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { ServerEvent } from '../../shared/contract/events';
import type { Result } from '../../shared/contract/result';
import type { Dispatch } from '../../shared/rpc/dispatch';
import type { CallMessage, ToHost } from './protocol';

export interface EngineHostOptions {
  /** The built engine entry (dist/node/engine.mjs). */
  entry: string;
  env: Record<string, string>;
}

interface Pending {
  method: string;
  resolve(result: Result<unknown>): void;
}

const CASE_METHODS = new Set(['case.open', 'case.create', 'case.openDemo']);

export class EngineHost {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: ServerEvent) => void>();
  private openCasePath: string | null = null;
  private closed = false;
  /** How many times the engine process died; exposed for tests and the status bar. */
  crashes = 0;

  constructor(private readonly options: EngineHostOptions) {}

  readonly dispatch: Dispatch = async (method, req) => {
    await this.ensureStarted();
    const result = await this.send(String(method), req);
    if (result.ok && CASE_METHODS.has(String(method))) {
      const value = result.value as { path?: unknown };
      this.openCasePath = typeof value.path === 'string' ? value.path : null;
    }
    if (result.ok && method === 'case.close') this.openCasePath = null;
    return result;
  };

  subscribe(listener: (event: ServerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private send(method: string, req: unknown): Promise<Result<unknown>> {
    const child = this.child;
    if (!child?.connected)
      return Promise.resolve(this.unavailable(method, 'the engine process is not running'));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { method, resolve });
      const message: CallMessage = { kind: 'call', id, method, req };
      child.send(message);
    });
  }

  private unavailable(method: string, why: string): Result<never> {
    return {
      ok: false,
      error: { code: 'ENGINE_UNAVAILABLE', message: `${method}: ${why}; nothing was committed by this call` },
    };
  }

  private ensureStarted(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('engine host closed'));
    this.ready ??= this.spawn();
    return this.ready;
  }

  private async spawn(): Promise<void> {
    const child = fork(this.options.entry, [], {
      env: { ...process.env, ...this.options.env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'json',
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.on('message', (raw: unknown) => {
        const message = raw as ToHost;
        if (message.kind === 'ready') resolve();
        else if (message.kind === 'result') {
          const p = this.pending.get(message.id);
          this.pending.delete(message.id);
          p?.resolve(message.result);
        } else if (message.kind === 'event') for (const l of this.listeners) l(message.event);
      });
      child.once('exit', (code, signal) => {
        reject(new Error(`engine exited before it was ready (${code ?? signal})`));
        this.onExit(child, code, signal);
      });
    });
    const reopen = this.openCasePath;
    if (reopen) await this.send('case.open', { path: reopen });
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return;
    this.child = null;
    this.ready = null;
    if (!this.closed) this.crashes += 1;
    const why = `the engine process stopped (${signal ?? `exit code ${code}`}) while handling it`;
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.resolve(this.unavailable(p.method, why));
    }
  }

  /** The running engine process's id, if one runs (diagnostics and tests). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Kills the engine process at once (SIGKILL), as a crash would; the next call starts a fresh one. */
  kill(): void {
    this.child?.kill('SIGKILL');
  }

  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.disconnect();
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  }
}
