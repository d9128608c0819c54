/**
 * How the importer reads a text archive's shape and records where the easy reading would be
 * wrong: a first record longer than the sniffing head, a file holding one object, a document
 * that is not UTF-8, and one too large to read whole.
 */
import { createWriteStream, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sniffFile } from '../../electron/engine/import/sniff';
import { jsonlRecords, MAX_DOCUMENT_BYTES, readJsonDocument } from '../../electron/engine/import/textRecords';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-shapes');
const gantz = readFileSync('test/fixtures/gantz/audit.jsonl', 'utf8').split('\n');
/** A gantz record made longer than the 64 KiB head by a long string in its parameters. */
const longRecord = (gantz[0] ?? '').replace(
  '"parameters": {',
  `"parameters": {"blob": "${'x'.repeat(200_000)}", `,
);

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('sniffing a text archive', () => {
  it('reads JSON Lines whose first record is longer than the head', async () => {
    const text = `${longRecord}\n${gantz[1]}\n`;
    expect(await sniffFile(file('long-first.jsonl', text))).toEqual({
      kind: 'text',
      gzip: false,
      shape: 'jsonl',
    });
    expect(await sniffFile(file('long-first.jsonl.gz', gzipSync(text)))).toEqual({
      kind: 'text',
      gzip: true,
      shape: 'jsonl',
    });
  });

  it('skips blank lines and a BOM around the long first record', async () => {
    const text = `\uFEFF\n${longRecord}\r\n\r\n\n  ${gantz[1]}\n`;
    expect(await sniffFile(file('long-first-blank.jsonl', text))).toMatchObject({ shape: 'jsonl' });
  });

  it('keeps a long single-line document a JSON document', async () => {
    expect(await sniffFile(file('long-one.json', `${longRecord}\n`))).toMatchObject({
      shape: 'json-document',
    });
    const compactExport = JSON.stringify({
      exported_at: 'x',
      entries: Array(400).fill({ blob: 'y'.repeat(200) }),
    });
    expect(await sniffFile(file('compact-export.json', compactExport))).toMatchObject({
      shape: 'json-document',
    });
  });

  it('keeps a long first line followed by something other than a record a JSON document', async () => {
    const text = `${longRecord.slice(0, -1)},\n"entries": []}\n`;
    expect(await sniffFile(file('long-then-member.json', text))).toMatchObject({ shape: 'json-document' });
  });
});

describe('a file holding one object', () => {
  it('makes a record of exactly the object, with the line and byte offset where it starts', async () => {
    const object = gantz[2] ?? '';
    const path = file('one.json', `\uFEFF\r\n\n  ${object}\r\n\n`);
    const read = await readJsonDocument(path, false);
    if (!read.ok) throw new Error(read.message);
    const [record] = read.doc.records;
    expect(read.doc.container).toBe('.');
    expect(Buffer.from(record?.bytes ?? []).toString('utf8')).toBe(object);
    expect(record).toMatchObject({ entryIndex: 0, line: 3, byteOffset: 3 + 2 + 1 + 2 });
  });
});

describe('a JSON document that is not UTF-8', () => {
  it('keeps the exact bytes of each element, and the offsets after a bad one stay the file offsets', async () => {
    const lines = readFileSync('test/fixtures/runtime-steps/cloudevents/tnt_ember.jsonl')
      .toString('utf8')
      .split('\n');
    const [a, b, c] = lines.map((l) => Buffer.from(l, 'utf8'));
    const bad = Buffer.concat([
      Buffer.from(b ?? []).subarray(0, 40),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(b ?? []).subarray(40),
    ]);
    const bytes = Buffer.concat([
      Buffer.from('[\n'),
      a ?? Buffer.alloc(0),
      Buffer.from(',\n'),
      bad,
      Buffer.from(',\n'),
      c ?? Buffer.alloc(0),
      Buffer.from('\n]\n'),
    ]);
    const read = await readJsonDocument(file('not-utf8.json', bytes), false);
    if (!read.ok) throw new Error(read.message);
    const records = read.doc.records;
    expect(
      records.map((r) =>
        Buffer.from(r.bytes).equals(bytes.subarray(r.byteOffset, r.byteOffset + r.bytes.length)),
      ),
    ).toEqual([true, true, true]);
    expect(Buffer.from(records[1]?.bytes ?? []).equals(bad)).toBe(true);
    expect(records[2]?.byteOffset).toBe(bytes.indexOf(c ?? Buffer.alloc(0)));
    expect(records.map((r) => r.line)).toEqual([2, 3, 4]);
  });
});

describe('a JSON document too large to read whole', () => {
  it('is refused with the size and what to do, before it is read', async () => {
    const path = file('huge.json', '[{"a": 1},\n');
    truncateSync(path, MAX_DOCUMENT_BYTES + 1); // sparse: no disk is used
    const read = await readJsonDocument(path, false);
    expect(read).toMatchObject({
      ok: false,
      message: expect.stringMatching(/more than the \d+ bytes .* JSON Lines/),
    });
  });

  it('is refused when it only grows too large as it is decompressed', async () => {
    const path = join(dir, 'huge.json.gz');
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const chunks = Math.ceil(MAX_DOCUMENT_BYTES / chunk.length) + 1;
    const source = Readable.from(
      (function* () {
        yield Buffer.from('[');
        for (let i = 0; i < chunks; i++) yield chunk;
        yield Buffer.from(']');
      })(),
    );
    await pipeline(source, createGzip({ level: 1 }), createWriteStream(path));
    const read = await readJsonDocument(path, true);
    expect(read).toMatchObject({ ok: false, message: expect.stringMatching(/larger decompressed/) });
  });
});

describe('a gzip stream that breaks', () => {
  const text = `${gantz.slice(0, 50).join('\n')}\n`;
  const whole = gzipSync(text);
  const cut = whole.subarray(0, Math.floor(whole.length * 0.6));

  it('gives the JSON Lines before the break, then the cut line as a torn last line, and says so', async () => {
    const notes: string[] = [];
    const records = [];
    for await (const batch of jsonlRecords(file('cut.jsonl.gz', cut), true, { onNote: (n) => notes.push(n) }))
      records.push(...batch);
    expect(records.length).toBeGreaterThan(5);
    expect(records.length).toBeLessThan(50);
    const last = records.at(-1);
    expect(last?.unterminated).toBe(true);
    for (const r of records.slice(0, -1))
      expect(Buffer.from(r.bytes).toString('utf8')).toBe(gantz[r.entryIndex]);
    expect(notes).toEqual([
      expect.stringMatching(
        /^gzip: the compressed stream breaks after \d+ decompressed bytes \(unexpected end of file\)/,
      ),
    ]);
  });

  it('gives a JSON document what came before the break, with a note', async () => {
    const doc = `[\n${gantz.slice(0, 50).join(',\n')}\n]\n`;
    const gz = gzipSync(doc);
    const read = await readJsonDocument(
      file('cut.json.gz', gz.subarray(0, Math.floor(gz.length * 0.6))),
      true,
    );
    if (!read.ok) throw new Error(read.message);
    expect(read.doc.records.length).toBeGreaterThan(5);
    expect(read.doc.records.at(-1)?.problem?.reason).toMatch(/the document breaks here/);
    expect(read.doc.notes).toEqual([expect.stringMatching(/^gzip: the compressed stream breaks/)]);
  });
});
