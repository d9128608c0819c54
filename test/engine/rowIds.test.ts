/**
 * Row ids: every import path numbers a file's rows `first + entry_index`, the next file starting
 * after the last entry of the one before, so ids follow the files and their lines whatever order
 * worker batches finish in. A quarantined entry leaves its id unused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Db } from '../../electron/engine/case/db';
import type { ImportFileReport } from '../../shared/contract/model';
import type { Result } from '../../shared/contract/result';
import { createDispatcher } from '../../shared/rpc/dispatch';
import { testEngine } from '../contract/testEngine';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-rowids');

/** A copy of `source`'s first `n` lines with line `bad` (0-based) replaced by text that does not parse. */
function withBadLine(source: string, n: number, bad: number, name: string): string {
  const lines = readFileSync(source, 'utf8').split('\n').slice(0, n);
  lines[bad] = '{"this line": is not JSON';
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const gantz = withBadLine('test/fixtures/gantz/audit.jsonl', 60, 7, 'gantz.jsonl');
const steps = withBadLine('test/fixtures/runtime-steps/steps/tnt_bluefin.jsonl', 80, 0, 'steps.jsonl');

async function importBoth(
  native: boolean,
): Promise<{ files: ImportFileReport[]; rows: Record<string, unknown>[] }> {
  const engine = testEngine({ nativeImport: native });
  const dispatch = createDispatcher(engine.handlers);
  const casePath = join(dir, `case-${native ? 'native' : 'js'}.duckdb`);
  let closed = false;
  try {
    expect((await dispatch('case.create', { path: casePath })).ok).toBe(true);
    const r = (await dispatch('archive.import', {
      sources: [gantz, steps, gantz.replace('gantz.jsonl', 'gantz-again.jsonl')].map((path) => ({ path })),
    })) as Result<{ files: ImportFileReport[] }>;
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    await engine.close();
    closed = true;
    const db = await Db.open(casePath);
    try {
      const rows = await db.objects(
        `SELECT a.name, e.row_id::BIGINT AS row_id, e.entry_index::BIGINT AS entry_index
         FROM events e JOIN archives a USING (archive_id) ORDER BY e.row_id`,
      );
      return { files: r.value.files, rows };
    } finally {
      db.close();
    }
  } finally {
    if (!closed) await engine.close();
  }
}

describe('row ids', () => {
  // The third file is the first again under another name, made before the import runs.
  writeFileSync(gantz.replace('gantz.jsonl', 'gantz-again.jsonl'), `${readFileSync(gantz, 'utf8')}\n`);

  it.each([false, true])(
    'follow file and entry, with gaps where entries were quarantined (native %s)',
    async (native) => {
      const { files, rows } = await importBoth(native);
      expect(files.map((f) => [f.producer, f.records, f.quarantined])).toEqual([
        ['gantz', 59, 1],
        ['runtime-steps', 79, 1],
        ['gantz', 59, 1],
      ]);
      const first = new Map<string, number>();
      for (const row of rows) {
        const name = String(row.name);
        const start = Number(row.row_id) - Number(row.entry_index);
        expect(first.get(name) ?? start, name).toBe(start);
        first.set(name, start);
      }
      // Each file starts right after the last entry of the file before it, quarantined or not.
      expect([...first.entries()]).toEqual([
        ['gantz.jsonl', 1],
        ['steps.jsonl', 61],
        ['gantz-again.jsonl', 141],
      ]);
      // The quarantined lines' ids are the gaps: line 8 of each gantz file, line 1 of the steps file.
      const ids = new Set(rows.map((r) => Number(r.row_id)));
      expect([8, 61, 148].filter((id) => ids.has(id))).toEqual([]);
      expect(ids.size).toBe(59 + 79 + 59);
    },
  );
});
