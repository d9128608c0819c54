/** The engine's mutable state: the open case, running imports, event listeners. */
import type { ServerEvent } from '../../shared/contract/events';
import type { OpenCase } from './case/caseFile';
import type { Ingest } from './import/ingest';

export interface EngineOptions {
  mode: 'desktop' | 'serve';
  version: string;
  /** The bundled demo case (created on first use from demo/ archives). */
  demoCasePath: string | null;
  /** Archives the demo case is built from. */
  demoArchives: string[];
  ingest: Ingest;
  /** Plain JSONL of a family with a SQL restatement is imported by DuckDB directly (import/native/). */
  nativeImport: boolean;
  /** Tagged-copy bytes after which the native files read so far are inserted (import/importRun.ts). */
  nativeBatchBytes?: number;
  /** Resolves a serve-mode upload id to the temporary file holding it. */
  resolveUpload?: (uploadId: string) => string | null;
}

export class EngineState {
  current: OpenCase | null = null;
  readonly imports = new Map<string, AbortController>();
  /** Row counts per filter: a search over 1M records costs ~1 s, so count once per filter, not per page. */
  readonly totals = new Map<string, number>();
  private readonly listeners = new Set<(event: ServerEvent) => void>();
  /** Serialises writes: DuckDB has one writer per file, and imports are transactions. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly options: EngineOptions) {}

  emit(event: ServerEvent): void {
    if (event.type === 'case.changed') this.totals.clear();
    for (const l of this.listeners) l(event);
  }

  subscribe(listener: (event: ServerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  closeCase(): void {
    this.current?.db.close();
    this.current = null;
  }
}
