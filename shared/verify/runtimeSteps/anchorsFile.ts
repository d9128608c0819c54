/**
 * Turns runtime-steps' published `anchors.json` (formats/runtime-steps.md §9) into Casefile anchors,
 * one per run: `chain` = run id, `count` = event_count, `head` = head_hash. Each also keeps the run's
 * `tenant` and `file`, optional members beyond ChainAnchor, so a verifier checking one tenant's file
 * knows which anchored runs belong to it (a run absent from that file is then a finding, a run of
 * another tenant is not).
 */
import { anchorCount } from '../meshguard/anchorsFile';
import type { ChainAnchor } from '../types';

export interface RunAnchor extends ChainAnchor {
  /** The run's tenant (`tenant_id`); scopes the anchor to sources holding that tenant's events. */
  tenant?: string;
  /** The file the run was published for (`steps/<tenant>.jsonl`). */
  file?: string;
}

export type RunAnchorsResult = { ok: true; anchors: RunAnchor[] } | { ok: false; error: string };

type Fields = Record<string, unknown>;

function isFields(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isRuntimeStepsAnchors(doc: unknown): boolean {
  return (
    isFields(doc) &&
    Array.isArray(doc.runs) &&
    (doc.producer === 'runtime-steps' || doc.producer === undefined)
  );
}

export function runtimeStepsAnchors(doc: unknown): RunAnchorsResult {
  if (!isFields(doc) || !isRuntimeStepsAnchors(doc) || !Array.isArray(doc.runs)) {
    return { ok: false, error: 'not a runtime-steps anchors.json (expected "runs")' };
  }
  const anchors: RunAnchor[] = [];
  const errors: string[] = [];
  doc.runs.forEach((r: unknown, i) => {
    if (!isFields(r) || typeof r.run_id !== 'string') return errors.push(`runs[${i}] has no run_id`);
    const a: RunAnchor = { chain: r.run_id };
    const count = anchorCount(r.event_count);
    if (count !== undefined) a.count = count;
    if (typeof r.head_hash === 'string') a.head = r.head_hash;
    if (typeof r.tenant_id === 'string') a.tenant = r.tenant_id;
    if (typeof r.file === 'string') a.file = r.file;
    if (a.count === undefined && a.head === undefined)
      return errors.push(`runs[${i}] (${r.run_id}) has no event_count or head_hash`);
    anchors.push(a);
    return undefined;
  });
  return errors.length > 0
    ? { ok: false, error: `runtime-steps anchors: ${errors.join('; ')}` }
    : { ok: true, anchors };
}
