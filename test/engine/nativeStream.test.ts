/**
 * The streamed native path (prepareNativeJsonl.ts streamNative, copyFifo.ts): a call's only file
 * goes through a named pipe into its INSERT while the copy pass writes it, and the pass hashes
 * the file. The pipe must deliver every byte and its end however early or late DuckDB opens it,
 * must never hold the engine when DuckDB stops reading, and a file found not plain half-way must
 * leave nothing of its streamed rows behind.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { constants, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../electron/engine/case/caseFile';
import { EventColumns } from '../../electron/engine/case/eventTable';
import { CopyFifo } from '../../electron/engine/import/native/copyFifo';
import { prepareNativeJsonl } from '../../electron/engine/import/native/prepareNativeJsonl';
import { CANONICAL_COLUMNS } from '../../shared/ingest/canonicalColumns';
import { detectFamily } from '../../shared/ingest/detect';
import type { ImportFileReport } from '../../shared/contract/model';
import type { ImportProgress } from '../../shared/contract/events';
import type { Result } from '../../shared/contract/result';
import { createDispatcher } from '../../shared/rpc/dispatch';
import { testEngine } from '../contract/testEngine';
import { comparable, importWith } from '../helpers/importBothWays';
import { stepLine } from '../helpers/runtimeStepLine';
import { bundleChild } from '../helpers/bundle';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-stream');
const linux = process.platform === 'linux';
let n = 0;
const fifoPath = (): string => join(dir, `pipe-${++n}.fifo`);

/** Starts DuckDB reading `path` as CSV of one column; `done` answers its line count. */
async function duckdbLines(path: string): Promise<{ done: Promise<number> }> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const done = c
    .runAndReadAll(
      `SELECT count(*)::INTEGER AS n FROM read_csv('${path}', delim = chr(1), quote = '', escape = '', header = false, auto_detect = false, columns = {'a': 'VARCHAR'})`,
    )
    .then((r) => Number(r.getRowObjectsJson()[0]?.n))
    .finally(() => instance.closeSync());
  return { done };
}

const within = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms)),
  ]);

describe.runIf(linux)('the copy pipe', () => {
  it('delivers a copy written whole before DuckDB opens it, and its end', async () => {
    const fifo = CopyFifo.create(fifoPath());
    if (!fifo) throw new Error('no FIFO on Linux');
    const written = fifo.write(Buffer.from('x\n'.repeat(100)), 200);
    const closed = fifo.close();
    // DuckDB opens the pipe only now: the write end, and so the copy, waited for it.
    const read = await duckdbLines(fifo.path);
    await written;
    await closed;
    expect(await within(read.done, 10_000)).toBe(100);
    await fifo.dispose();
    expect(existsSync(fifo.path)).toBe(false);
  });

  it('delivers a copy larger than the pipe holds, as DuckDB reads it', async () => {
    const fifo = CopyFifo.create(fifoPath());
    if (!fifo) throw new Error('no FIFO on Linux');
    const read = await duckdbLines(fifo.path);
    const chunk = Buffer.from('0123456789abcdef\n'.repeat(60_000)); // ~1 MB, the pipe holds 64 KiB
    for (let i = 0; i < 8; i++) await fifo.write(chunk, chunk.length);
    await fifo.close();
    expect(await within(read.done, 10_000)).toBe(8 * 60_000);
    await fifo.dispose();
  });

  it('lets go of a copy whose reader never came', async () => {
    const fifo = CopyFifo.create(fifoPath());
    if (!fifo) throw new Error('no FIFO on Linux');
    const written = fifo.write(Buffer.alloc(1 << 20, 0x78), 1 << 20);
    await within(fifo.dispose(), 5_000);
    await expect(fifo.write(Buffer.from('x'), 1)).rejects.toThrow(/closed/);
    await written.catch(() => undefined);
  });

  it('lets go of a copy whose reader stopped reading', async () => {
    const fifo = CopyFifo.create(fifoPath());
    if (!fifo) throw new Error('no FIFO on Linux');
    const reader = await open(fifo.path, constants.O_RDONLY | constants.O_NONBLOCK);
    const big = Buffer.alloc(8 << 20, 0x78); // far more than the pipe holds: the write blocks
    const written = fifo.write(big, big.length);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await reader.read(Buffer.alloc(4096), 0, 4096, null).catch(() => undefined);
    await reader.close(); // gone, as DuckDB is when its statement fails
    await within(fifo.dispose(), 5_000);
    await written.catch(() => undefined);
  });
});

