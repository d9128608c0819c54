/**
 * Differential fuzzing of the native JSONL import (electron/engine/import/native/) against the JS
 * path, the reference: random files of each native family (test/helpers/fuzzFamilies.ts), their
 * lines and layout made by fuzzLines.ts, imported both ways into real DuckDB files and compared
 * column by column with quarantine and report.
 * nativeImport.test.ts holds the hand-picked shapes; this looks for the ones nobody picked.
 *
 * CASEFILE_FUZZ_RUNS sets the number of files (default 4) and CASEFILE_FUZZ_SEED replays one.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/engine/case/db';
import { comparable, importWith } from '../helpers/importBothWays';
import { insertedByDuckDb, newInsertCase } from '../helpers/nativeInsertRows';
import { FAMILIES } from '../helpers/fuzzFamilies';
import { fileBytes, fileLayout, fuzzedLine } from '../helpers/fuzzLines';
import { fuzzParameters } from '../helpers/fuzzParameters';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-fuzz');

let db: Db;
beforeAll(async () => {
  db = await newInsertCase(join(dir, 'rows.duckdb'));
});
afterAll(() => db.close());

describe.each(FAMILIES)('native and JS imports agree on random $producer records', (family) => {
  let fuzzedLines = 0;
  let takenByDuckDb = 0;
  it('maps, quarantines and reports every line of a random file alike, while DuckDB takes many lines itself', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fuzzedLine(family), { minLength: 150, maxLength: 300 }),
        fileLayout,
        async (fuzzed, layoutOfFile) => {
          // Ordinary lines first, so the family is detected the same way every time.
          const lines = [...Array.from({ length: 20 }, (_, i) => family.ordinary(i + 1)), ...fuzzed];
          const runDir = mkdtempSync(join(dir, 'run-'));
          try {
            const file = join(runDir, 'fuzz.jsonl');
            writeFileSync(file, fileBytes(lines, layoutOfFile));
            const viaSql = await importWith(true, file, runDir);
            const viaJs = await importWith(false, file, runDir);
            expect(viaJs.report.producer).toBe(family.producer);
            expect(comparable(viaSql)).toEqual(comparable(viaJs));
            expect(viaJs.events.length + viaJs.quarantine.length).toBe(lines.length);
            fuzzedLines += fuzzed.length;
            const taken = await insertedByDuckDb(db, runDir, file, family.producer);
            takenByDuckDb += taken.entries.filter((e) => e >= 20).length;
          } finally {
            rmSync(runDir, { recursive: true, force: true });
          }
        },
      ),
      {
        ...fuzzParameters(4),
        interruptAfterTimeLimit: 240_000,
        markInterruptAsFailure: true,
      },
    );
    // Lines with no change, or only harmless ones, are DuckDB's: the fast path was exercised.
    expect(takenByDuckDb).toBeGreaterThan(fuzzedLines / 5);
  }, 300_000);
});
