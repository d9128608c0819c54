/**
 * The typed client over any transport. Components call `client.call('events.page', {...})`
 * and get `Response<'events.page'>`; a transport failure is a TRANSPORT result, never a throw.
 */
import type { Method, Request, Response } from '../contract/api';
import type { ServerEvent } from '../contract/events';
import type { Result } from '../contract/result';

/** Moves a call to the engine and its Result back. Must resolve (not reject) with TRANSPORT on failure. */
export interface Transport {
  invoke(method: Method, req: unknown): Promise<Result<unknown>>;
  /** Subscribe to engine events; returns an unsubscribe function. */
  subscribe(listener: (event: ServerEvent) => void): () => void;
}

export interface CasefileClient {
  call<M extends Method>(method: M, req: Request<M>): Promise<Response<M>>;
  onEvent(listener: (event: ServerEvent) => void): () => void;
}

export function createClient(transport: Transport): CasefileClient {
  return {
    async call<M extends Method>(method: M, req: Request<M>): Promise<Response<M>> {
      try {
        return (await transport.invoke(method, req)) as Response<M>;
      } catch (thrown) {
        const message = thrown instanceof Error ? thrown.message : String(thrown);
        return { ok: false, error: { code: 'TRANSPORT', message: `${method}: ${message}` } };
      }
    },
    onEvent(listener) {
      return transport.subscribe(listener);
    },
  };
}
