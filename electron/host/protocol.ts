/** Messages between a host (serve, CLI, Electron main) and its engine child process. */
import type { ServerEvent } from '../../shared/contract/events';
import type { Result } from '../../shared/contract/result';

export interface CallMessage {
  kind: 'call';
  id: number;
  method: string;
  req: unknown;
}

export type ToHost =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'event'; event: ServerEvent };
