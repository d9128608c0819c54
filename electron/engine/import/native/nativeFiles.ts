/**
 * The native files of one import call, which importFile.ts leaves prepared (their tagged copies
 * written, their row ids reserved): one INSERT per family for all their copies
 * (nativeJsonl.ts insertTaggedCopies), then, file by file in the call's order, the checks, the
 * lines DuckDB left out and the file's row in `archives`.
 */
import type { ImportFileReport } from '../../../../shared/contract/model';
import type { Db } from '../../case/db';
import type { EventColumns } from '../../case/eventTable';
import { recordArchive, type ArchiveFacts } from '../archiveRow';
import type { EventStaging } from '../eventStaging';
import type { NormalizerPool } from '../normalizerPool';
import type { TableWriter } from '../rowWriter';
import type { NativeFamily } from './nativeFamilies';
import { finishPlainJsonl, insertTaggedCopies } from './nativeJsonl';
import { COPY_SHARE, type PreparedNative } from './prepareNativeJsonl';

export interface PendingNativeFile {
  prepared: PreparedNative;
  /** The file on disk, for the lines DuckDB leaves out. */
  path: string;
  gzip: boolean;
  /** Its archive row, less what the import counts. */
  archive: Omit<ArchiveFacts, 'counts' | 'notes'>;
  onProgress(bytesDone: number, bytesTotal: number, records: number, quarantined: number): void;
}

export interface NativeFilesContext {
  db: Db;
  columns: EventColumns;
  events: EventStaging;
  quarantine: TableWriter;
  pool: NormalizerPool;
  signal: AbortSignal;
}

/** The INSERT's progress (0–1 over the group's lines) as the progress of the file it has reached. */
function reportProgress(group: readonly PendingNativeFile[], fraction: number): void {
  const total = group.reduce((n, f) => n + f.prepared.lines, 0);
  let at = fraction * total;
  for (const f of group) {
    if (at <= f.prepared.lines || f === group.at(-1)) {
      const within = Math.min(at / Math.max(f.prepared.lines, 1), 1);
      const size = f.archive.size;
      f.onProgress(
        size * (COPY_SHARE + (1 - COPY_SHARE) * within),
        size,
        Math.round(within * f.prepared.lines),
        0,
      );
      return;
    }
    at -= f.prepared.lines;
  }
}

/** Imports `files` (in the call's order) and answers their report lines in that order. */
export async function importNativeFiles(
  files: readonly PendingNativeFile[],
  ctx: NativeFilesContext,
): Promise<ImportFileReport[]> {
  const byFamily = new Map<NativeFamily, PendingNativeFile[]>();
  for (const f of files) {
    const group = byFamily.get(f.prepared.family) ?? [];
    byFamily.set(f.prepared.family, group);
    group.push(f);
  }
  for (const [family, all] of byFamily) {
    const group = all.filter((f) => !f.prepared.inserted);
    if (group.length === 0) continue;
    await insertTaggedCopies(
      ctx.db,
      ctx.columns,
      family,
      group.map((f) => f.prepared.copy),
      ctx.signal,
      (fraction) => reportProgress(group, fraction),
    );
  }
  const reports: ImportFileReport[] = [];
  for (const f of files) {
    const { copy, family, lines } = f.prepared;
    const { counts } = await finishPlainJsonl({
      ...ctx,
      path: f.path,
      gzip: f.gzip,
      lines,
      archiveId: copy.archiveId,
      family,
      firstRowId: copy.firstRowId,
    });
    reports.push(await recordArchive(ctx.db, { ...f.archive, counts, notes: [...counts.notes] }));
  }
  return reports;
}
