/**
 * Imports one file into a fresh case through the engine's contract, with the native JSONL path
 * on or off, and reads back what landed (events, quarantine, report): to compare the two paths
 * column by column (nativeImport.test.ts, nativeFuzz.test.ts) or check what a hostile file left
 * (hostileBytes.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { Db } from '../../electron/engine/case/db';
import type { ImportFileReport } from '../../shared/contract/model';
import type { Result } from '../../shared/contract/result';
import { createDispatcher } from '../../shared/rpc/dispatch';
import type { EngineConfig } from '../../electron/host/engineConfig';
import { testEngine } from '../contract/testEngine';

export interface Imported {
  report: ImportFileReport;
  events: Record<string, unknown>[];
  quarantine: Record<string, unknown>[];
}

let caseCounter = 0;

/** Imports `file` into a new case under `dir`, natively or through the JS path only. */
export async function importWith(native: boolean, file: string, dir: string): Promise<Imported> {
  const { reports, events, quarantine } = await importFilesWith(native, [file], dir);
  return { report: reports[0] as ImportFileReport, events, quarantine };
}

/**
 * Imports `files` with one call into a new case under `dir`, natively or through the JS path
 * only; events in row id order (a file's row ids follow its entries, and files follow the call's
 * order), quarantine by file path and entry.
 */
export async function importFilesWith(
  native: boolean,
  files: string[],
  dir: string,
  config: Partial<EngineConfig> = {},
): Promise<{
  reports: ImportFileReport[];
  events: Record<string, unknown>[];
  quarantine: Record<string, unknown>[];
  /** The case, closed, for a test to look into further. */
  casePath: string;
}> {
  const engine = testEngine({ ...config, nativeImport: native });
  // A handler that throws answers INTERNAL with an incident id; the test wants the cause.
  let thrownCause: unknown;
  const dispatch = createDispatcher(engine.handlers, {
    onInternalError: (_id, _method, thrown) => (thrownCause = thrown),
  });
  const casePath = join(dir, `case-${caseCounter++}.duckdb`);
  let closed = false;
  try {
    expect((await dispatch('case.create', { path: casePath })).ok).toBe(true);
    const r = (await dispatch('archive.import', { sources: files.map((path) => ({ path })) })) as Result<{
      files: ImportFileReport[];
    }>;
    if (!r.ok) throw new Error(JSON.stringify(r.error), { cause: thrownCause });
    await engine.close();
    closed = true;
    const db = await Db.open(casePath);
    try {
      const events = await db.objects(`SELECT * EXCLUDE (archive_id, raw) FROM events ORDER BY row_id`);
      // hex: node-api's JSON form of a BLOB does not tell a backslash byte from an escape. Archive
      // ids differ between cases (each import has its own id); paths do not.
      const quarantine = await db.objects(
        `SELECT q.* EXCLUDE (archive_id, raw), hex(q.raw) AS raw_hex, a.path AS archive_path
         FROM quarantine q JOIN archives a USING (archive_id) ORDER BY a.path, q.entry_index`,
      );
      return { reports: r.value.files, events, quarantine, casePath };
    } finally {
      db.close();
    }
  } finally {
    if (!closed) await engine.close();
  }
}

/** `file` imported natively and through the JS path only, each into its own new case. */
export async function importBothWays(file: string, dir: string): Promise<[Imported, Imported]> {
  return [await importWith(true, file, dir), await importWith(false, file, dir)];
}

/** What must be equal between the two paths: everything but the archive id and the notes' order. */
export function comparable(i: Imported): unknown {
  const { archiveId: _a, notes, ...report } = i.report;
  return {
    report: { ...report, notes: [...(notes ?? [])].sort() },
    events: i.events,
    quarantine: i.quarantine,
  };
}

/**
 * `file` imported both ways as `producer`, with the same events, quarantine and report; answers
 * the JS path's import for what a test checks further.
 */
export async function expectSameBothWays(file: string, dir: string, producer: string): Promise<Imported> {
  const [viaSql, viaJs] = await importBothWays(file, dir);
  expect(viaJs.report.producer).toBe(producer);
  expect(comparable(viaSql)).toEqual(comparable(viaJs));
  return viaJs;
}

/** `lines` written as a JSON Lines file `name` under `dir`; answers its path. */
export function writeLines(dir: string, name: string, lines: readonly string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
