/** Test helpers: read fixture archives into parsed records the way the engine hands them to shared/ingest. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { CanonicalEvent } from '../../../shared/ingest/canonicalEvent';
import { normalizeRecord } from '../../../shared/ingest/normalize';
import type { ProducerId } from '../../../shared/ingest/producers';
import { parseJson } from '../../../shared/json/parse';
import { isJsonArray, isJsonObject, type JsonValue } from '../../../shared/json/value';

export const FIXTURES = 'test/fixtures';
const CORPORA = ['agentmesh', 'gantz', 'meshguard', 'runtime-steps'];

export interface LoadedArchive {
  /** Path relative to test/fixtures. */
  path: string;
  container: 'jsonl' | 'json' | 'parquet';
  records: JsonValue[];
  /** Records that did not parse (torn lines, trailing commas): the engine quarantines them. */
  unparsed: number;
  parquetColumns?: string[];
  parquetKvMetadata?: Record<string, string>;
}

/** Files that are fixtures' metadata, not archives. */
const NOT_ARCHIVES =
  /(MANIFEST\.md|\.truth\.json|anchors\.json|vectors\.json|ground-truth\.json|cases\.json|expected\.json|rotation\.json|proofs\.json|\.pem|\.hex|keys\/.*\.json)$/;

export function archivePaths(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(jsonl|json|parquet)$/.test(name) && !NOT_ARCHIVES.test(full))
        out.push(relative(FIXTURES, full));
    }
  };
  // Only the four producer corpora: other folders under test/fixtures hold other teams' inputs.
  for (const corpus of CORPORA) walk(join(FIXTURES, corpus));
  return out;
}

function parse(text: string): JsonValue | undefined {
  const r = parseJson(text, { allowNonFinite: true });
  return r.ok ? r.value : undefined;
}

export function loadJsonl(path: string): LoadedArchive {
  const records: JsonValue[] = [];
  let unparsed = 0;
  for (const raw of readFileSync(join(FIXTURES, path), 'utf8').split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    const v = parse(line);
    if (v === undefined) unparsed++;
    else records.push(v);
  }
  return { path, container: 'jsonl', records, unparsed };
}

/** A JSON document as the engine splits it: an export's `entries`, a top-level array, or one object. */
export function loadJsonDocument(path: string): LoadedArchive {
  const root = parse(readFileSync(join(FIXTURES, path), 'utf8'));
  if (root === undefined) return { path, container: 'json', records: [], unparsed: 1 };
  const records = isJsonArray(root)
    ? root
    : isJsonObject(root) && isJsonArray(root.entries)
      ? root.entries
      : [root];
  return { path, container: 'json', records, unparsed: 0 };
}

let connection: Promise<DuckDBConnection> | undefined;

function duck(): Promise<DuckDBConnection> {
  connection ??= DuckDBInstance.create(':memory:').then((db) => db.connect());
  return connection;
}

/** Column names, KV metadata and rows (DuckDB to_json, as the engine's Parquet reader renders them). */
export async function loadParquet(path: string): Promise<LoadedArchive> {
  const c = await duck();
  const file = join(FIXTURES, path).replace(/'/g, "''");
  const described = await c.runAndReadAll(`DESCRIBE SELECT * FROM '${file}'`);
  const parquetColumns = described.getRowObjects().map((r) => String(r.column_name));
  const kv = await c.runAndReadAll(
    `SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${file}')`,
  );
  const parquetKvMetadata: Record<string, string> = {};
  for (const r of kv.getRowObjects()) parquetKvMetadata[String(r.k)] = String(r.v);
  const rows = await c.runAndReadAll(`SELECT to_json(t)::VARCHAR AS j FROM '${file}' t`);
  const records: JsonValue[] = [];
  let unparsed = 0;
  for (const r of rows.getRowObjects()) {
    const v = parse(String(r.j));
    if (v === undefined) unparsed++;
    else records.push(v);
  }
  return { path, container: 'parquet', records, unparsed, parquetColumns, parquetKvMetadata };
}

export async function loadArchive(path: string): Promise<LoadedArchive> {
  if (path.endsWith('.parquet')) return loadParquet(path);
  if (path.endsWith('.jsonl')) return loadJsonl(path);
  return loadJsonDocument(path);
}

/** What each fixture file is, from the MANIFESTs (the test knows names; detection never sees them). */
export function expectedFamily(path: string): ProducerId {
  const [corpus = ''] = path.split('/');
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (corpus === 'gantz') return 'gantz';
  if (corpus === 'agentmesh') {
    if (name.startsWith('cloudevents')) return 'agentmesh-cloudevents';
    if (name.startsWith('export')) return 'agentmesh-export';
    return 'agentmesh-sink';
  }
  if (corpus === 'meshguard') {
    if (path.includes('/cloudevents') || name.startsWith('cloudevents-')) return 'meshguard-cloudevents';
    if (path.includes('/siem') || name.startsWith('siem-')) return 'meshguard-siem';
    return 'meshguard';
  }
  if (path.includes('/cloudevents') || name.startsWith('cloudevents-')) return 'runtime-steps-cloudevents';
  return 'runtime-steps';
}

/** Every record of a fixture archive normalized with its expected family; a failure fails the test. */
export async function normalizedEvents(path: string): Promise<CanonicalEvent[]> {
  const a = await loadArchive(path);
  return a.records.map((record, entryIndex) => {
    const r = normalizeRecord(expectedFamily(path), record, { entryIndex });
    if (!r.ok) throw new Error(`${path} #${entryIndex} ${r.field}: ${r.reason}`);
    return r.event;
  });
}

export function countBy<T>(
  items: readonly T[],
  key: (item: T) => string | undefined,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
