/**
 * `casefile verify <files...>`: offline verification exactly as each producer hashed and signed.
 * Stable contract (docs/cli.md): exit 0 all intact, 1 any tampered, 2 could not verify; `--json`
 * prints {"files":[FileReport…]}.
 */
import { parseArgs } from 'node:util';
import { createCustomProfile } from '../../shared/verify/custom/profile';
import { parseCustomProfileText } from '../../shared/verify/custom/schema';
import type { Profile } from '../../shared/verify/profile';
import { verdictExitCode } from '../../shared/verify/run/verdict';
import type { FileReport, Finding } from '../../shared/verify/types';
import { runVerify } from '../engine/verify/runVerify';
import { loadAnchors, loadKeys, readText, type Loaded } from '../engine/verify/verifyOptions';

export const VERIFY_OPTIONS = {
  producer: { type: 'string' },
  profile: { type: 'string' },
  'hmac-key': { type: 'string' },
  'hmac-key-hex': { type: 'string' },
  'hmac-key-file': { type: 'string' },
  'public-key': { type: 'string', multiple: true },
  keyring: { type: 'string' },
  anchors: { type: 'string' },
  /** A C2SP checkpoint file as the published anchor, with the note verifier key(s) that must have signed it. */
  checkpoint: { type: 'string' },
  'checkpoint-key': { type: 'string', multiple: true },
  'expect-count': { type: 'string' },
  'expect-root': { type: 'string' },
  'expect-head': { type: 'string' },
  'expect-first-prev': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

function where(f: Finding): string {
  return [
    f.line !== undefined ? `line ${f.line}` : undefined,
    f.entryIndex !== undefined ? `entry ${f.entryIndex}` : undefined,
    f.field ? `field ${f.field}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}

/** Consecutive findings of one kind and detail collapse to one line for people; --json keeps each. */
function printFindings(findings: Finding[]): void {
  for (let i = 0; i < findings.length;) {
    const f = findings[i] as Finding;
    let j = i + 1;
    while (j < findings.length && findings[j]?.kind === f.kind && findings[j]?.detail === f.detail) j++;
    const last = findings[j - 1] as Finding;
    const span =
      j - i > 1 ? ` (${where(f)} … ${where(last)}: ${j - i} records)` : where(f) ? ` (${where(f)})` : '';
    process.stdout.write(`    ${f.kind}${span}: ${f.detail}\n`);
    i = j;
  }
}

function printHuman(reports: FileReport[]): void {
  for (const r of reports) {
    const mark = r.verdict === 'intact' ? '✓' : r.verdict === 'tampered' ? '✗' : '?';
    process.stdout.write(
      `${mark} ${r.path}: ${r.verdict.toUpperCase()} (${r.producer}, ${r.records} records)${r.unverifiableReason ? ` — ${r.unverifiableReason}` : ''}\n`,
    );
    printFindings(r.findings);
    for (const d of r.diagnosis) process.stdout.write(`    ⇒ ${d.what}: ${d.reasoning}\n`);
    const against = [...(r.verifiedAgainst?.keys ?? []), ...(r.verifiedAgainst?.anchors ?? [])];
    if (against.length > 0) process.stdout.write(`    verified against: ${against.join('; ')}\n`);
    if (r.coverage.uncoveredFields.length > 0)
      process.stdout.write(
        `    not covered by any hash or signature: ${r.coverage.uncoveredFields.join(', ')}\n`,
      );
    if (r.coverage.needsAnchorFor.length > 0)
      process.stdout.write(
        `    only a published anchor could reveal: ${r.coverage.needsAnchorFor.join('; ')}\n`,
      );
  }
}

export async function verifyCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: VERIFY_OPTIONS });
  } catch (thrown) {
    process.stderr.write(`casefile verify: ${thrown instanceof Error ? thrown.message : String(thrown)}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    process.stderr.write('casefile verify: name at least one archive\n');
    return 2;
  }
  const count = values['expect-count'];
  if (count !== undefined && !/^\d+$/.test(count)) {
    process.stderr.write(`casefile verify: --expect-count must be a whole number, got ${count}\n`);
    return 2;
  }
  for (const flag of ['expect-root', 'expect-head'] as const) {
    const v = values[flag];
    if (v !== undefined && !/^[0-9a-fA-F]{64}$/.test(v)) {
      process.stderr.write(`casefile verify: --${flag} must be 64 hex digits\n`);
      return 2;
    }
  }
  const files: Record<string, Loaded<string>> = {};
  const read = (path: string | undefined, what: string): string | undefined => {
    if (path === undefined) return undefined;
    files[path] = readText(path, what);
    const r = files[path];
    return r?.ok ? r.value : undefined;
  };
  const hmacFileText = read(values['hmac-key-file'], 'HMAC key file');
  const publicKeys = (values['public-key'] ?? []).map((label) => ({
    label,
    text: read(label, 'public key file') ?? '',
  }));
  const keyringText = read(values.keyring, 'key ring');
  const anchorsText = read(values.anchors, 'anchors file');
  const profileText = read(values.profile, 'profile file');
  const checkpointText = read(values.checkpoint, 'checkpoint file');
  const unreadable = Object.values(files).find((r) => !r.ok);
  if (unreadable && !unreadable.ok) {
    process.stderr.write(`casefile verify: ${unreadable.message}\n`);
    return 2;
  }
  const keys = loadKeys({
    ...(values['hmac-key'] !== undefined ? { hmacText: values['hmac-key'] } : {}),
    ...(values['hmac-key-hex'] !== undefined ? { hmacHex: values['hmac-key-hex'] } : {}),
    ...(hmacFileText !== undefined ? { hmacFileText } : {}),
    publicKeys,
    ...(keyringText !== undefined && values.keyring
      ? { keyring: { label: values.keyring, text: keyringText } }
      : {}),
  });
  if (!keys.ok) {
    process.stderr.write(`casefile verify: ${keys.message}\n`);
    return 2;
  }
  const anchors = loadAnchors({
    ...(checkpointText !== undefined && values.checkpoint
      ? {
          checkpoint: {
            label: values.checkpoint,
            text: checkpointText,
            verifierKeys: values['checkpoint-key'] ?? [],
          },
        }
      : {}),
    ...(anchorsText !== undefined && values.anchors
      ? { anchors: { label: values.anchors, text: anchorsText } }
      : {}),
    ...(count !== undefined ? { expectCount: Number(count) } : {}),
    ...(values['expect-root'] !== undefined ? { expectRoot: values['expect-root'] } : {}),
    ...(values['expect-head'] !== undefined ? { expectHead: values['expect-head'] } : {}),
    ...(values['expect-first-prev'] !== undefined ? { expectFirstPrev: values['expect-first-prev'] } : {}),
  });
  if (!anchors.ok) {
    process.stderr.write(`casefile verify: ${anchors.message}\n`);
    return 2;
  }
  let profile: Profile | undefined;
  if (profileText !== undefined) {
    const spec = parseCustomProfileText(profileText);
    if (!spec.ok) {
      const detail = spec.errors.map((e) => `${e.field ? `${e.field}: ` : ''}${e.message}`).join('; ');
      process.stderr.write(`casefile verify: ${values.profile}: ${detail}\n`);
      return 2;
    }
    profile = createCustomProfile(spec.spec);
  }
  const reports = await runVerify({
    paths: positionals,
    keys: keys.value,
    anchors: anchors.value,
    ...(values.producer ? { producer: values.producer } : {}),
    ...(profile ? { profile } : {}),
  });
  if (values.json) process.stdout.write(`${JSON.stringify({ files: reports }, null, 2)}\n`);
  else printHuman(reports);
  return verdictExitCode(reports);
}
