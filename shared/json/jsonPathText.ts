/** Human-readable JSON paths for errors (`data.items[2].sku`, `meta["a.b"]`), readable back by ../ingest/jsonPath. */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** One step of a path: a member name or an array index. */
export type PathStep = string | number;

/** `steps` as text: identifiers dotted, other names as `["…"]` JSON strings, indices as `[i]`; `''` at top level. */
export function formatJsonPath(steps: readonly PathStep[]): string {
  let out = '';
  for (const step of steps) out = appendPathStep(out, step);
  return out;
}

/** `path` extended by one step. */
export function appendPathStep(path: string, step: PathStep): string {
  if (typeof step === 'number') return `${path}[${step}]`;
  if (IDENTIFIER.test(step)) return path === '' ? step : `${path}.${step}`;
  return `${path}[${JSON.stringify(step)}]`;
}
