/**
 * Db.withSettings (electron/engine/case/db.ts): settings changed for one piece of work come back
 * to what they were — also when the work fails inside a transaction, which DuckDB then refuses
 * every statement in until the ROLLBACK.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../electron/engine/case/db';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-settings');
let db: Db;
beforeAll(async () => {
  db = await Db.open(join(dir, 'case.duckdb'), {
    memory_limit: '700MB',
  });
});
afterAll(() => db.close());

const setting = async (name: string): Promise<string> =>
  String(await db.scalar('SELECT current_setting(?)::VARCHAR', [name]));

describe('Db.withSettings', () => {
  it('restores the values Db.open set, not DuckDB defaults', async () => {
    const before = await setting('memory_limit');
    const inside = await db.withSettings(
      { memory_limit: "'300MB'", preserve_insertion_order: 'false' },
      async () => [await setting('memory_limit'), await setting('preserve_insertion_order')],
    );
    expect(inside[1]).toBe('false');
    expect(inside[0]).not.toBe(before);
    expect(await setting('memory_limit')).toBe(before);
    expect(await setting('preserve_insertion_order')).toBe('true');
  });

  it('restores them after a failure aborted the transaction, once it is rolled back', async () => {
    await db.run('CREATE TABLE t (a INTEGER)');
    // A conversion error while inserting aborts the transaction (a binder error would not).
    const failing = "INSERT INTO t SELECT CAST(x AS INTEGER) FROM (VALUES ('1'), ('x')) v(x)";
    await expect(
      db.transaction(() =>
        db.withSettings({ disabled_optimizers: "'filter_pushdown'" }, async () => {
          await db.run(failing).catch(async (thrown: unknown) => {
            await expect(db.run('SELECT 1')).rejects.toThrow(/aborted/);
            throw thrown;
          });
        }),
      ),
    ).rejects.toThrow(/Conversion/);
    expect(await setting('disabled_optimizers')).toBe('');
  });
});
