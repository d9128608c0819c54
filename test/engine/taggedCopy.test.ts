/**
 * The tagged copy DuckDB reads on the native import path (taggedCopy.ts): each line's own index,
 * byte offset and length in a fixed-width first member, the original text after it, and a refusal
 * for every file DuckDB's JSON reader would number differently or whose records could forge a tag.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NATIVE_MAX_LINE_BYTES,
  TAG,
  putDigits,
  writeTaggedCopy,
} from '../../electron/engine/import/native/taggedCopy';

const dir = mkdtempSync(join(tmpdir(), 'casefile-tagged-'));
let n = 0;

async function copyOf(text: string | Buffer): Promise<{ layout: unknown; lines: string[] }> {
  const src = join(dir, `in-${n}.jsonl`);
  const out = join(dir, `out-${n++}.jsonl`);
  writeFileSync(src, text);
  const layout = await writeTaggedCopy(src, out, () => undefined);
  const copied = readFileSync(out, 'utf8');
  return { layout, lines: copied === '' ? [] : copied.replace(/\n$/, '').split('\n') };
}

/** The tag's parts read back the way the SQL reads them (1-based positions). */
function untag(line: string): { index: number; offset: number; length: number; record: string } {
  const part = (p: { at: number; digits: number }): number =>
    Number(line.slice(p.at - 1, p.at - 1 + p.digits));
  return {
    index: part(TAG.index),
    offset: part(TAG.offset),
    length: part(TAG.length),
    record: `{${line.slice(TAG.rest - 1)}`,
  };
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
      expect(line.startsWith(TAG.open)).toBe(true);
      expect(t.index).toBe(i);
      expect(t.record).toBe(records[i]);
      expect(bytes.subarray(t.offset, t.offset + t.length).toString()).toBe(records[i]);
      expect(JSON.parse(line)).toMatchObject(JSON.parse(records[i] as string));
    });
  });

  it('leaves lines over the native limit out of the copy but counts them', async () => {
    const long = `{"r":"${'x'.repeat(NATIVE_MAX_LINE_BYTES)}"}`;
    const { layout, lines } = await copyOf(`{"a":1}\n${long}\n{"b":2}\n`);
    expect(layout).toEqual({ plain: true, lines: 3 });
    expect(lines.map((l) => untag(l).index)).toEqual([0, 2]);
    expect(untag(lines[1] as string).offset).toBe(8 + long.length + 1);
  });

  it.each([
    ['a CR', '{"a":1}\r\n'],
    ['a blank line', '{"a":1}\n\n{"b":2}\n'],
    ['a BOM', '\uFEFF{"a":1}\n'],
    ['a torn last line', '{"a":1}\n{"b":'],
    ['a non-object line', '{"a":1}\n[1]\n'],
    ['the tag key in a record', '{"a":1}\n{"x":{},"\\u0001":"000000000000:000000000000000:000000007"}\n'],
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

describe('putDigits', () => {
  it('writes zero-padded decimals across the eight-digit split, up to the widest offset', () => {
    const cases: [number, number][] = [
      [0, 9],
      [7, 12],
      [99_999_999, 12],
      [100_000_000, 12],
      [123_456_789_012_345, 15],
      [999_999_999_999_999, 15],
      [2 ** 53 - 1, 16],
    ];
    for (const [value, digits] of cases) {
      const out = Buffer.alloc(digits + 2, 0x2e);
      expect(putDigits(out, 1, value, digits)).toBe(digits + 1);
      expect(out.toString('latin1')).toBe(`.${String(value).padStart(digits, '0')}.`);
    }
  });
});
