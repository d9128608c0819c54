/**
 * `casefile import <case.duckdb> <files...> [--producer NAME] [--json]`. The report is a
 * stable contract (docs/cli.md): exit 0 when anything was imported or already present,
 * 1 when nothing could be imported, 2 on usage or case errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseMapping } from '../../shared/ingest/mapping';
import { resolve } from 'node:path';
import type { ImportReport } from '../../shared/contract/model';
import { describeError } from '../../shared/contract/result';
import { cliEngine } from './cliEngine';

export interface ImportArgs {
  casePath: string;
  files: string[];
  producer?: string;
  /** A field-mapping JSON file for an unknown producer. */
  mappingFile?: string;
  json: boolean;
}

function printHuman(report: ImportReport): void {
  for (const f of report.files) {
    if (f.error) process.stdout.write(`✗ ${f.path}: ${f.error.message}\n`);
    else if (f.duplicateOf)
      process.stdout.write(
        `= ${f.path}: already in the case as ${f.duplicateOf} (sha256 ${f.sha256.slice(0, 12)}…)\n`,
      );
    else
      process.stdout.write(
        `✓ ${f.path}: ${f.producer} (${f.container}), ${f.records} records, ${f.quarantined} quarantined\n`,
      );
  }
}

export async function importCommand(args: ImportArgs): Promise<number> {
  const engine = cliEngine();
  const dispatch = engine.dispatch;
  try {
    const casePath = resolve(args.casePath);
    const opened = await dispatch(existsSync(casePath) ? 'case.open' : 'case.create', { path: casePath });
    if (!opened.ok) {
      process.stderr.write(`casefile import: ${describeError(opened.error)}\n`);
      return 2;
    }
    let mapping: unknown;
    if (args.mappingFile) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(args.mappingFile, 'utf8'));
      } catch (thrown) {
        process.stderr.write(
          `casefile import: ${args.mappingFile}: not readable JSON (${thrown instanceof Error ? thrown.message : String(thrown)})\n`,
        );
        return 2;
      }
      const checked = parseMapping(parsed);
      if (!checked.ok) {
        process.stderr.write(`casefile import: ${args.mappingFile}: ${checked.errors.join('; ')}\n`);
        return 2;
      }
      mapping = checked.mapping;
    }
    const result = await dispatch('archive.import', {
      // The report names each file as the user gave it (docs/cli.md); the case keeps the full path.
      sources: args.files.map((f) => ({ path: resolve(f), name: f })),
      ...(args.producer ? { producer: args.producer } : {}),
      ...(mapping ? { mapping } : {}),
    });
    if (!result.ok) {
      process.stderr.write(`casefile import: ${describeError(result.error)}\n`);
      return result.error.code === 'INVALID_REQUEST' ? 2 : 1;
    }
    const report = result.value as ImportReport;
    if (args.json) process.stdout.write(`${JSON.stringify({ files: report.files }, null, 2)}\n`);
    else printHuman(report);
    const anything = report.files.some((f) => f.archiveId || f.duplicateOf);
    return anything ? 0 : 1;
  } finally {
    engine.close();
  }
}
