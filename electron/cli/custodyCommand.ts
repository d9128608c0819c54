/**
 * `casefile custody <case.duckdb> [--expect-head HEX] [--json]`: prints the case's own audit
 * trail and checks its hash chain (shared/custody/chain.ts). Stable contract (docs/cli.md): exit 0
 * when the chain holds (and holds the expected head), 1 when it does not, 2 on usage or case
 * errors.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CustodyLog } from '../../shared/contract/model';
import { describeError } from '../../shared/contract/result';
import { findNotedHead, type CustodyEntry } from '../../shared/custody/chain';
import { custodyEntryLine } from '../../shared/custody/describe';
import { cliEngine } from './cliEngine';

const HEX64 = /^[0-9a-fA-F]{64}$/;

function printHuman(log: CustodyLog, expected: { hash: string; at: CustodyEntry | null } | null): void {
  for (const e of log.entries)
    process.stdout.write(`#${e.seq} ${e.loggedAt} ${e.action}: ${custodyEntryLine(e.action, e.detail)}\n`);
  const { check } = log;
  if (check.intact)
    process.stdout.write(
      check.head
        ? `✓ chain intact: ${check.entries} entries, head #${check.head.seq} ${check.head.hash}\n`
        : '✓ the log is empty\n',
    );
  else {
    process.stdout.write(
      `✗ chain broken: ${check.breaks.length} ${check.breaks.length === 1 ? 'problem' : 'problems'}\n`,
    );
    for (const b of check.breaks) process.stdout.write(`    #${b.seq} ${b.kind}: ${b.message}\n`);
  }
  if (expected)
    process.stdout.write(
      expected.at
        ? `✓ the expected head is entry #${expected.at.seq}; ${log.entries.length - expected.at.seq} entries were added since\n`
        : `✗ the expected head ${expected.hash} is not in the log: it was rewritten or cut since that head was noted\n`,
    );
}

export async function custodyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'expect-head': { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const usage = (message: string): number => {
    process.stderr.write(
      `casefile custody: ${message}\nusage: casefile custody <case.duckdb> [--expect-head HEX] [--json]\n`,
    );
    return 2;
  };
  if (positionals.length !== 1 || !positionals[0]) return usage('needs exactly one case file');
  const noted = values['expect-head'];
  if (noted !== undefined && !HEX64.test(noted.trim()))
    return usage('--expect-head takes a 64-digit hex hash');
  const casePath = resolve(positionals[0]);
  const engine = cliEngine();
  try {
    const opened = await engine.dispatch('case.open', { path: casePath });
    if (!opened.ok) {
      process.stderr.write(`casefile custody: ${describeError(opened.error)}\n`);
      return 2;
    }
    const result = await engine.dispatch('custody.log', {});
    if (!result.ok) {
      process.stderr.write(`casefile custody: ${describeError(result.error)}\n`);
      return 2;
    }
    const log = result.value as CustodyLog;
    const expected =
      noted === undefined
        ? null
        : { hash: noted.trim().toLowerCase(), at: findNotedHead(log.entries, noted) };
    if (values.json) {
      const report = {
        case: casePath,
        intact: log.check.intact,
        entries: log.entries.map((e) => ({ ...e, detail: JSON.parse(e.detail) as unknown })),
        breaks: log.check.breaks,
        head: log.check.head,
        ...(expected ? { expectedHead: { hash: expected.hash, seq: expected.at?.seq ?? null } } : {}),
      };
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else printHuman(log, expected);
    return log.check.intact && (!expected || expected.at) ? 0 : 1;
  } finally {
    engine.close();
  }
}
