/**
 * How big a gzip file's text is, as a hint for where its tagged copy goes (copyPlace.ts). RFC 1952
 * §2.3.1: a member ends with ISIZE, its input's size modulo 2^32, little-endian. That is exact for
 * the usual file of one member under 4 GiB and too small otherwise (several members, a larger
 * text, a forged trailer); the copy pass then stops when the copy outgrows its space, and the file
 * goes through the JS path. Never less than the compressed size.
 */
import { open } from 'node:fs/promises';

const ISIZE_BYTES = 4;

export async function gzipTextBytes(path: string, fileBytes: number): Promise<number> {
  if (fileBytes < ISIZE_BYTES) return fileBytes;
  const handle = await open(path, 'r');
  try {
    const trailer = Buffer.alloc(ISIZE_BYTES);
    await handle.read(trailer, 0, ISIZE_BYTES, fileBytes - ISIZE_BYTES);
    return Math.max(trailer.readUInt32LE(0), fileBytes);
  } finally {
    await handle.close();
  }
}
