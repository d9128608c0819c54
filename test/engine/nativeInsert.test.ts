/**
 * Which lines DuckDB itself inserts on the native path (nativeJsonl.ts nativeInsertSql): all of a
 * producer's own files, and none whose keys DuckDB would read differently from the JS parser.
 * nativeImport.test.ts shows the two paths agree; this shows the fast one is really taken, since
 * a check that sent every row to the JS path would still agree, only 20× slower.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/engine/case/db';
import { insertedByDuckDb as insertedByDb, newInsertCase } from '../helpers/nativeInsertRows';
import { pythonLayout, stepLine } from '../helpers/runtimeStepLine';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-insert');
const STEPS = 'test/fixtures/runtime-steps/steps';
let db: Db;
let last = '';

beforeAll(async () => {
  db = await newInsertCase(join(dir, 'case.duckdb'));
});
afterAll(() => db.close());

/** The entry indexes DuckDB inserted from `file`. */
async function insertedByDuckDb(file: string): Promise<number[]> {
  const { archiveId, entries } = await insertedByDb(db, dir, file);
  last = archiveId;
  return entries;
}

describe('the native INSERT', () => {
  it.each(readdirSync(STEPS))('takes every line of the producer file %s', async (name) => {
    const file = join(STEPS, name);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
    expect(lines).toBeGreaterThan(10);
    expect(await insertedByDuckDb(file)).toEqual([...Array(lines).keys()]);
  });

  it('leaves to the JS path every record with a repeated or unknown key, however it is spelled', async () => {
    const lines = [
      stepLine(1),
      stepLine(2).replace(/}$/, ',"decision":"deny"}'), // a member twice
      stepLine(3).replace(/}$/, ',"\\u0064ecision":"deny"}'), // the same, spelled with an escape
      stepLine(4).replace(/}$/, ',"sig":"11"}'), // a member the SQL does not read, twice
      stepLine(5).replace(/}$/, ',"extra":1}'), // a key the format does not name
      stepLine(6, { scope: undefined, reason: undefined }), // members may be absent
      stepLine(7, { decision: 'null' }),
    ];
    const file = join(dir, 'keys.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(await insertedByDuckDb(file)).toEqual([0, 5, 6]);
  });

  it('leaves to the JS path every record whose length a value of the wrong type could make up', async () => {
    const lines = [
      stepLine(1),
      stepLine(2, { reason: '1.500' }), // rendered "1.5": as long as a string "1.5" in quotes
      stepLine(3, { actor: '1e5' }).replace(/}$/, ',"x":""}'), // "100000.0" pays for an unknown member
      stepLine(4, { sig: '1.500' }), // a member the columns do not read
      stepLine(5).replace(/}$/, ',}'), // a comma too many, which DuckDB's parser accepts
      stepLine(8, { reason: '"\\u00e9"' }).replace(/}$/, ', \t}'), // the same, with an escape and spaces
      stepLine(6).replace('"run_id"', '"RUN_ID"'), // keys are case-sensitive
      stepLine(7, { reason: 'null' }), // null is read as absent: the general check takes it
      // A key spelled with an escape hides its number from the type check, and the number renders
      // longer than its token ("100000.0" for 1e5): two escaped slashes make the length up exactly.
      `${stepLine(9, { actor: undefined, reason: '"policy\\/\\/ok"' }).slice(0, -1)},"\\u0061ctor":1e5}`,
    ];
    const file = join(dir, 'lengths.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(await insertedByDuckDb(file)).toEqual([0, 7]);
  });

  it("takes Python's json.dumps layout, with a space after every comma and colon", async () => {
    const lines = [
      pythonLayout(stepLine(1)),
      pythonLayout(stepLine(2, { actor: '"operator:zoë"' })),
      stepLine(3),
    ];
    const file = join(dir, 'python.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(await insertedByDuckDb(file)).toEqual([0, 1, 2]);
  });

  it("takes strings with escapes, as Python's json.dumps writes non-ASCII text, and reads them decoded", async () => {
    const lines = [
      stepLine(1, { reason: '"caf\\u00e9 \\"quoted\\" \\\\ back"' }),
      stepLine(2, { action: '"\\ud83d\\ude00 a:b"' }),
    ];
    const file = join(dir, 'escapes.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(await insertedByDuckDb(file)).toEqual([0, 1]);
    const rows = await db.objects(
      'SELECT reason, action FROM events WHERE archive_id = ? ORDER BY entry_index',
      [last],
    );
    expect(rows).toEqual([
      { reason: 'café "quoted" \\ back', action: 'crm.search' },
      { reason: 'policy_ok', action: '😀 a:b' },
    ]);
  });

  it('takes every RFC 3339 UTC time form, and reads the instant the JS reader reads', async () => {
    const times = [
      '2025-02-11T08:01:35Z',
      '2025-02-11T08:01:35.6Z',
      '2025-02-11T08:01:35.625+00:00',
      '2024-02-29T23:59:59.999999Z',
      '2025-02-11T08:01:35+00:00',
    ];
    const file = join(dir, 'times.jsonl');
    writeFileSync(file, `${times.map((t, i) => stepLine(i + 1, { timestamp: `"${t}"` })).join('\n')}\n`);
    expect(await insertedByDuckDb(file)).toEqual([0, 1, 2, 3, 4]);
    const rows = await db.objects(
      `SELECT strftime(ts, '%Y-%m-%dT%H:%M:%S.%fZ') AS ts FROM events WHERE archive_id = ? ORDER BY entry_index`,
      [last],
    );
    const expected = times.map(
      (t) => `${new Date(t).toISOString().slice(0, 19)}.${(t.match(/\.(\d+)/)?.[1] ?? '').padEnd(6, '0')}Z`,
    );
    expect(rows.map((r) => r.ts)).toEqual(expected);
  });

  it('takes the records of CRLF, BOM, blank-lined and gzip files, and leaves a last line with no newline and a line that is no object to the JS path', async () => {
    const lines = [stepLine(1), stepLine(2), stepLine(3)];
    const variants: [string, string | Buffer, number[]][] = [
      ['crlf.jsonl', `${lines.join('\r\n')}\r\n`, [0, 1, 2]],
      ['blank.jsonl', `\n${lines.join('\n\n \n')}\n\n`, [0, 1, 2]],
      ['garbage.jsonl', `${lines[0]}\n ${lines[1]}\n[]\n${lines[2]}\n`, [0, 3]],
      ['bom.jsonl', `\uFEFF${lines.join('\n')}\n`, [0, 1, 2]],
      ['unended.jsonl', lines.join('\n'), [0, 1]],
      ['all.jsonl.gz', gzipSync(`\uFEFF${lines.join('\r\n')}\r\n${stepLine(4)}`), [0, 1, 2]],
    ];
    for (const [name, text, taken] of variants) {
      const file = join(dir, name);
      writeFileSync(file, text);
      expect(await insertedByDuckDb(file), name).toEqual(taken);
    }
    const rows = await db.objects(
      'SELECT byte_offset, byte_length, record FROM events WHERE archive_id = ?',
      [last],
    );
    const text = `\uFEFF${lines.join('\r\n')}`;
    for (const r of rows)
      expect(
        Buffer.from(text)
          .subarray(Number(r.byte_offset), Number(r.byte_offset) + Number(r.byte_length))
          .toString(),
      ).toBe(r.record);
  });
});
