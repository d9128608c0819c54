/**
 * The bytes the tagged copy pass (taggedCopy.ts) reads, in order: a file's own, or its
 * decompressed text when it is gzip (RFC 1952), as the JS reader sees it (textRecords.ts: line
 * numbers and byte offsets refer to the decompressed text). Filled straight into the pass's own
 * buffer, so a plain file is read without a stream's fresh chunk per read.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface CopySource {
  /** Reads up to `length` bytes into `buf` at `at`; 0 only at the end. */
  read(buf: Buffer, at: number, length: number): Promise<number>;
  close(): Promise<void>;
}

/** zlib's output chunk: its 16 KiB default meant ~36k awaits per 580 MB. */
const GUNZIP_CHUNK = 1024 * 1024;
const FILE_CHUNK = 4 * 1024 * 1024;

/**
 * `onRead` sees the file's own bytes as they are read, in order (compressed ones for gzip): for
 * progress, and for its hash. It must not keep them: the buffer is reused.
 */
export async function openCopySource(
  path: string,
  gzip: boolean,
  onRead: (bytes: Buffer) => void,
): Promise<CopySource> {
  return gzip ? gunzipSource(path, onRead) : fileSource(path, onRead);
}

async function fileSource(path: string, onRead: (bytes: Buffer) => void): Promise<CopySource> {
  const handle = await open(path, 'r');
  return {
    async read(buf, at, length) {
      const { bytesRead } = await handle.read(buf, at, length, null);
      onRead(buf.subarray(at, at + bytesRead));
      return bytesRead;
    },
    close: () => handle.close(),
  };
}

function gunzipSource(path: string, onRead: (bytes: Buffer) => void): CopySource {
  const file = createReadStream(path, { highWaterMark: FILE_CHUNK });
  file.on('data', (chunk) => onRead(chunk as Buffer));
  const gunzip = createGunzip({ chunkSize: GUNZIP_CHUNK });
  // pipeline, not pipe: a read error of the file must reach the reader too, not leave it waiting.
  pipeline(file, gunzip, () => undefined);
  const chunks = gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let pending: Buffer = Buffer.alloc(0);
  let pendingAt = 0;
  return {
    async read(buf, at, length) {
      let n = 0;
      while (n < length) {
        if (pendingAt === pending.length) {
          const next = await chunks.next();
          if (next.done) break;
          pending = next.value;
          pendingAt = 0;
        }
        const copied = pending.copy(
          buf,
          at + n,
          pendingAt,
          pendingAt + Math.min(length - n, pending.length - pendingAt),
        );
        pendingAt += copied;
        n += copied;
      }
      return n;
    },
    async close() {
      gunzip.destroy();
      file.destroy();
    },
  };
}
