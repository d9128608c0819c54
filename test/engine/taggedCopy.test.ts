/**
 * The tagged copy DuckDB reads on the native import path (taggedCopy.ts): each line's own index,
 * byte offset and length in front, the original text after them, lines DuckDB's CSV reader
 * could split differently left out, and a refusal for every file it would number differently.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NATIVE_MAX_LINE_BYTES,
  TAG_SEPARATOR,
  putDecimal,
  writeTaggedCopy,
} from '../../electron/engine/import/native/taggedCopy';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-tagged');
let n = 0;

async function copyOf(text: string | Buffer): Promise<{ layout: unknown; lines: string[] }> {
  const src = join(dir, `in-${n}.jsonl`);
  const out = join(dir, `out-${n++}.jsonl`);
  writeFileSync(src, text);
  const layout = await writeTaggedCopy(src, out, () => undefined);
  const copied = readFileSync(out, 'utf8');
  return { layout, lines: copied === '' ? [] : copied.replace(/\n$/, '').split('\n') };
}

/** The tag's parts read back the way DuckDB's CSV reader reads them: four fields. */
function untag(line: string): { index: number; offset: number; length: number; record: string } {
  const fields = line.split(String.fromCharCode(TAG_SEPARATOR));
  expect(fields).toHaveLength(4);
  const [index, offset, length, record] = fields as [string, string, string, string];
  for (const part of [index, offset, length]) expect(part).toMatch(/^(0|[1-9][0-9]*)$/);
  return { index: Number(index), offset: Number(offset), length: Number(length), record };
}

describe('writeTaggedCopy', () => {
  it('tags every line with its index, byte offset and length, and keeps its text', async () => {
    const records = ['{"a":1}', '{"é":"ü ✓","b":[1,2]}', '{"c":{"d":null}}'];
    const text = `${records.join('\n')}\n`;
    const { layout, lines } = await copyOf(text);
    expect(layout).toEqual({ plain: true, lines: 3 });
    const bytes = Buffer.from(text);
    lines.forEach((line, i) => {
      const t = untag(line);
      expect(t.index).toBe(i);
      expect(t.record).toBe(records[i]);
      expect(bytes.subarray(t.offset, t.offset + t.length).toString()).toBe(records[i]);
    });
  });

  it('leaves out lines holding a U+0001 or a CR byte, which the CSV reader would split', async () => {
    const text = '{"a":1}\n{"b":"\u0001"}\n{"c":\r1}\n{"d":4}\n{"e":"x\u0001\ry"}\n{"f":6}\n';
    const { layout, lines } = await copyOf(text);
    expect(layout).toEqual({ plain: true, lines: 6 });
    expect(lines.map((l) => untag(l).index)).toEqual([0, 3, 5]);
    expect(lines.map((l) => untag(l).record)).toEqual(['{"a":1}', '{"d":4}', '{"f":6}']);
  });

  it('leaves lines over the native limit out of the copy but counts them', async () => {
    const long = `{"r":"${'x'.repeat(NATIVE_MAX_LINE_BYTES)}"}`;
    const { layout, lines } = await copyOf(`{"a":1}\n${long}\n{"b":2}\n`);
    expect(layout).toEqual({ plain: true, lines: 3 });
    expect(lines.map((l) => untag(l).index)).toEqual([0, 2]);
    expect(untag(lines[1] as string).offset).toBe(8 + long.length + 1);
  });

  it('gives up, and says why, when the copy would outgrow the space it was given', async () => {
    const src = join(dir, 'short-lines.jsonl');
    writeFileSync(src, '{}\n'.repeat(100_000));
    const layout = await writeTaggedCopy(src, join(dir, 'short-copy'), () => undefined, undefined, 600_000);
    expect(layout).toEqual({ plain: false, why: 'the tagged copy outgrew its space' });
    const fits = await writeTaggedCopy(src, join(dir, 'short-copy'), () => undefined, undefined, 5_000_000);
    expect(fits).toEqual({ plain: true, lines: 100_000 });
  });

  it.each([
    ['a CR', '{"a":1}\r\n'],
    ['a blank line', '{"a":1}\n\n{"b":2}\n'],
    ['a BOM', '\uFEFF{"a":1}\n'],
    ['a torn last line', '{"a":1}\n{"b":'],
    ['a non-object line', '{"a":1}\n[1]\n'],
    ['no records', ''],
  ])('refuses a file with %s', async (_what, text) => {
    const { layout } = await copyOf(text);
    expect(layout).toMatchObject({ plain: false });
  });

  it('refuses invalid UTF-8', async () => {
    const { layout } = await copyOf(
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d, 0x0a]),
    );
    expect(layout).toEqual({ plain: false, why: 'not valid UTF-8 throughout' });
  });
});

describe('putDecimal', () => {
  it('writes decimals across the eight-digit split and at every width, up to 2^53', () => {
    const values = [0, 7, 9, 10, 99_999_999, 100_000_000, 123_456_789_012_345, 10 ** 15, 2 ** 53];
    for (let p = 0; p <= 15; p++) values.push(10 ** p - 1, 10 ** p);
    for (const value of values) {
      const out = Buffer.alloc(20, 0x2e);
      const text = String(value);
      expect(putDecimal(out, 1, value)).toBe(text.length + 1);
      expect(out.toString('latin1', 0, text.length + 2)).toBe(`.${text}.`);
    }
  });
});
