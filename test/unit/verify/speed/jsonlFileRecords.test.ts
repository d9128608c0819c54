/** The re-iterable JSONL reader gives the records the in-memory split gives, on every iteration. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonlFileRecords } from '../../../../electron/engine/verify/jsonlFileRecords';
import { buildLinkFacts } from '../../../../shared/verify/run/links';
import type { VerifyRecord } from '../../../../shared/verify/profile';
import { jsonlRecords } from '../helpers';
import { scratchDir } from '../../../helpers/scratchDir';

const FILES = [
  'test/fixtures/runtime-steps/steps/tnt_ember.jsonl',
  'test/fixtures/runtime-steps/tampered/tnt_ember.torn-line.jsonl',
  'test/fixtures/meshguard/audit/2024-03-16.jsonl',
];

describe('jsonlFileRecords', () => {
  const dir = scratchDir('cf-jsonl');

  it.each(FILES)('reads %s like the in-memory split, twice', (path) => {
    const expected = jsonlRecords(readFileSync(path, 'utf8'));
    const records = jsonlFileRecords(path);
    expect([...records]).toEqual(expected);
    expect([...records]).toEqual(expected);
  });

  it('handles a BOM, CRLF, blank lines, a torn last line and lines across 4 MiB chunks', () => {
    const path = join(dir, 'big.jsonl');
    const long = `{"pad":"${'x'.repeat(3 * 1024 * 1024)}"}`;
    writeFileSync(path, `\uFEFF{"a":1}\r\n\n  \n${long}\n${long}\n{"é":"ü"}\n{"torn":`);
    const got = [...jsonlFileRecords(path)];
    expect(got.map((r) => [r.entryIndex, r.line])).toEqual([
      [0, 1],
      [1, 4],
      [2, 5],
      [3, 6],
      [4, 7],
    ]);
    expect(got[0]?.text).toBe('{"a":1}');
    expect(got[2]?.text).toBe(long);
    expect(got[3]?.text).toBe('{"é":"ü"}');
    expect(got[4]?.text).toBe('{"torn":');
  });

  it('lets the diagnosis re-read the records; a consumed generator still gives no link facts', () => {
    const path = 'test/fixtures/runtime-steps/tampered/tnt_ember.delete-event.jsonl';
    const records = jsonlFileRecords(path);
    for (const r of records) expect(r.text).toBeDefined();
    const facts = buildLinkFacts({ path, container: 'jsonl', records });
    const first = [...records][0] as VerifyRecord;
    const own = (JSON.parse(first.text ?? '{}') as { hash: string }).hash;
    expect(facts?.ownAt(0)).toBe(own);
    const once = (function* () {
      yield* jsonlFileRecords(path);
    })();
    expect(buildLinkFacts({ path, container: 'jsonl', records: once })).toBeNull();
  });
});
