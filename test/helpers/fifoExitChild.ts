/**
 * A process that dies (an uncaught exception) while a copy pipe is in a given state, for
 * nativeStream.test.ts: it must still exit, promptly. Prints `dying` just before.
 * usage: node child.mjs <scenario> <fifo path>
 */
import { constants, openSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { CopyFifo } from '../../electron/engine/import/native/copyFifo';

const [scenario, path] = process.argv.slice(2) as [string, string];

function die(): never {
  process.stdout.write('dying\n');
  throw new Error(`dies mid-copy (${scenario})`);
}

/** DuckDB starts reading the pipe, as the INSERT does, on a libuv thread. */
async function duckdbReads(): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  c.run(
    `SELECT count(*) FROM read_csv('${path}', delim = chr(1), quote = '', escape = '', header = false, auto_detect = false, columns = {'a': 'VARCHAR'})`,
  ).catch(() => undefined);
}

async function main(): Promise<void> {
  const fifo = CopyFifo.create(path);
  if (!fifo) throw new Error('no FIFO');
  const line = Buffer.from('x\n'.repeat(1000));
  switch (scenario) {
    case 'no-reader': // the copy waits for a reader that has not come
      fifo.write(line, line.length).catch(() => undefined);
      setTimeout(die, 50);
      break;
    case 'reader-opening': // DuckDB is opening the pipe when the process dies
      await duckdbReads();
      die();
      break;
    case 'reader-waiting': // DuckDB reads, and waits for more of the copy
      await duckdbReads();
      await fifo.write(line, line.length);
      setTimeout(die, 50);
      break;
    case 'write-blocked': {
      // A reader that does not read: the write waits on a full pipe.
      openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
      const big = Buffer.alloc(8 << 20, 0x78);
      fifo.write(big, big.length).catch(() => undefined);
      setTimeout(die, 50);
      break;
    }
    default:
      throw new Error(`unknown scenario ${scenario}`);
  }
}

void main();
