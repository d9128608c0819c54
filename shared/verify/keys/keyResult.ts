/** The result of decoding user-supplied key material: a value or a plain-words error, never a throw. */

export type KeyResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function keyOk<T>(value: T): KeyResult<T> {
  return { ok: true, value };
}

export function keyError<T = never>(error: string): KeyResult<T> {
  return { ok: false, error };
}
