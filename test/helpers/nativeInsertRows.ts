/**
 * Runs the native INSERT alone (taggedCopy.ts, then nativeJsonl.ts nativeInsertSql) on a file
 * into an open case and answers which lines DuckDB itself took; the rest would go to the JS path.
 */
import { listValue } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createCase } from '../../electron/engine/case/caseFile';
import type { Db } from '../../electron/engine/case/db';
import { EventColumns } from '../../electron/engine/case/eventTable';
import { CANONICAL_COLUMNS } from '../../shared/ingest/canonicalColumns';
import {
  columnsFilledBy,
  nativeFamily,
  type NativeFamily,
} from '../../electron/engine/import/native/nativeFamilies';
import { keyRulesOf } from '../../electron/engine/import/native/keyScan';
import { nativeInsertSql } from '../../electron/engine/import/native/nativeJsonl';
import { writeTaggedCopy } from '../../electron/engine/import/native/taggedCopy';
import { isGzipMagic } from '../../shared/ingest/containerShape';

let n = 0;

/** The native family of `producer`; a test naming one without throws. */
export function nativeFamilyOf(producer: string): NativeFamily {
  const family = nativeFamily(producer);
  if (!family) throw new Error(`${producer} has no native family`);
  return family;
}

/** The entry indexes DuckDB inserted from `file`, under a fresh archive id (returned too). */
export async function insertedByDuckDb(
  db: Db,
  dir: string,
  file: string,
  producer = 'runtime-steps',
): Promise<{ archiveId: string; entries: number[] }> {
  const copy = join(dir, `copy-${n}.jsonl`);
  const archiveId = `a${n++}`;
  const family = nativeFamilyOf(producer);
  const keyRules = keyRulesOf(family);
  const layout = await writeTaggedCopy(file, copy, {
    gzip: isGzipMagic(readFileSync(file).subarray(0, 2)),
    ...(keyRules ? { keyRules } : {}),
  });
  expect(layout.plain).toBe(true);
  // The case gets the family's columns first, as an import's INSERT does (eventTable.ts).
  await (await EventColumns.load(db, CANONICAL_COLUMNS)).need(columnsFilledBy(family));
  await db.run(nativeInsertSql(family), [listValue([0n]), listValue([archiveId]), listValue([copy])]);
  const rows = await db.objects('SELECT entry_index FROM events WHERE archive_id = ? ORDER BY 1', [
    archiveId,
  ]);
  return { archiveId, entries: rows.map((r) => Number(r.entry_index)) };
}

/** A new, empty case at `path` for insertedByDuckDb, its connection open. */
export async function newInsertCase(path: string): Promise<Db> {
  const created = await createCase(path, CANONICAL_COLUMNS, '0.0.0-test');
  if (!created.ok) throw new Error(created.error.message);
  return created.value.db;
}
