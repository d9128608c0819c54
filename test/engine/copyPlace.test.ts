/**
 * Where the native import's tagged copy goes (copyPlace.ts): RAM when it fits, beside the case
 * otherwise, and copies left in RAM by a dead engine process are removed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { freemem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleCopies, taggedCopyPath } from '../../electron/engine/import/native/copyPlace';

const shm = existsSync('/dev/shm');
const caseDir = mkdtempSync(join(tmpdir(), 'casefile-copyplace-'));
const casePath = join(caseDir, 'case.duckdb');

describe('taggedCopyPath', () => {
  it('puts a small copy in /dev/shm (where there is one) and a huge one beside the case', () => {
    const small = taggedCopyPath('/cases/a.duckdb', 'abc', 1000);
    expect(small).toBe(
      shm ? `/dev/shm/casefile-tagged-${process.pid}-abc.jsonl` : '/cases/a.duckdb.tagged-abc.jsonl',
    );
    expect(taggedCopyPath('/cases/a.duckdb', 'abc', 1e15)).toBe('/cases/a.duckdb.tagged-abc.jsonl');
  });

  it('keeps half of the free memory free', () => {
    const copyOf = (share: number): number => (freemem() * share) / 1.1; // the copy is ~1.1× the file
    expect(taggedCopyPath('/cases/a.duckdb', 'abc', copyOf(0.4)).startsWith('/dev/shm/')).toBe(shm);
    expect(taggedCopyPath('/cases/a.duckdb', 'abc', copyOf(0.6))).toBe('/cases/a.duckdb.tagged-abc.jsonl');
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
