/**
 * JSONL records read from disk each time they are iterated: 4 MiB chunks with fs.readSync, split
 * by the import's LineSplitter (BOM, CRLF, blank lines, torn last line), so no file is held in
 * memory and a profile or the diagnosis (run/links.ts) may iterate again (issue #4, "Speed").
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { VerifyRecord } from '../../../shared/verify/profile';
import { LineSplitter, type LineRecord } from '../import/lines';

const CHUNK = 4 * 1024 * 1024;
const EMPTY: LineRecord = {
  entryIndex: 0,
  line: 0,
  byteOffset: 0,
  bytes: new Uint8Array(0),
  unterminated: false,
};

function* readRecords(path: string): Generator<VerifyRecord> {
  const decoder = new TextDecoder('utf-8');
  // Bytes wait here, text is decoded one record at a time: a whole chunk's texts alive at once
  // would outlive the young generation and fill the old one with garbage (peak RSS).
  let ready: LineRecord[] = [];
  const splitter = new LineSplitter((r) => ready.push(r));
  const record = (r: LineRecord): VerifyRecord => ({
    entryIndex: r.entryIndex,
    line: r.line,
    text: decoder.decode(r.bytes),
  });
  const fd = openSync(path, 'r');
  try {
    // The splitter copies each record's bytes, so one buffer serves every chunk.
    const chunk = new Uint8Array(CHUNK);
    for (let n = readSync(fd, chunk, 0, CHUNK, null); n > 0; n = readSync(fd, chunk, 0, CHUNK, null)) {
      splitter.push(chunk.subarray(0, n));
      const batch = ready;
      ready = [];
      for (let i = 0; i < batch.length; i++) {
        yield record(batch[i] as LineRecord);
        batch[i] = EMPTY;
      }
    }
    splitter.end();
    for (const r of ready) yield record(r);
  } finally {
    closeSync(fd);
  }
}

/** An uncompressed JSONL file's records, re-read from disk on each iteration. */
export function jsonlFileRecords(path: string): Iterable<VerifyRecord> {
  return { [Symbol.iterator]: () => readRecords(path) };
}
