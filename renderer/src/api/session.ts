/** The renderer's one connection to the engine, made on first use (connect() picks the transport). */
import { connect, type Connection } from './connect';

let current: Connection | null = null;

export function session(): Connection {
  current ??= connect();
  return current;
}
