/**
 * The investigation's own audit trail: each action (case created, file imported, verified…)
 * is appended to custody_log with a SHA-256 chain, so the case can show it was not edited.
 */
import { createHash } from 'node:crypto';
import type { Db } from './db';
import { wellFormed } from '../../../shared/ingest/wellFormed';

export const CUSTODY_GENESIS = '0'.repeat(64);

/**
 * Deterministic JSON: keys sorted, so the hash input does not depend on insertion order; strings
 * well-formed, so DuckDB's JSON column takes the text the hash was computed over (jsonColumn.ts).
 */
export function stableJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(wellFormed(value));
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(wellFormed(k))}:${stableJson(v)}`).join(',')}}`;
}

export function custodyHash(
  seq: number,
  at: string,
  action: string,
  detail: unknown,
  prevHash: string,
): string {
  return createHash('sha256')
    .update(stableJson({ seq, at, action, detail, prev_hash: prevHash }))
    .digest('hex');
}

/** Appends one action; call inside the transaction that performs it so both commit together. */
export async function appendCustody(db: Db, action: string, detail: Record<string, unknown>): Promise<void> {
  const last = await db.objects('SELECT seq, hash FROM custody_log ORDER BY seq DESC LIMIT 1');
  const seq = last[0] ? Number(last[0].seq) + 1 : 1;
  const prev = last[0] ? String(last[0].hash) : CUSTODY_GENESIS;
  const at = new Date().toISOString();
  const hash = custodyHash(seq, at, action, detail, prev);
  await db.run('INSERT INTO custody_log VALUES (?, ?, ?, ?::JSON, ?, ?)', [
    seq,
    at,
    action,
    stableJson(detail),
    prev,
    hash,
  ]);
}

export interface CustodyCheck {
  entries: number;
  intact: boolean;
  firstBadSeq: number | null;
}

/** Re-walks the chain: each row's hash recomputes and links to its predecessor. */
export async function verifyCustody(db: Db): Promise<CustodyCheck> {
  const rows = await db.objects(
    `SELECT seq, logged_at AS at, action, detail::VARCHAR AS detail, prev_hash, hash FROM custody_log ORDER BY seq`,
  );
  let prev = CUSTODY_GENESIS;
  for (const r of rows) {
    const detail: unknown = JSON.parse(String(r.detail));
    const expected = custodyHash(Number(r.seq), String(r.at), String(r.action), detail, prev);
    if (r.prev_hash !== prev || r.hash !== expected)
      return { entries: rows.length, intact: false, firstBadSeq: Number(r.seq) };
    prev = String(r.hash);
  }
  return { entries: rows.length, intact: true, firstBadSeq: null };
}
