import { describe, expect, it } from 'vitest';
import { createIngest } from '../../electron/engine/import/ingestAdapter';
import {
  MAX_EVENT_RECORD_BYTES,
  normalizeBatch,
  packRecords,
  unpackRecords,
} from '../../electron/engine/import/normalizeBatch';
import type { RawRecord } from '../../electron/engine/import/textRecords';

const enc = new TextEncoder();
const LINE =
  '{"run_id":"run_00000000000000000001","step_id":1,"tenant_id":"t","action":"a","action_key":"0000000000000000","timestamp":"2025-01-02T03:04:05.678Z","phase":"pre_exec","decision":"allow","reason":"policy_ok","actor":"agent:x","scope":"user","args_hash":"' +
  '0'.repeat(64) +
  '","prev":"' +
  '0'.repeat(64) +
  '","hash":"' +
  '1'.repeat(64) +
  '","sig":"' +
  '2'.repeat(64) +
  '"}';

function rec(entryIndex: number, text: string | Uint8Array, extra: Partial<RawRecord> = {}): RawRecord {
  return {
    entryIndex,
    line: entryIndex + 1,
    byteOffset: entryIndex * 10,
    bytes: typeof text === 'string' ? enc.encode(text) : text,
    unterminated: false,
    ...extra,
  };
}

describe('normalizeBatch', () => {
  it('turns records into staging rows or rejects, keeping order and provenance', () => {
    const records = [rec(0, LINE), rec(1, '{"broken": '), rec(2, Uint8Array.of(0xff, 0xfe)), rec(3, LINE)];
    const result = normalizeBatch({ producer: 'runtime-steps', archiveId: 'arch', records }, createIngest());
    expect(result.events).toBe(2);
    const rows = result.rows
      .trim()
      .split('\n')
      .map((r) => JSON.parse(r) as { e: number; l: number; t: string });
    // The record travels as base64 of its exact bytes.
    expect(rows.map((r) => [r.e, r.l, Buffer.from(r.t, 'base64').toString('utf8')])).toEqual([
      [0, 1, LINE],
      [3, 4, LINE],
    ]);
    expect(result.rejects.map((r) => [r.index, r.reason])).toEqual([
      [1, expect.stringMatching(/unterminated|end of input/)],
      [2, 'not valid UTF-8'],
    ]);
  });

  it('keeps an oversized record whole in quarantine instead of failing the import', () => {
    const huge = rec(0, new Uint8Array(MAX_EVENT_RECORD_BYTES + 1).fill(0x20));
    const result = normalizeBatch(
      { producer: 'runtime-steps', archiveId: 'arch', records: [huge] },
      createIngest(),
    );
    expect(result.events).toBe(0);
    expect(result.rejects[0]?.reason).toMatch(/larger than/);
  });

  it('packs and unpacks a batch for a worker without changing a byte', () => {
    const records = [
      rec(0, LINE),
      rec(1, 'é'),
      rec(2, '{"torn":', { unterminated: true, problem: { reason: 'x', field: null } }),
    ];
    const back = unpackRecords(packRecords(records));
    expect(
      back.map((r) => [r.entryIndex, r.line, r.byteOffset, [...r.bytes], r.unterminated, r.problem ?? null]),
    ).toEqual(
      records.map((r) => [
        r.entryIndex,
        r.line,
        r.byteOffset,
        [...r.bytes],
        r.unterminated,
        r.problem ?? null,
      ]),
    );
  });
});
