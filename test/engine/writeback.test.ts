/**
 * The case file's writeback during an import (electron/engine/case/writeback.ts): it flushes the
 * file over and over while it runs, stops flushing and lets its handle go when stopped, and leaves
 * a file it cannot open alone.
 */
import { open, readlink, readdir } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Writeback } from '../../electron/engine/case/writeback';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-writeback');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How many of this process's descriptors are open on `path` (Linux). */
async function handlesOn(path: string): Promise<number> {
  const fds = await readdir('/proc/self/fd');
  const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
  return targets.filter((t) => t === path).length;
}

/** datasync on every FileHandle, counted. */
async function countDatasyncs(path: string): Promise<{ calls: () => number }> {
  const probe = await open(path, 'r');
  const proto = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> };
  await probe.close();
  const spy = vi.spyOn(proto, 'datasync');
  return { calls: () => spy.mock.calls.length };
}

afterEach(() => vi.restoreAllMocks());

describe('the writeback of a case file', () => {
  it('flushes the file while it runs, then stops and closes its handle', async () => {
    const path = join(dir, 'case.duckdb');
    writeFileSync(path, 'x'.repeat(1 << 20));
    const syncs = await countDatasyncs(path);
    const writeback = Writeback.start(path, 100);
    await sleep(500);
    expect(syncs.calls()).toBeGreaterThanOrEqual(2);
    expect(await handlesOn(path)).toBe(1);
    await writeback.stop();
    const stoppedAt = syncs.calls();
    await sleep(500);
    expect(syncs.calls()).toBe(stoppedAt);
    expect(await handlesOn(path)).toBe(0);
  });

  it('leaves a file it cannot open, and an in-memory case, alone', async () => {
    for (const path of [join(dir, 'missing', 'case.duckdb'), ':memory:']) {
      const writeback = Writeback.start(path, 100);
      await sleep(300);
      await expect(writeback.stop()).resolves.toBeUndefined();
    }
  });
});
