/**
 * The serve-mode transport: POST /rpc with JSON and the app's custom header (the session
 * cookie rides along), events over Server-Sent Events, files uploaded to /upload.
 */
import type { ServerEvent } from '../../../shared/contract/events';
import type { Result } from '../../../shared/contract/result';
import type { Transport } from '../../../shared/rpc/client';

const CALL_HEADER = 'X-Casefile-Call';

function transportError(message: string): Result<never> {
  return { ok: false, error: { code: 'TRANSPORT', message } };
}

export function httpTransport(origin: string): Transport {
  return {
    async invoke(method, req) {
      let response: Response;
      try {
        response = await fetch(`${origin}/rpc`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [CALL_HEADER]: '1' },
          body: JSON.stringify({ method, req }),
          credentials: 'same-origin',
        });
      } catch (thrown) {
        return transportError(
          `the Casefile server cannot be reached (${thrown instanceof Error ? thrown.message : String(thrown)})`,
        );
      }
      if (response.status !== 200)
        return transportError(`server answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
      try {
        return (await response.json()) as Result<unknown>;
      } catch {
        return transportError('server answered something that is not JSON');
      }
    },
    subscribe(listener) {
      const source = new EventSource(`${origin}/events`);
      source.onmessage = (message: MessageEvent<string>) => {
        try {
          listener(JSON.parse(message.data) as ServerEvent);
        } catch {
          /* a malformed event is dropped; the next page load resynchronises */
        }
      };
      return () => source.close();
    },
  };
}

/** Uploads one dropped or picked file; answers the id to pass to archive.import. */
export async function uploadFile(origin: string, file: File): Promise<Result<{ uploadId: string }>> {
  try {
    const response = await fetch(`${origin}/upload`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', [CALL_HEADER]: '1' },
      body: file,
      credentials: 'same-origin',
    });
    if (response.status !== 200) return transportError(`upload of ${file.name} failed: ${response.status}`);
    return { ok: true, value: (await response.json()) as { uploadId: string } };
  } catch (thrown) {
    return transportError(
      `upload of ${file.name} failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
    );
  }
}
