/**
 * Streaming SHA-256 of a file through one reused buffer. Verification hashes each file while the
 * worker threads check it (runVerify.ts): a stream's fresh chunk per read would pile up as garbage
 * on this otherwise idle thread, tens of MiB of peak memory for nothing.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

const BUFFER_BYTES = 1024 * 1024;

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, BUFFER_BYTES, null);
      if (bytesRead <= 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}
