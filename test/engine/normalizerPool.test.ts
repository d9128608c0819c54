/**
 * The import's worker pool (normalizerPool.ts) on the real bundled worker: it starts its workers
 * only when the first batch comes (a file DuckDB imports whole needs none), the workers give
 * exactly what normalizeBatch gives on the calling thread, and a batch whose worker runs out of its
 * capped heap is normalized on the calling thread instead of being lost.
 */
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIngest } from '../../electron/engine/import/ingestAdapter';
import { normalizeBatch } from '../../electron/engine/import/normalizeBatch';
import { NormalizerPool } from '../../electron/engine/import/normalizerPool';
import type { RawRecord } from '../../electron/engine/import/textRecords';
import { bundleEntry } from '../helpers/bundle';
import { stepLine } from '../helpers/runtimeStepLine';

function records(lines = [stepLine(1), '{"torn": ', stepLine(2, { actor: '{"x":1}' })]): RawRecord[] {
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

  it('normalizes on the calling thread the batches of a worker that ran out of heap', async () => {
    const workerFile = resolve(dirname(await bundleEntry('engine')), 'importWorker.mjs');
    const ingest = createIngest();
    // 2M empty objects parse to far more than a 16 MiB heap holds.
    const heavy = stepLine(3, { args: `[${Array(2_000_000).fill('{}').join(',')}]` });
    const lines = [stepLine(1), heavy, stepLine(2)];
    const pool = NormalizerPool.create(ingest, workerFile, 1, 16);
    try {
      const job = { producer: 'runtime-steps', archiveId: 'arch', records: records(lines) };
      const result = await pool.run(job);
      expect(pool.running).toBe(0);
      expect(result).toEqual(normalizeBatch({ ...job, records: records(lines) }, ingest));
      expect(result.events + result.rejects.length).toBe(3);
      // The pool goes on without the worker.
      const light = { producer: 'runtime-steps', archiveId: 'arch', records: records() };
      expect(await pool.run(light)).toEqual(normalizeBatch({ ...light, records: records() }, ingest));
    } finally {
      await pool.close();
    }
  }, 60_000);
});
