/**
 * The case's custody log in DuckDB: appends an action inside the transaction that performs it,
 * and reads the log back for the chain check (shared/custody/chain.ts).
 */
import {
  checkCustodyChain,
  CUSTODY_GENESIS,
  custodyHash,
  stableJson,
  type CustodyCheck,
  type CustodyEntry,
} from '../../../shared/custody/chain';
import type { Db } from './db';

/** Appends one action; call inside the transaction that performs it so both commit together. */
export async function appendCustody(db: Db, action: string, detail: Record<string, unknown>): Promise<void> {
  const last = await db.objects('SELECT seq, hash FROM custody_log ORDER BY seq DESC LIMIT 1');
  const seq = last[0] ? Number(last[0].seq) + 1 : 1;
  const prev = last[0] ? String(last[0].hash) : CUSTODY_GENESIS;
  const at = new Date().toISOString();
  const text = stableJson(detail);
  await db.run('INSERT INTO custody_log VALUES (?, ?, ?, ?::JSON, ?, ?)', [
    seq,
    at,
    action,
    text,
    prev,
    custodyHash(seq, at, action, text, prev),
  ]);
}

/** The whole log in sequence order, each detail as the text that was hashed. */
export async function readCustody(db: Db): Promise<CustodyEntry[]> {
  const rows = await db.objects(
    `SELECT seq, logged_at, action, detail::VARCHAR AS detail, prev_hash, hash FROM custody_log ORDER BY seq`,
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    loggedAt: String(r.logged_at),
    action: String(r.action),
    detail: String(r.detail),
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
  }));
}

export async function verifyCustody(db: Db): Promise<CustodyCheck> {
  return checkCustodyChain(await readCustody(db));
}
