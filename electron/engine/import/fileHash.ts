/**
 * SHA-256 of a file, for custody, duplicate detection and verification: streamed through one
 * reused buffer, since a stream's fresh chunk per read piles up as garbage (tens of MiB of peak
 * memory while verification's worker threads run beside it, runVerify.ts).
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

const BUFFER_BYTES = 1024 * 1024;

export async function sha256File(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    for (;;) {
      if (signal?.aborted) throw signal.reason ?? new Error('cancelled');
      const { bytesRead } = await file.read(buffer, 0, BUFFER_BYTES, null);
      if (bytesRead <= 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

/**
 * The same hash on a worker thread, so it runs beside work on this one: the native import writes
 * its tagged copy meanwhile (1M events: hashing took 0.6 s of the import's critical path). The
 * worker restates sha256File's loop in a few lines of plain Node, inlined so the bundle needs no
 * extra entry.
 */
const HASH_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const hash = createHash('sha256');
const fd = openSync(workerData.path, 'r');
const buf = Buffer.allocUnsafe(workerData.bufferBytes);
try {
  for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
} finally {
  closeSync(fd);
}
parentPort.postMessage(hash.digest('hex'));
`;

export function sha256FileOnWorker(path: string, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASH_WORKER, { eval: true, workerData: { path, bufferBytes: BUFFER_BYTES } });
    const onAbort = (): void => void worker.terminate();
    signal?.addEventListener('abort', onAbort, { once: true });
    let answered = false;
    const done = (): void => {
      answered = true;
      signal?.removeEventListener('abort', onAbort);
    };
    worker.once('message', (hex: string) => {
      done();
      resolve(hex);
    });
    worker.once('error', (error) => {
      done();
      reject(error);
    });
    worker.once('exit', (code) => {
      if (answered) return;
      done();
      reject(
        signal?.aborted
          ? (signal.reason ?? new Error('cancelled'))
          : new Error(`hash worker exited with ${code}`),
      );
    });
  });
}
