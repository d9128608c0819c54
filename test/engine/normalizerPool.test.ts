/**
 * The import's worker pool (normalizerPool.ts) on the real bundled worker: it starts its workers
 * only when the first batch comes (a file DuckDB imports whole needs none), and the workers give
 * exactly what normalizeBatch gives on the calling thread.
 */
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIngest } from '../../electron/engine/import/ingestAdapter';
import { normalizeBatch } from '../../electron/engine/import/normalizeBatch';
import { NormalizerPool } from '../../electron/engine/import/normalizerPool';
import type { RawRecord } from '../../electron/engine/import/textRecords';
import { bundleEntry } from '../helpers/bundle';
import { stepLine } from '../helpers/runtimeStepLine';

function records(): RawRecord[] {
  const lines = [stepLine(1), '{"torn": ', stepLine(2, { actor: '{"x":1}' })];
  return lines.map((text, i) => ({
    entryIndex: i,
    line: i + 1,
    byteOffset: i * 100,
    bytes: new TextEncoder().encode(text),
    unterminated: false,
  }));
}

describe('NormalizerPool', () => {
  it('starts its workers on the first batch, and they normalize as the calling thread does', async () => {
    const workerFile = resolve(dirname(await bundleEntry('engine')), 'importWorker.mjs');
    const ingest = createIngest();
    const pool = NormalizerPool.create(ingest, workerFile, 2);
    try {
      expect(pool.threads).toBe(2);
      expect(pool.running).toBe(0);
      const job = { producer: 'runtime-steps', archiveId: 'arch', records: records() };
      const inWorker = await pool.run(job);
      expect(pool.running).toBe(2);
      expect(inWorker).toEqual(normalizeBatch({ ...job, records: records() }, ingest));
      expect(inWorker.events).toBe(2);
    } finally {
      await pool.close();
    }
    expect(pool.running).toBe(0);
  }, 60_000);
});
