/**
 * The engine runs in a child process: killing it mid-import (as a crash on a crafted archive
 * would) must leave the case exactly as it was, and the next call must find a fresh engine
 * with the case reopened (issue #3: atomicity kill test, isolation).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineEnv } from '../../electron/host/engineConfig';
import { EngineHost } from '../../electron/host/engineHost';
import type { ImportProgress } from '../../shared/contract/events';
import { bundleEntry } from '../helpers/bundle';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-isolation');
let host: EngineHost;

beforeAll(async () => {
  host = new EngineHost({
    entry: await bundleEntry('engine'),
    env: engineEnv({
      mode: 'serve',
      version: '0.0.0-test',
      demoCasePath: null,
      demoArchivesDir: null,
      uploadsDir: null,
    }),
  });
});
afterAll(() => host.close());

describe('engine process isolation', () => {
  it('survives an engine crash mid-import with the case unchanged', async () => {
    const casePath = join(dir, 'case.duckdb');
    expect((await host.dispatch('case.create', { path: casePath })).ok).toBe(true);
    const first = await host.dispatch('archive.import', {
      sources: [{ path: 'test/fixtures/gantz/audit.jsonl' }],
    });
    expect(first.ok).toBe(true);

    // A large archive, so the import is still running when the engine is killed.
    const lines = readFileSync('test/fixtures/runtime-steps/steps/tnt_driftwood.jsonl', 'utf8');
    const big = join(dir, 'big.jsonl');
    writeFileSync(big, lines.repeat(200));
    let killedPid: number | undefined;
    const killed = new Promise<void>((resolve) => {
      const stop = host.subscribe((e) => {
        // The first progress event: bytes scanned (the native path counts records only at its end).
        if (e.type === 'import.progress' && (e as ImportProgress).bytesDone > 0) {
          stop();
          killedPid = host.pid;
          host.kill();
          resolve();
        }
      });
    });
    const pending = host.dispatch('archive.import', { sources: [{ path: big }] });
    await killed;
    const answer = await pending;
    expect(answer).toMatchObject({ ok: false, error: { code: 'ENGINE_UNAVAILABLE' } });
    expect(host.crashes).toBe(1);

    // A fresh engine reopens the case: only the first archive is there, nothing half-imported.
    const archives = await host.dispatch('archive.list', {});
    expect(archives.ok && (archives.value as unknown[]).length).toBe(1);
    const page = await host.dispatch('events.page', { offset: 0, limit: 1 });
    expect(page.ok && (page.value as { total: number }).total).toBe(300);
    const quarantine = await host.dispatch('quarantine.page', { offset: 0, limit: 1 });
    expect(quarantine.ok && (quarantine.value as { total: number }).total).toBe(0);
    expect(readdirSync(dir).filter((n) => n.includes('.staging-') || n.includes('.tagged-'))).toEqual([]);
    // A tagged copy the killed engine held in RAM (copyPlace.ts) is gone too.
    expect(killedPid).toBeGreaterThan(0);
    if (existsSync('/dev/shm'))
      expect(readdirSync('/dev/shm').filter((n) => n.startsWith(`casefile-tagged-${killedPid}-`))).toEqual(
        [],
      );

    // And the same archive imports completely afterwards.
    const again = await host.dispatch('archive.import', { sources: [{ path: big }] });
    expect(again.ok && (again.value as { files: { records: number }[] }).files[0]?.records).toBe(1183 * 200);
    expect(existsSync(casePath)).toBe(true);
  });
});
