/**
 * Reads archives into VerifySources for the pure profiles: JSONL as records with their text and
 * line, re-read from disk on each iteration (gzip: held in memory), JSON documents whole, Parquet rows as DuckDB to_json() values (the shape the Parquet
 * profiles document). Also the file's SHA-256 and a parsed sample for family detection.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { parseJson, locateArrayElements } from '../../../shared/json/parse';
import type { JsonValue } from '../../../shared/json/value';
import type { VerifyRecord, VerifySource } from '../../../shared/verify/profile';
import { messageOf } from '../import/archiveReadError';
import { sha256File } from '../import/fileHash';
import { sniffFile } from '../import/sniff';
import { jsonlRecords } from '../import/textRecords';
import { jsonlFileRecords } from './jsonlFileRecords';

export interface ReadSource {
  source: VerifySource;
  /** Still being computed: it overlaps the verification's own reading (runVerify.ts). */
  sha256: Promise<string>;
  sample: JsonValue[];
  parquetColumns?: string[];
  /** An uncompressed JSONL file, re-read from disk: worth checking on worker threads (precheckSteps.ts). */
  jsonlFile?: boolean;
}

export type ReadResult =
  { ok: true; read: ReadSource } | { ok: false; path: string; sha256: string; reason: string };

const SAMPLE = 20;
const decoder = new TextDecoder('utf-8');

function sampleOf(texts: string[]): JsonValue[] {
  return texts.flatMap((t) => {
    const p = parseJson(t, { allowNonFinite: true });
    return p.ok ? [p.value] : [];
  });
}

async function readParquet(path: string): Promise<{ records: VerifyRecord[]; columns: string[] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    const cols = (
      await c.runAndReadAll('SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet(?))', [path])
    ).getRowObjectsJson();
    const rows =
      (
        await c.runAndReadAll('SELECT to_json(t)::VARCHAR AS j FROM read_parquet(?) t', [path])
      ).getColumnsJson()[0] ?? [];
    const records: VerifyRecord[] = rows.map((j, entryIndex) => {
      const parsed = parseJson(String(j), { allowNonFinite: true });
      return parsed.ok ? { entryIndex, value: parsed.value } : { entryIndex, text: String(j) };
    });
    return { records, columns: cols.map((r) => String(r.column_name)) };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

/**
 * A file that cannot be read (a directory, Parquet without its footer or with pages that do not
 * decode) is unverifiable with the reason, and the other files of the call are still verified.
 */
export async function readVerifySource(path: string): Promise<ReadResult> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return { ok: false, path, sha256: '', reason: info ? 'not a file' : 'no such file' };
  const sha256 = sha256File(path);
  // Awaited later (runVerify.ts); a failure before then must not count as an unhandled rejection.
  sha256.catch(() => undefined);
  try {
    return await readSource(path, sha256);
  } catch (thrown) {
    return {
      ok: false,
      path,
      sha256: await sha256.catch(() => ''),
      reason: `not readable: ${messageOf(thrown)}`,
    };
  }
}

async function readSource(path: string, sha256: Promise<string>): Promise<ReadResult> {
  const sniffed = await sniffFile(path);
  if (sniffed.kind === 'unknown')
    return { ok: false, path, sha256: await sha256, reason: `not an audit archive: ${sniffed.reason}` };
  if (sniffed.kind === 'parquet') {
    const { records, columns } = await readParquet(path);
    const sample = records.slice(0, SAMPLE).flatMap((r) => (r.value === undefined ? [] : [r.value]));
    return {
      ok: true,
      read: { source: { path, container: 'parquet', records }, sha256, sample, parquetColumns: columns },
    };
  }
  if (sniffed.shape === 'jsonl' && !sniffed.gzip) {
    const records = jsonlFileRecords(path);
    const first: VerifyRecord[] = [];
    for (const r of records) if (first.push(r) >= SAMPLE) break;
    const sample = sampleOf(first.map((r) => r.text ?? ''));
    return {
      ok: true,
      read: { source: { path, container: 'jsonl', records }, sha256, sample, jsonlFile: true },
    };
  }
  if (sniffed.shape === 'jsonl') {
    // Gzip: no synchronous streaming inflate, so the decompressed records stay in memory.
    const records: VerifyRecord[] = [];
    const broken: string[] = [];
    const reader = jsonlRecords(path, sniffed.gzip, { onNote: (note) => broken.push(note) });
    for await (const batch of reader) {
      for (const r of batch)
        records.push({ entryIndex: r.entryIndex, line: r.line, text: decoder.decode(r.bytes) });
    }
    // A verdict over the records before a break would pass off part of the file as all of it.
    if (broken.length > 0) return { ok: false, path, sha256: await sha256, reason: broken.join('; ') };
    const sample = sampleOf(records.slice(0, SAMPLE).map((r) => r.text ?? ''));
    return { ok: true, read: { source: { path, container: 'jsonl', records }, sha256, sample } };
  }
  // A cut gzip stream or an oversized file throws here: readVerifySource calls it unreadable.
  const bytes = sniffed.gzip ? gunzipSync(await readFile(path)) : await readFile(path);
  const document = decoder.decode(bytes).replace(/^\uFEFF/, '');
  const trimmed = document.trimStart();
  const located = locateArrayElements(document, trimmed.startsWith('{') ? 'entries' : undefined);
  const spans = located.spans.slice(0, SAMPLE);
  const sample =
    spans.length > 0 ? sampleOf(spans.map((s) => document.slice(s.start, s.end))) : sampleOf([document]);
  return { ok: true, read: { source: { path, container: 'json', document }, sha256, sample } };
}
