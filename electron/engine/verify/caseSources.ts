/**
 * Rebuilds an archive's VerifySource from the case itself, so verification needs nothing but
 * the case file: every record is stored byte for byte (events.record) and every unreadable one
 * in quarantine, with its line. A JSON document is re-read from its original file, and only
 * when that file still has the SHA-256 recorded at import.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { parseJson } from '../../../shared/json/parse';
import type { VerifyRecord, VerifySource } from '../../../shared/verify/profile';
import type { Db } from '../case/db';
import { messageOf } from '../import/archiveReadError';
import { sha256File } from '../import/fileHash';
import { jsonlFileRecords } from './jsonlFileRecords';

export interface ArchiveRow {
  archiveId: string;
  /** The path as the user knows it (reports use it). */
  path: string;
  /** Where the bytes were read from at import (an upload's temporary file). */
  storedAt: string;
  sha256: string;
  producer: string;
  container: 'jsonl' | 'json' | 'parquet';
  compressed: boolean;
}

/** `file`: the original file the records are read from, when that is how they are read. */
export type CaseSource = { ok: true; source: VerifySource; file?: string } | { ok: false; reason: string };

/** True when the file the archive was imported from is still there with the recorded SHA-256. */
async function originalUnchanged(archive: ArchiveRow): Promise<boolean> {
  return existsSync(archive.storedAt) && (await sha256File(archive.storedAt)) === archive.sha256;
}

async function storedRecords(db: Db, archive: ArchiveRow): Promise<VerifyRecord[]> {
  const rows = await db.objects(
    `SELECT entry_index, line, record AS text FROM events WHERE archive_id = ?
     UNION ALL
     SELECT entry_index, line, CASE WHEN TRY(decode(raw)) IS NULL THEN NULL ELSE decode(raw) END AS text FROM quarantine WHERE archive_id = ?
     ORDER BY entry_index`,
    [archive.archiveId, archive.archiveId],
  );
  return rows.map((r) => {
    const entryIndex = Number(r.entry_index);
    const text = r.text === null ? '\uFFFD' : String(r.text);
    if (archive.container === 'parquet') {
      const parsed = parseJson(text, { allowNonFinite: true });
      return parsed.ok ? { entryIndex, value: parsed.value } : { entryIndex, text };
    }
    return r.line === null ? { entryIndex, text } : { entryIndex, line: Number(r.line), text };
  });
}

export async function caseSource(db: Db, archive: ArchiveRow): Promise<CaseSource> {
  if (archive.container === 'jsonl' && !archive.compressed && (await originalUnchanged(archive))) {
    // The unchanged original, re-read from disk in chunks each time a profile iterates it: constant
    // memory, and the worker-thread precheck can read its byte ranges (precheckSteps.ts).
    return {
      ok: true,
      source: { path: archive.path, container: 'jsonl', records: jsonlFileRecords(archive.storedAt) },
      file: archive.storedAt,
    };
  }
  if (archive.container !== 'json') {
    return {
      ok: true,
      source: { path: archive.path, container: archive.container, records: await storedRecords(db, archive) },
    };
  }
  const file = archive.storedAt;
  if (!existsSync(file))
    return {
      ok: false,
      reason: `the original document ${archive.path} is no longer at ${file} (JSON documents are verified from the file)`,
    };
  if ((await sha256File(file)) !== archive.sha256)
    return {
      ok: false,
      reason: `${file} changed since it was imported (its SHA-256 differs from the one recorded)`,
    };
  let bytes: Buffer;
  try {
    bytes = archive.compressed ? gunzipSync(await readFile(file)) : await readFile(file);
  } catch (thrown) {
    // A cut gzip document imports up to the cut (textRecords.ts); a verdict on part of it would pass it off as whole.
    return { ok: false, reason: `${file} cannot be read whole: ${messageOf(thrown)}` };
  }
  return {
    ok: true,
    source: {
      path: archive.path,
      container: 'json',
      document: new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''),
    },
  };
}
