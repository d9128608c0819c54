/**
 * The transport-neutral dispatcher: one entry point for IPC, HTTP and in-process calls.
 * It refuses unknown methods, validates requests at runtime (never trust the renderer,
 * Electron security checklist #17), and turns a throwing handler into INTERNAL with an
 * incident id, so nothing but a Result ever crosses a boundary.
 */
import type { z } from 'zod';
import { isMethod, requestSchemas, type Handlers, type Method } from '../contract/api';
import type { CasefileError, Result } from '../contract/result';

export type Dispatch = (method: unknown, req: unknown) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  /** Called with the incident id and the thrown value when a handler throws. */
  onInternalError?: (incidentId: string, method: Method, thrown: unknown) => void;
  /** Incident ids; injectable for tests. */
  newIncidentId?: () => string;
}

function fieldPath(issue: z.core.$ZodIssue): string {
  return issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[');
}

function invalid(message: string, field?: string): Result<never> {
  const error: CasefileError = { code: 'INVALID_REQUEST', message };
  if (field) error.where = { field };
  return { ok: false, error };
}

let counter = 0;
function defaultIncidentId(): string {
  counter += 1;
  return `inc-${Date.now().toString(36)}-${counter}`;
}

export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  const newIncidentId = options.newIncidentId ?? defaultIncidentId;
  return async function dispatch(method: unknown, req: unknown): Promise<Result<unknown>> {
    if (!isMethod(method)) return invalid(`unknown method ${JSON.stringify(String(method)).slice(0, 80)}`);
    const parsed = requestSchemas[method].safeParse(req ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue ? fieldPath(issue) : undefined;
      return invalid(`${method}: ${issue?.message ?? 'invalid request'}`, field || undefined);
    }
    try {
      const handler = handlers[method] as (r: unknown) => Promise<Result<unknown>>;
      return await handler(parsed.data);
    } catch (thrown) {
      const incidentId = newIncidentId();
      options.onInternalError?.(incidentId, method, thrown);
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `${method} failed unexpectedly (incident ${incidentId})`,
          incidentId,
        },
      };
    }
  };
}
