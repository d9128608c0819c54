/** Worker thread entry: normalizes packed batches for the importer (see normalizerPool.ts). */
import { parentPort } from 'node:worker_threads';
import type { Mapping } from '../../../shared/ingest/mapping';
import { createIngest } from './ingestAdapter';
import { normalizeBatch, unpackRecords, type PackedBatch } from './normalizeBatch';

export interface WorkerJob {
  id: number;
  producer: string;
  mapping?: Mapping;
  archiveId: string;
  packed: PackedBatch;
}

const ingest = createIngest();
parentPort?.on('message', (job: WorkerJob) => {
  const { packed, ...rest } = job;
  const result = normalizeBatch({ ...rest, records: unpackRecords(packed) }, ingest);
  parentPort?.postMessage({ id: job.id, result });
});
