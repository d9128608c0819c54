/**
 * The tagged copy DuckDB reads on the native import path (taggedCopy.ts): each line's own index,
 * byte offset and length in front, the record as the JS reader cuts it after them, lines DuckDB's
 * CSV reader could split differently left out, and a refusal for every file it would number
 * differently.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter, MAX_LINE_BYTES, type LineRecord } from '../../electron/engine/import/lines';
import { createLineTagger, TagResult } from '../../electron/engine/import/native/lineTagger';
import {
  NATIVE_MAX_LINE_BYTES,
  TAG_SEPARATOR,
  putDecimal,
  writeTaggedCopy,
} from '../../electron/engine/import/native/taggedCopy';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-tagged');
let n = 0;

async function copyOf(
  text: string | Buffer,
  gzip = false,
): Promise<{ layout: unknown; lines: string[]; bytesRead: number }> {
  const src = join(dir, `in-${n}.jsonl`);
  const out = join(dir, `out-${n++}.jsonl`);
  writeFileSync(src, gzip ? gzipSync(text) : text);
  let bytesRead = 0;
  const layout = await writeTaggedCopy(src, out, { gzip, onBytes: (b) => (bytesRead += b) });
  const copied = readFileSync(out, 'utf8');
  return { layout, lines: copied === '' ? [] : copied.replace(/\n$/, '').split('\n'), bytesRead };
}

/** The records the JS reader (lines.ts) cuts from `text`. */
function jsReaderRecords(text: string | Buffer): LineRecord[] {
  const records: LineRecord[] = [];
  const splitter = new LineSplitter((r) => records.push(r));
  splitter.push(Buffer.from(text));
  splitter.end();
  return records;
}

/**
 * Every line in the copy is the JS reader's record of that index, on its line, at its offset,
 * byte for byte; answers the indexes copied.
 */
function expectAsJsReader(text: string | Buffer, lines: string[]): number[] {
  const js = jsReaderRecords(text);
  return lines.map((line) => {
    const t = untag(line);
    const r = js[t.index] as LineRecord;
    expect({ line: t.index + t.blanks + 1, offset: t.offset, length: t.length, record: t.record }).toEqual({
      line: r.line,
      offset: r.byteOffset,
      length: r.bytes.length,
      record: Buffer.from(r.bytes).toString(),
    });
    return t.index;
  });
}

interface Tag {
  index: number;
  blanks: number;
  offset: number;
  length: number;
  /** The key scan's answer: 0 no match, 1 a match, 2 not scanned. */
  scanned: number;
  record: string;
}

