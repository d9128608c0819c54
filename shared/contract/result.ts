/**
 * Typed results: every operation answers a value, never a thrown string, so the renderer
 * handles exactly one shape whatever the transport (Electron IPC rethrows only a message,
 * electron/electron#24427).
 */

export const ERROR_CODES = [
  /** The request is not a known method or fails its schema. */
  'INVALID_REQUEST',
  /** No case is open but the method needs one. */
  'NO_CASE',
  /** The case file does not exist. */
  'NOT_FOUND',
  /** The case file exists but another process holds it. */
  'LOCKED',
  /** The file is a DuckDB file (or something else) that is not a Casefile case. */
  'FOREIGN_FILE',
  /** The case already exists where a new one was asked for. */
  'EXISTS',
  /** An input file is not an archive Casefile can read. */
  'NOT_AN_ARCHIVE',
  /** An operation was cancelled by the user; the case is unchanged. */
  'CANCELLED',
  /** A query or statement was refused or failed. */
  'QUERY_FAILED',
  /** The engine process died or could not be reached. */
  'ENGINE_UNAVAILABLE',
  /** The transport failed (HTTP status, closed channel, non-JSON body). */
  'TRANSPORT',
  /** A bug: a handler threw. Logged with an incident id. */
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where an error is, as precisely as known: file, 1-based line, field path. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  field?: string;
}

export interface CasefileError {
  code: ErrorCode;
  message: string;
  where?: ErrorLocation;
  /** Set for INTERNAL errors: the id under which the details were logged. */
  incidentId?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CasefileError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: ErrorCode, message: string, where?: ErrorLocation): Result<T> {
  return where ? { ok: false, error: { code, message, where } } : { ok: false, error: { code, message } };
}

/** A located, human-readable one-liner: `file:line field: message`. */
export function describeError(e: CasefileError): string {
  const w = e.where;
  if (!w) return e.message;
  const loc = [w.file, w.line !== undefined ? String(w.line) : undefined].filter(Boolean).join(':');
  const field = w.field ? ` (field ${w.field})` : '';
  return `${loc ? `${loc}: ` : ''}${e.message}${field}`;
}
