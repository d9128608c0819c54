/**
 * Where the tagged copy (taggedCopy.ts) is written. In RAM (/dev/shm, Linux's tmpfs) when it
 * fits comfortably: writing 630 MB there took 0.8 s against 1.2–1.6 s on disk, and the kernel
 * then has no dirty pages to flush while DuckDB inserts (1M-event import benchmark); for 10M
 * events (a 6.3 GB copy) 11.4 s against 20.9 s, once more than the kernel's dirty-page allowance
 * has to reach the disk. It holds RAM only for the import, and half of what was free stays free.
 * Otherwise, and on systems without /dev/shm, beside the case file. A copy left behind by a
 * killed engine is removed when a case is next opened (removeStaleCopies).
 */
import { accessSync, constants, readdirSync, rmSync } from 'node:fs';
import { freemem } from 'node:os';
import { join } from 'node:path';
import { besideCase, removeBesideCase } from '../../case/besideCase';

const SHM = '/dev/shm';
const SHM_PREFIX = 'casefile-tagged-';
/** The copy is ~1.09× the file (taggedCopy.ts); RAM is used only while it stays under this share of free memory. */
const SHM_SHARE = 0.5;

function shmUsable(): boolean {
  try {
    accessSync(SHM, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Beside the case: `<case>.tagged-<archive id>.jsonl`. */
const BESIDE_INFIX = '.tagged-';
const BESIDE_SUFFIX = '.jsonl';

export function taggedCopyPath(casePath: string, archiveId: string, fileBytes: number): string {
  if (fileBytes * 1.1 < freemem() * SHM_SHARE && shmUsable())
    return join(SHM, `${SHM_PREFIX}${process.pid}-${archiveId}.jsonl`);
  return besideCase(casePath, BESIDE_INFIX, archiveId, BESIDE_SUFFIX);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (thrown) {
    // EPERM: the process exists but is someone else's.
    return (thrown as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Copies a killed engine left behind: those beside this case (a case is open in one engine at a
 * time) and those in RAM whose engine process is gone.
 */
export function removeStaleCopies(casePath: string): void {
  removeBesideCase(casePath, BESIDE_INFIX, BESIDE_SUFFIX);
  if (!shmUsable()) return;
  for (const name of readdirSync(SHM)) {
    const pid = name.startsWith(SHM_PREFIX) ? Number(name.slice(SHM_PREFIX.length).split('-')[0]) : NaN;
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) rmSync(join(SHM, name), { force: true });
  }
}