/** The tag's parts read back the way DuckDB's CSV reader reads them: six fields. */
function untag(line: string): Tag {
  const fields = line.split(String.fromCharCode(TAG_SEPARATOR));
  expect(fields).toHaveLength(6);
  const [index, blanks, offset, length, scanned, record] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  for (const part of [index, blanks, offset, length]) expect(part).toMatch(/^(0|[1-9][0-9]*)$/);
  expect(scanned).toMatch(/^[012]$/);
  return {
    index: Number(index),
    blanks: Number(blanks),
    offset: Number(offset),
    length: Number(length),
    scanned: Number(scanned),
    record,
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
    const layout = await writeTaggedCopy(src, join(dir, 'short-copy'), { maxBytes: 600_000 });
    expect(layout).toEqual({ plain: false, why: 'the tagged copy outgrew its space' });
    const fits = await writeTaggedCopy(src, join(dir, 'short-copy'), { maxBytes: 5_000_000 });
    expect(fits).toEqual({ plain: true, lines: 100_000 });
  });

  it('copies CRLF records without the CR, as the JS reader cuts them', async () => {
    const text = '{"a":1}\r\n{"b":"\\r"}\r\n{"c":\r3}\r\n{"d":4}\n{"e":5}\r\n';
    const { layout, lines } = await copyOf(text);
    expect(layout).toEqual({ plain: true, lines: 5 });
    // An escaped CR is two plain bytes; a raw one other than the ending is left to the JS path.
    expect(lines.map((l) => untag(l).index)).toEqual([0, 1, 3, 4]);
    expectAsJsReader(text, lines);
  });

  it('skips a UTF-8 BOM, whose three bytes the offsets count', async () => {
    const text = '\uFEFF{"a":1}\n{"b":2}\n';
    const { layout, lines } = await copyOf(text);
    expect(layout).toEqual({ plain: true, lines: 2 });
    expect(lines.map((l) => untag(l).offset)).toEqual([3, 11]);
    expectAsJsReader(text, lines);
  });

  it.each([
    ['torn', '{"a":1}\n{"b":', 2],
    ['whole but unended', '{"a":1}\n{"b":2}', 2],
    ['blank', '{"a":1}\n \t\r', 1],
    ['BOM-only', '\uFEFF', 0],
  ])(
    'counts a %s last line with no newline as the JS reader does, and leaves it out',
    async (_w, text, records) => {
      const { layout, lines } = await copyOf(text);
      expect(jsReaderRecords(text)).toHaveLength(records);
      expect(layout).toEqual(
        records === 0 ? { plain: false, why: 'no records' } : { plain: true, lines: records },
      );
      expect(lines.map((l) => untag(l).index)).toEqual(records === 0 ? [] : [0]);
    },
  );

  it("reads a gzip file's text, with offsets into it, and counts the file's own bytes for progress", async () => {
    const text = `\uFEFF${Array.from({ length: 5000 }, (_, i) => `{"i":${i},"pad":"${'p'.repeat(i % 300)}"}`).join('\r\n')}\r\n`;
    const plain = await copyOf(text);
    const gzip = await copyOf(text, true);
    expect(gzip.layout).toEqual({ plain: true, lines: 5000 });
    expect(gzip.lines).toEqual(plain.lines);
    expect(gzip.bytesRead).toBe(gzipSync(text).length);
    expectAsJsReader(text, gzip.lines);
  });

  it('refuses a gzip stream that breaks, which the JS reader reads up to the break', async () => {
    const whole = gzipSync(Buffer.from('{"a":1}\n'.repeat(50_000)));
    const src = join(dir, 'cut.jsonl.gz');
    writeFileSync(src, whole.subarray(0, whole.length >> 1));
    const layout = await writeTaggedCopy(src, join(dir, 'cut-copy'), { gzip: true });
    expect(layout).toEqual({ plain: false, why: 'the gzip stream breaks' });
  });

  it('counts blank lines, which the JS reader numbers but does not emit, and tags each record with its line', async () => {
    const text = '\n{"a":1}\r\n\r\n \t\n{"b":2}\n\r\r\n{"c":3}\n';
    const { layout, lines } = await copyOf(text);
    expect(layout).toEqual({ plain: true, lines: 3 });
    expect(lines.map((l) => untag(l).blanks)).toEqual([1, 3, 4]);
    expect(expectAsJsReader(text, lines)).toEqual([0, 1, 2]);
  });

  it('leaves to the JS path a line that is not a bare object, or not UTF-8, and copies the rest', async () => {
    const text = Buffer.concat([
      Buffer.from('{"a":1}\n[1]\n {"b":2}\n{"c":3} \nnot json\n'),
      Buffer.from([0x7b, 0x22, 0x64, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d, 0x0a]), // {"d":"\xff"}
      Buffer.from('{"e":"é"}\n{\n}\n'),
    ]);
    const { layout, lines } = await copyOf(text);
    expect(layout).toEqual({ plain: true, lines: 9 });
    expect(expectAsJsReader(text, lines)).toEqual([0, 6]);
  });

  it.each([
    ['only blank lines', '\n \n\r\n'],
    ['no records', ''],
  ])('refuses a file with %s', async (_what, text) => {
    const { layout } = await copyOf(text);
    expect(layout).toEqual({ plain: false, why: 'no records' });
  });

  it("refuses a line over the JS reader's own limit, which it cuts to a head", async () => {
    const src = join(dir, 'huge.jsonl');
    writeFileSync(src, `{"a":1}\n{"r":"${'x'.repeat(MAX_LINE_BYTES)}"}\n`);
    const layout = await writeTaggedCopy(src, join(dir, 'huge-copy'));
    expect(layout).toEqual({ plain: false, why: 'a line is longer than the line limit' });
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

/** Both ways of tagging `text`: the WebAssembly tagger's, and the JS loop's (the reference). */
async function bothWays(text: Buffer): Promise<{ wasm: unknown; js: unknown }> {
  const src = join(dir, `both-${n}.jsonl`);
  writeFileSync(src, text);
  const copy = async (reference: boolean): Promise<unknown> => {
    const out = join(dir, `both-${n++}-${reference ? 'js' : 'wasm'}.jsonl`);
    const layout = await writeTaggedCopy(src, out, { reference });
    return { layout, copy: readFileSync(out).toString('latin1') };
  };
  return { wasm: await copy(false), js: await copy(true) };
}

describe('the WebAssembly tagger (wasm/tagLines.ts)', () => {
  // Lines made of the bytes the loop decides on: braces, ends, blanks, CR, U+0001, a BOM, and
  // bytes that are not UTF-8 (a chunk holding one goes to the JS loop whole).
  const piece = fc.constantFrom('{', '}', '"a":1', ' ', '\t', '\r', '\u0001', '\\', 'é', '✓');
  const line = fc.oneof(
    { weight: 4, arbitrary: fc.array(piece, { maxLength: 8 }).map((p) => `{${p.join('')}}`) },
    { weight: 2, arbitrary: fc.array(piece, { maxLength: 8 }).map((p) => p.join('')) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t \r', '\r') },
  );
  const file = fc
    .tuple(
      fc.boolean(),
      fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n')), { maxLength: 30 }),
      fc.oneof(fc.constant(''), line),
      fc.boolean(),
    )
    .map(([bom, lines, last, broken]) => {
      const text = Buffer.from(`${bom ? '\uFEFF' : ''}${lines.map(([l, end]) => l + end).join('')}${last}`);
      return broken ? Buffer.concat([text, Buffer.from([0xff, 0x0a])]) : text;
    });

  it('writes the same copy, and decides the same, as the JS loop on random files', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (text) => {
        const { wasm, js } = await bothWays(text);
        expect(wasm).toEqual(js);
      }),
      { numRuns: 300 },
    );
  });

  it('writes the same copy when a chunk tags into more than its output buffer holds', async () => {
    // 3M two-byte records: their tags make a chunk's copy several times the chunk.
    const { wasm, js } = await bothWays(Buffer.from('{}\n'.repeat(3_000_000)));
    expect(wasm).toEqual(js);
    expect((wasm as { layout: unknown }).layout).toEqual({ plain: true, lines: 3_000_000 });
  });

  it('leaves out a line over the native limit, and stops at one over the line limit', () => {
    const tagger = createLineTagger(1024, 4096, { maxLineBytes: 12, nativeMaxLineBytes: 8 });
    const text = '{"a":1}\n{"bb":22}\n{"c":3}\n{"dddddd":44}\n';
    tagger.input.write(text);
    const run = tagger.tag(0, text.length, 0, 0);
    expect(run.result).toBe(TagResult.LineTooLong);
    expect(run.stoppedAt).toBe(text.indexOf('{"dddddd"'));
    const sep = String.fromCharCode(TAG_SEPARATOR);
    // The 9-byte line is counted but not copied; the 13-byte one stops the pass.
    expect(tagger.outputs[0].toString('latin1', 0, run.written)).toBe(
      `0${sep}0${sep}0${sep}7${sep}2${sep}{"a":1}\n2${sep}0${sep}18${sep}7${sep}2${sep}{"c":3}\n`,
    );
    expect(tagger.lines).toBe(3);
  });

  it('writes counts and offsets up to 2^53 in decimal', () => {
    const tagger = createLineTagger(1024, 4096, { maxLineBytes: 100, nativeMaxLineBytes: 100 });
    tagger.input.write('{"a":1}\n');
    tagger.lines = 2 ** 53 - 1;
    tagger.blanks = 10 ** 15;
    const run = tagger.tag(0, 8, 0, 2 ** 53 - 8);
    expect(run.result).toBe(TagResult.Done);
    const sep = String.fromCharCode(TAG_SEPARATOR);
    expect(tagger.outputs[0].toString('latin1', 0, run.written)).toBe(
      [String(2 ** 53 - 1), String(10 ** 15), String(2 ** 53 - 8), '7', '2', '{"a":1}\n'].join(sep),
    );
    expect(tagger.lines).toBe(2 ** 53);
  });
});