describe.runIf(linux)('a process that dies mid-copy', () => {
  // Node's exit waits for every libuv thread's work to end; a thread left waiting on the pipe
  // (an open, a read or a write) kept the process alive forever (test/helpers/fifoExitChild.ts).
  it.each(['no-reader', 'reader-opening', 'reader-waiting', 'write-blocked'])(
    'still exits, and removes its pipe: %s',
    async (scenario) => {
      const child = await bundleChild('test/helpers/fifoExitChild.ts');
      const path = fifoPath();
      const proc = spawn(process.execPath, [child, scenario, path], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const code = await within(
        new Promise<number | null>((resolve) => proc.once('exit', (c) => resolve(c))),
        10_000,
      ).finally(() => proc.kill('SIGKILL'));
      expect(out).toContain('dying');
      expect(code).toBe(1); // the uncaught exception's own exit code
      expect(existsSync(path)).toBe(false);
    },
  );
});

describe.runIf(linux)('a streamed import', () => {
  it('inserts while it copies, and hashes the file in the same pass', async () => {
    const file = join(dir, 'streamed.jsonl');
    writeFileSync(file, `${Array.from({ length: 5000 }, (_, i) => stepLine(i + 1)).join('\n')}\n`);
    const created = await createCase(join(dir, 'prepared.duckdb'), CANONICAL_COLUMNS, '0.0.0-test');
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const { db } = created.value;
    try {
      await db.run('BEGIN TRANSACTION');
      let hashAsked = false;
      const prepared = await prepareNativeJsonl(file, false, readFileSync(file).length, 'a1', {
        db,
        columns: await EventColumns.load(db, CANONICAL_COLUMNS),
        firstRowId: 1n,
        signal: new AbortController().signal,
        sampleSize: 20,
        detect: (sample) => detectFamily({ container: 'jsonl', sample }),
        duplicate: () => {
          hashAsked = true;
          return Promise.resolve(false);
        },
        known: () => Promise.resolve(false),
        stream: true,
        onProgress: () => undefined,
      });
      expect(prepared).toMatchObject({ inserted: true, lines: 5000 });
      expect(prepared?.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
      expect(hashAsked).toBe(false);
      expect(Number(await db.scalar(`SELECT count(*) FROM events WHERE archive_id = 'a1'`))).toBe(5000);
      await db.run('ROLLBACK');
    } finally {
      db.close();
    }
    expect(readdirSync(dir).filter((f) => f.includes('tagged-'))).toEqual([]);
  });

  it('takes back the rows it streamed from a gzip file that breaks half-way, which the JS path reads', async () => {
    // ~23 MB of text: the pass has flushed whole chunks (8 MiB) into the INSERT before the break.
    const text = `${Array.from({ length: 40_000 }, (_, i) => stepLine(i + 1)).join('\n')}\n`;
    const gz = gzipSync(text, { level: 1 });
    const file = join(dir, 'broken.jsonl.gz');
    writeFileSync(file, gz.subarray(0, Math.floor(gz.length * 0.6)));
    const [viaSql, viaJs] = [await importWith(true, file, dir), await importWith(false, file, dir)];
    expect(viaJs.events.length).toBeGreaterThan(16_000);
    expect(viaJs.events.length).toBeLessThan(40_000);
    expect(comparable(viaSql)).toEqual(comparable(viaJs));
    expect(viaSql.report.notes?.join(' ')).toMatch(/gzip: the compressed stream breaks/);
  });

  it('cancelled mid-way leaves the case unchanged and no pipe behind', async () => {
    const file = join(dir, 'long.jsonl');
    const block = `${Array.from({ length: 10_000 }, (_, i) => stepLine(i + 1)).join('\n')}\n`;
    writeFileSync(file, block.repeat(30)); // ~300k events: long enough to cancel in flight
    const engine = testEngine({ nativeImport: true });
    const dispatch = createDispatcher(engine.handlers);
    try {
      expect((await dispatch('case.create', { path: join(dir, 'cancel.duckdb') })).ok).toBe(true);
      let cancelled: Promise<unknown> | undefined;
      const off = engine.onEvent((event) => {
        const progress = event as ImportProgress;
        if (progress.type === 'import.progress' && progress.bytesDone > 0 && !cancelled)
          cancelled = dispatch('import.cancel', { importId: 'streamed-cancel' });
      });
      const r = (await dispatch('archive.import', {
        importId: 'streamed-cancel',
        sources: [{ path: file }],
      })) as Result<{ files: ImportFileReport[] }>;
      off();
      await cancelled;
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.code).toBe('CANCELLED');
      const page = (await dispatch('events.page', { offset: 0, limit: 1 })) as Result<{ total: number }>;
      expect(page.ok && page.value.total).toBe(0);
      // The next import of the same file goes through whole.
      const again = (await dispatch('archive.import', { sources: [{ path: file }] })) as Result<{
        files: ImportFileReport[];
      }>;
      expect(again.ok && again.value.files[0]?.records).toBe(300_000);
    } finally {
      await engine.close();
    }
    const left = (d: string): string[] => readdirSync(d).filter((f) => f.includes('tagged-'));
    expect(left(dir)).toEqual([]);
    if (existsSync('/dev/shm')) expect(left('/dev/shm')).toEqual([]);
  });
});
