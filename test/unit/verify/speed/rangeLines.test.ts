/** Byte ranges cut at line ends read exactly the records the whole-file reader reads, in either mode. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonlFileRecords } from '../../../../electron/engine/verify/jsonlFileRecords';
import { lineRanges } from '../../../../electron/engine/verify/precheckSteps';
import { forEachRangeLine } from '../../../../electron/engine/verify/rangeLines';
import type { VerifyRecord } from '../../../../shared/verify/profile';
import { scratchDir } from '../../../helpers/scratchDir';

/** Every record of the file read range by range, positions shifted as linkStretches.ts shifts them. */
function byRanges(
  path: string,
  rangeBytes: number,
  sizes: { piece: number; wholeRange: number },
): VerifyRecord[] {
  const out: VerifyRecord[] = [];
  let lines = 0;
  for (const [start, end] of lineRanges(path, readFileSync(path).length, rangeBytes)) {
    const entries = out.length;
    lines += forEachRangeLine(
      path,
      start,
      end,
      (text, entryIndex, line) => out.push({ entryIndex: entries + entryIndex, line: lines + line, text }),
      sizes,
    );
  }
  return out;
}

/** Lines with BOMs, CRLF, blanks, broken UTF-8 on both sides of `\n`, non-ASCII, and a torn end. */
function oddFile(): string {
  const dir = scratchDir('cf-ranges');
  const path = join(dir, 'odd.jsonl');
  const parts: Buffer[] = [Buffer.from('\uFEFF{"a":1}\r\n\n \t\r\n\uFEFF{"b":2}\n\uFEFF\n')];
  for (let i = 0; i < 300; i++) {
    parts.push(Buffer.from(`{"i":${i},"s":"${'x'.repeat(i % 97)}é😀"}\n`));
    if (i % 17 === 0)
      parts.push(Buffer.from([0x7b, 0xe2, 0x82, 0x0a, 0xed, 0xa0, 0x80, 0x0d, 0x0a, 0xf0, 0x9f, 0x0a]));
    if (i % 29 === 0) parts.push(Buffer.from('\r\n  \n'));
  }
  parts.push(Buffer.from('{"torn":'));
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

describe('forEachRangeLine', () => {
  const files = [oddFile(), 'test/fixtures/runtime-steps/tampered/tnt_ember.torn-line.jsonl'];

  it.each(files)('reads %s as jsonlFileRecords does, whatever the range and piece sizes', (path) => {
    const expected = [...jsonlFileRecords(path)];
    for (const rangeBytes of [1, 64, 999, 1 << 20])
      for (const sizes of [
        { piece: 1, wholeRange: 1 << 20 },
        { piece: 100, wholeRange: 1 << 20 },
        { piece: 1 << 19, wholeRange: 1 << 20 },
        { piece: 1 << 19, wholeRange: 0 },
      ])
        expect(byRanges(path, rangeBytes, sizes)).toEqual(expected);
  });

  it('counts physical lines, a torn last one included', () => {
    const path = files[0] ?? '';
    const size = readFileSync(path).length;
    const newlines = readFileSync(path).filter((b) => b === 0x0a).length;
    expect(forEachRangeLine(path, 0, size, () => undefined)).toBe(newlines + 1);
  });
});
