import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter, MAX_LINE_BYTES, type LineRecord } from '../../electron/engine/import/lines';

const enc = new TextEncoder();
const dec = new TextDecoder();

function split(chunks: Uint8Array[]): LineRecord[] {
  const out: LineRecord[] = [];
  const s = new LineSplitter((r) => out.push(r));
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

function summary(records: LineRecord[]): [number, number, number, string, boolean][] {
  return records.map((r) => [r.entryIndex, r.line, r.byteOffset, dec.decode(r.bytes), r.unterminated]);
}

describe('LineSplitter', () => {
  it('keeps line numbers, offsets, CRLF, BOM, blank lines and a torn last line', () => {
    const text = '\uFEFF{"a":1}\r\n\n  \n{"b":"é"}\n{"torn":';
    expect(summary(split([enc.encode(text)]))).toEqual([
      [0, 1, 3, '{"a":1}', false],
      [1, 4, 16, '{"b":"é"}', false],
      [2, 5, 27, '{"torn":', true],
    ]);
  });

  it('emits only the records `keep` picks, numbered as if all were emitted', () => {
    const text = '\uFEFF{"a":1}\r\n\n  \n{"b":"é"}\n{"c":3}\n{"torn":';
    const all = split([enc.encode(text)]);
    const picked: LineRecord[] = [];
    const s = new LineSplitter(
      (r) => picked.push(r),
      (entryIndex) => entryIndex % 2 === 1,
    );
    s.push(enc.encode(text));
    s.end();
    expect(summary(picked)).toEqual(summary(all.filter((r) => r.entryIndex % 2 === 1)));
    expect(picked).toHaveLength(2);
  });

  it('gives the same records however the bytes are chunked', () => {
    const text = '{"x":1}\n\n{"y":"ü🎉"}\r\n{"z":[1,2]}\n{"w"';
    const whole = summary(split([enc.encode(text)]));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 40 }), (sizes) => {
        const bytes = enc.encode(text);
        const chunks: Uint8Array[] = [];
        let pos = 0;
        for (const n of sizes) {
          if (pos >= bytes.length) break;
          chunks.push(bytes.subarray(pos, pos + n));
          pos += n;
        }
        if (pos < bytes.length) chunks.push(bytes.subarray(pos));
        expect(summary(split(chunks))).toEqual(whole);
      }),
    );
  });

  it('emits nothing for an empty or blank stream', () => {
    expect(split([])).toEqual([]);
    expect(split([enc.encode('\n\r\n  \n')])).toEqual([]);
  });
});

describe('LineSplitter on a hostile oversized line', () => {
  it('keeps the head of a line beyond the limit with a reason, and carries on with the next line', () => {
    const out: LineRecord[] = [];
    const s = new LineSplitter((r) => out.push(r));
    const chunk = new Uint8Array(8 * 1024 * 1024).fill(0x78);
    const chunks = Math.ceil((MAX_LINE_BYTES + 1) / chunk.length);
    for (let i = 0; i < chunks; i++) s.push(chunk);
    s.push(enc.encode('\n{"next":1}\n'));
    s.end();
    expect(out).toHaveLength(2);
    expect(out[0]?.fullLength).toBe(chunks * chunk.length);
    expect(out[0]?.bytes.length).toBe(1024 * 1024);
    expect(out[0]?.problem?.reason).toMatch(/longer than/);
    expect(summary(out.slice(1))).toEqual([[1, 2, chunks * chunk.length + 1, '{"next":1}', false]]);
  });
});
