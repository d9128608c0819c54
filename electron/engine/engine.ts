/**
 * The engine: every contract operation over one open case. It runs under plain Node (serve,
 * CLI, tests) and in the desktop app's engine process alike, and never imports electron.
 */
import type { Handlers } from '../../shared/contract/api';
import type { ServerEvent } from '../../shared/contract/events';
import { caseHandlers } from './handlers/caseHandlers';
import { custodyHandlers } from './handlers/custodyHandlers';
import { eventHandlers } from './handlers/eventHandlers';
import { importHandlers } from './handlers/importHandlers';
import { mappingHandlers } from './handlers/mappingHandlers';
import { verifyHandlers } from './handlers/verifyHandlers';
import { EngineState, type EngineOptions } from './state';

export interface Engine {
  handlers: Handlers;
  onEvent(listener: (event: ServerEvent) => void): () => void;
  close(): void;
}

export function createEngine(options: EngineOptions): Engine {
  const state = new EngineState(options);
  const handlers = {
    ...caseHandlers(state),
    ...importHandlers(state),
    ...eventHandlers(state),
    ...verifyHandlers(state),
    ...mappingHandlers(state),
    ...custodyHandlers(state),
  } satisfies Handlers;
  return {
    handlers,
    onEvent: (listener) => state.subscribe(listener),
    close: () => state.closeCase(),
  };
}

export type { EngineOptions } from './state';
