/**
 * `casefile verify-proof <file> [--expect-count N] [--expect-root HEX] [--json]`: checks inclusion
 * proofs given as AgentMesh get_proof() objects (one or a list) or RFC 9162 proofs. Exit 0 only
 * when there is at least one proof and every proof verifies; 1 otherwise; 2 on usage errors.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseJson } from '../../shared/json/parse';
import { proofExitCode, verifyProofDocument } from '../../shared/verify/run/proofFile';
import { nodeHash } from '../engine/verify/nodeHash';

export function verifyProofCommand(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'expect-count': { type: 'string' },
        'expect-root': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (thrown) {
    process.stderr.write(
      `casefile verify-proof: ${thrown instanceof Error ? thrown.message : String(thrown)}\n`,
    );
    return 2;
  }
  const { values, positionals } = parsed;
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    process.stderr.write('casefile verify-proof: name exactly one proof file\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (thrown) {
    process.stderr.write(
      `casefile verify-proof: ${file}: ${thrown instanceof Error ? thrown.message : String(thrown)}\n`,
    );
    return 2;
  }
  const doc = parseJson(text, { allowNonFinite: true });
  if (!doc.ok) {
    process.stderr.write(
      `casefile verify-proof: ${file}: not JSON (${doc.error.message} at offset ${doc.error.offset})\n`,
    );
    return 2;
  }
  const count = values['expect-count'];
  const root = values['expect-root'];
  if (count !== undefined && !/^\d+$/.test(count)) {
    process.stderr.write(`casefile verify-proof: --expect-count must be a whole number\n`);
    return 2;
  }
  if (root !== undefined && !/^[0-9a-fA-F]{64}$/.test(root)) {
    process.stderr.write(`casefile verify-proof: --expect-root must be 64 hex digits\n`);
    return 2;
  }
  const agentmesh = {
    ...(count !== undefined ? { entryCount: Number(count) } : {}),
    ...(root !== undefined ? { root: root.toLowerCase() } : {}),
  };
  const report = verifyProofDocument(doc.value, { hash: nodeHash, agentmesh });
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    for (const r of report.results) {
      const what = r.entryId ?? (r.entryIndex !== undefined ? `entry ${r.entryIndex}` : `proof ${r.index}`);
      process.stdout.write(
        `${r.ok ? '✓' : '✗'} ${r.kind} ${what}${r.reasons.length ? `: ${r.reasons.join('; ')}` : ''}\n`,
      );
      for (const n of r.notes) process.stdout.write(`    note: ${n}\n`);
    }
  }
  return proofExitCode(report);
}
