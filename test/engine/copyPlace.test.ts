/**
 * Where the native import's tagged copy goes (copyPlace.ts): RAM when it fits, beside the case
 * otherwise, and copies left in RAM by a dead engine process are removed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { freemem } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleCopies, taggedCopyPlace } from '../../electron/engine/import/native/copyPlace';
import { estimateCopyBytes } from '../../electron/engine/import/native/taggedCopy';
import { removeStaleStaging, stagingPath } from '../../electron/engine/import/eventStaging';
import { scratchDir } from '../helpers/scratchDir';

const shm = existsSync('/dev/shm');
const caseDir = scratchDir('casefile-copyplace');
const casePath = join(caseDir, 'case.duckdb');

describe('taggedCopyPlace', () => {
  const path = (bytes: number): string => taggedCopyPlace('/cases/a.duckdb', 'abc', bytes).path;

  it('puts a small copy in /dev/shm (where there is one) and a huge one beside the case', () => {
    expect(path(1000)).toBe(
      shm ? `/dev/shm/casefile-tagged-${process.pid}-abc.jsonl` : '/cases/a.duckdb.tagged-abc.jsonl',
    );
    expect(path(1e15)).toBe('/cases/a.duckdb.tagged-abc.jsonl');
    expect(taggedCopyPlace('/cases/a.duckdb', 'abc', 1e15).maxBytes).toBe(Infinity);
  });

  it('keeps half of the free memory free, and bounds a copy in RAM by it', () => {
    expect(path(freemem() * 0.4).startsWith('/dev/shm/')).toBe(shm);
    expect(path(freemem() * 0.6)).toBe('/cases/a.duckdb.tagged-abc.jsonl');
    if (shm) expect(taggedCopyPlace('/cases/a.duckdb', 'abc', 1000).maxBytes).toBeLessThan(freemem());
  });

  it('sizes the copy by the length of its lines: short lines grow most', () => {
    // Per line: five separators, two one-digit parts and three decimals of up to nine digits.
    expect(estimateCopyBytes(580e6, 580)).toBeCloseTo(580e6 * (1 + 34 / 580), -3);
    expect(estimateCopyBytes(1e9, 3) / 1e9).toBeGreaterThan(10);
  });
});

describe('removeStaleCopies', () => {
  it("removes a copy beside the case and leaves the case's other files", () => {
    const copy = join(caseDir, 'case.duckdb.tagged-abc.jsonl');
    const other = join(caseDir, 'case.duckdb.staging-x.ndjson');
    writeFileSync(copy, '{}\n');
    writeFileSync(other, '');
    removeStaleCopies(casePath);
    expect(existsSync(copy)).toBe(false);
    expect(existsSync(other)).toBe(true);
  });
});

describe('removeStaleStaging', () => {
  it('removes the staging file a killed import left beside the case, and nothing else', () => {
    const staging = stagingPath(casePath, 'x');
    expect(staging).toBe(join(caseDir, 'case.duckdb.staging-x.ndjson'));
    const kept = join(caseDir, 'case.duckdb.notes.ndjson');
    writeFileSync(staging, '{}\n');
    writeFileSync(kept, '');
    removeStaleStaging(casePath);
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(kept)).toBe(true);
  });
});

describe.skipIf(!shm)('removeStaleCopies in RAM', () => {
  it("removes a dead process's copies and keeps a live one's", () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const deadPid = Number(dead.stdout);
    const stale = `/dev/shm/casefile-tagged-${deadPid}-x1.jsonl`;
    const live = `/dev/shm/casefile-tagged-${process.pid}-x2.jsonl`;
    writeFileSync(stale, '{}\n');
    writeFileSync(live, '{}\n');
    try {
      removeStaleCopies(casePath);
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(live)).toBe(true);
    } finally {
      for (const f of [stale, live]) rmSync(f, { force: true });
    }
  });
});
