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
/** RAM is used only while the copy stays under this share of free memory. */
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

export interface CopyPlace {
  path: string;
  /** The most the copy may take there; a copy that would grow past it is abandoned (taggedCopy.ts). */
  maxBytes: number;
}

/** Where a copy of about `copyBytes` goes (taggedCopy.ts estimateCopyBytes). */
export function taggedCopyPlace(casePath: string, archiveId: string, copyBytes: number): CopyPlace {
  const ram = freemem() * SHM_SHARE;
  if (copyBytes < ram && shmUsable())
    return { path: join(SHM, `${SHM_PREFIX}${process.pid}-${archiveId}.jsonl`), maxBytes: ram };
  return { path: besideCase(casePath, BESIDE_INFIX, archiveId, BESIDE_SUFFIX), maxBytes: Infinity };
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
