/**
 * How the importer reads a text archive's shape and records when the first bytes do not tell:
 * a first record longer than the sniffing head, and a file holding one object.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sniffFile } from '../../electron/engine/import/sniff';
import { readJsonDocument } from '../../electron/engine/import/textRecords';

const dir = mkdtempSync(join(tmpdir(), 'casefile-shapes-'));
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
