/**
 * Turns meshguard's published `anchors.json` (formats/meshguard.md §9) into Casefile anchors, so
 * the file is accepted as it is: `log` becomes chain `*` (count, head, genesis prev) and each
 * `files[k]` a chain named by its path (line count, first prev, head hash).
 */
import { JsonNumber } from '../../json/value';
import type { ChainAnchor } from '../types';

export type AnchorsResult = { ok: true; anchors: ChainAnchor[] } | { ok: false; error: string };

type Fields = Record<string, unknown>;

function isFields(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A count as JSON.parse gives it (number) or as the lossless parser does (JsonNumber). */
export function anchorCount(v: unknown): number | undefined {
  const n = v instanceof JsonNumber ? (v.isInteger ? v.toDouble() : Number.NaN) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function anchor(chain: string, count: unknown, head: unknown, firstPrev: unknown): ChainAnchor {
  const a: ChainAnchor = { chain };
  const n = anchorCount(count);
  if (n !== undefined) a.count = n;
  if (typeof head === 'string') a.head = head;
  if (typeof firstPrev === 'string') a.firstPrev = firstPrev;
  return a;
}

export function isMeshguardAnchors(doc: unknown): boolean {
  return (
    isFields(doc) &&
    (doc.producer === 'meshguard' ||
      (isFields(doc.log) && Array.isArray(doc.files) && 'head_hash' in doc.log))
  );
}

export function meshguardAnchors(doc: unknown): AnchorsResult {
  if (!isMeshguardAnchors(doc) || !isFields(doc))
    return { ok: false, error: 'not a meshguard anchors.json (expected "log" and "files")' };
  const anchors: ChainAnchor[] = [];
  const errors: string[] = [];
  if (isFields(doc.log))
    anchors.push(anchor('*', doc.log.event_count, doc.log.head_hash, doc.log.genesis_prev));
  const files = Array.isArray(doc.files) ? doc.files : [];
  files.forEach((f: unknown, i) => {
    if (!isFields(f) || typeof f.path !== 'string') return errors.push(`files[${i}] has no path`);
    anchors.push(anchor(f.path, f.line_count, f.head_hash, f.first_prev));
    return undefined;
  });
  const empty = anchors.filter(
    (a) => a.count === undefined && a.head === undefined && a.firstPrev === undefined,
  );
  if (empty.length > 0)
    errors.push(`no count, head or first prev for ${empty.map((a) => a.chain).join(', ')}`);
  return errors.length > 0
    ? { ok: false, error: `meshguard anchors: ${errors.join('; ')}` }
    : { ok: true, anchors };
}
