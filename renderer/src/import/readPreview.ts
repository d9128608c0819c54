/** Reads the head of a picked or dropped File (gunzipping it in the browser) and previews it. */
import { previewFromText, previewOfBinary, type FilePreview } from './previewRecords';

/** Enough for the first records of any family without reading a large archive into memory. */
const HEAD_BYTES = 256 * 1024;

function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** Decompresses as much of a gzip head as arrives; a head cut mid-stream ends the read, not the preview. */
async function gunzipHead(blob: Blob): Promise<Uint8Array> {
  const reader = blob.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < HEAD_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    /* the head ended inside the deflate stream: keep what was decoded */
  }
  void reader.cancel().catch(() => undefined);
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export async function readPreview(file: File): Promise<FilePreview> {
  try {
    const headBlob = file.slice(0, HEAD_BYTES);
    const head = new Uint8Array(await headBlob.arrayBuffer());
    const binary = previewOfBinary(file.name, file.size, head);
    if (binary) return binary;
    const gzip = isGzip(head);
    const bytes = gzip ? await gunzipHead(headBlob) : head;
    // Only a head that is the whole file (and, gzipped, decoded below the cap) may be parsed as a document.
    const complete = file.size <= HEAD_BYTES && bytes.length < HEAD_BYTES;
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    return previewFromText(file.name, file.size, gzip, text, complete);
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    return {
      name: file.name,
      size: file.size,
      container: 'unknown',
      gzip: false,
      lines: [],
      sample: [],
      detection: null,
      note: `The browser could not read this file (${reason}); the engine will try.`,
    };
  }
}
