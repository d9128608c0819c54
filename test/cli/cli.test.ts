/**
 * The CLI contract (docs/cli.md): flags, exit codes and --json shapes that other tools rely on,
 * run as a real process over real archives.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from '../../shared/verify/types';
import { locateArrayElements } from '../../shared/json/parse';
import { bundleEntry } from '../helpers/bundle';
import { scratchDir } from '../helpers/scratchDir';

const F = 'test/fixtures';
const AGENTMESH_KEY = 'dev-fixtures-agentmesh-hmac-2026-04-k7';
let cli: string;
const dir = scratchDir('casefile-cli');

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function verifyJson(args: string[]): { code: number | null; files: FileReport[] } {
  const r = run(['verify', ...args, '--json']);
  return { code: r.code, files: (JSON.parse(r.stdout) as { files: FileReport[] }).files };
}

beforeAll(async () => {
  cli = await bundleEntry('cli');
});

describe('casefile import --json', () => {
  it('prints the stable report and exits 0', () => {
    const r = run([
      'import',
      join(dir, 'a.duckdb'),
      `${F}/gantz/audit.jsonl`,
      `${F}/runtime-steps/steps/tnt_ember.jsonl`,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const { files } = JSON.parse(r.stdout) as { files: Record<string, unknown>[] };
    expect(files.map((f) => f.path)).toEqual([
      `${F}/gantz/audit.jsonl`,
      `${F}/runtime-steps/steps/tnt_ember.jsonl`,
    ]);
    expect(files.map((f) => [f.producer, f.container, f.records, f.quarantined])).toEqual([
      ['gantz', 'jsonl', 300, 0],
      ['runtime-steps', 'jsonl', 294, 0],
    ]);
    for (const f of files)
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['path', 'sha256', 'producer', 'container', 'records', 'quarantined']),
      );
  });

  it('reports duplicates and exits 0; exits 1 when nothing could be imported; 2 on usage errors', () => {
    const again = run(['import', join(dir, 'a.duckdb'), `${F}/gantz/audit.jsonl`, '--json']);
    expect(again.code).toBe(0);
    const dup = (JSON.parse(again.stdout) as { files: { path: string; duplicateOf?: string }[] }).files[0];
    expect(dup).toMatchObject({
      path: `${F}/gantz/audit.jsonl`,
      duplicateOf: resolve(`${F}/gantz/audit.jsonl`),
    });
    const junk = join(dir, 'junk.txt');
    writeFileSync(junk, 'hello\n');
    const nothing = run(['import', join(dir, 'b.duckdb'), junk, '--json']);
    expect(nothing.code).toBe(1);
    expect(run(['import', join(dir, 'c.duckdb')]).code).toBe(2);
    expect(
      run(['import', join(dir, 'd.duckdb'), `${F}/gantz/audit.jsonl`, '--producer', 'nonsense']).code,
    ).toBe(2);
  });

  it('reports a missing file on its own line and still imports the others', () => {
    const missing = join(dir, 'gone.jsonl');
    const r = run(['import', join(dir, 'missing.duckdb'), missing, `${F}/gantz/audit.jsonl`, '--json']);
    expect(r.code).toBe(0);
    const { files } = JSON.parse(r.stdout) as { files: Record<string, unknown>[] };
    expect(files[0]).toMatchObject({
      path: missing,
      records: 0,
      error: { code: 'NOT_FOUND', message: `${missing} does not exist`, where: { file: missing } },
    });
    expect(files[1]).toMatchObject({ producer: 'gantz', records: 300 });
    const alone = run(['import', join(dir, 'missing-alone.duckdb'), missing]);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toContain(`✗ ${missing}: ${missing} does not exist`);
  });

  it('honours --producer and --mapping', () => {
    const mapping = join(dir, 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        name: 'gantz as unknown',
        version: 1,
        fields: {
          ts: { path: 'timestamp', transform: 'epoch-seconds' },
          event_id: 'event_id',
          action: 'action',
          agent_id: 'agent_id',
        },
      }),
    );
    const r = run([
      'import',
      join(dir, 'm.duckdb'),
      `${F}/gantz/audit.jsonl`,
      '--producer',
      'mapped',
      '--mapping',
      mapping,
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      files: [{ producer: 'mapped', records: 300, quarantined: 0 }],
    });
    const badMapping = join(dir, 'bad-mapping.json');
    writeFileSync(badMapping, '{"name": 1}');
    expect(
      run(['import', join(dir, 'm2.duckdb'), `${F}/gantz/audit.jsonl`, '--mapping', badMapping]).code,
    ).toBe(2);
  });
});

describe('casefile verify', () => {
  it('exits 0 with intact verdicts and the stable shape for intact archives', () => {
    const r = verifyJson([
      `${F}/agentmesh/scenario/audit_trail.jsonl`,
      `${F}/agentmesh/scenario/export.json`,
      '--hmac-key',
      AGENTMESH_KEY,
      '--anchors',
      `${F}/agentmesh/scenario/anchors.json`,
    ]);
    expect(r.code).toBe(0);
    expect(r.files.map((f) => f.verdict)).toEqual(['intact', 'intact']);
    for (const f of r.files) {
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining([
          'path',
          'sha256',
          'producer',
          'records',
          'verdict',
          'coverage',
          'findings',
          'diagnosis',
          'merkleRoot',
          'head',
        ]),
      );
      expect(f.findings).toEqual([]);
    }
    expect(r.files[1]?.merkleRoot).toBe('78dc37e3b3ea89bfbbffbce0a39e3cc70502845653296b95ca7b06acf5e314b7');
  });

  it('exits 1 for a tampered archive, naming every finding with its line and a diagnosis', () => {
    const r = verifyJson([`${F}/agentmesh/tampered/sink.edit-field.jsonl`, '--hmac-key', AGENTMESH_KEY]);
    expect(r.code).toBe(1);
    const [f] = r.files;
    expect(f?.verdict).toBe('tampered');
    expect(f?.findings.length).toBeGreaterThan(0);
    expect(f?.findings.every((x) => typeof x.line === 'number' && typeof x.entryIndex === 'number')).toBe(
      true,
    );
    expect(f?.diagnosis.map((d) => d.what)).toContain('edit');
  });

  it('exits 2 when a signed archive cannot be checked for lack of a key, and says why', () => {
    const r = verifyJson([`${F}/agentmesh/scenario/audit_trail.jsonl`]);
    expect(r.code).toBe(2);
    expect(r.files[0]?.verdict).toBe('unverifiable');
    expect(r.files[0]?.unverifiableReason).toMatch(/key/i);
  });

  it('verifies daily files as one chain and still reports one entry per file', () => {
    const r = verifyJson([
      `${F}/meshguard/audit/2024-03-16.jsonl`,
      `${F}/meshguard/audit/2024-03-14.jsonl`,
      `${F}/meshguard/audit/2024-03-15.jsonl`,
      '--keyring',
      `${F}/meshguard/keys/meshguard-keys.json`,
      '--anchors',
      `${F}/meshguard/anchors.json`,
    ]);
    expect(r.code).toBe(0);
    expect(r.files.map((f) => [f.path.split('/').pop(), f.verdict])).toEqual([
      ['2024-03-16.jsonl', 'intact'],
      ['2024-03-14.jsonl', 'intact'],
      ['2024-03-15.jsonl', 'intact'],
    ]);
  });

  it('takes the one-chain --expect-* shorthand and reports truncation against it', () => {
    const r = verifyJson([`${F}/gantz/tampered/audit.truncated.jsonl`, '--expect-count', '300']);
    expect(r.code).toBe(1);
    expect(r.files[0]?.findings.map((f) => f.kind)).toContain('anchor_count_mismatch');
    expect(r.files[0]?.diagnosis.map((d) => d.what)).toContain('truncation');
  });

  it('calls a cut gzip file unverifiable, saying where it broke, rather than judging part of it', () => {
    const gz = gzipSync(readFileSync(`${F}/gantz/audit.jsonl`));
    const path = join(dir, 'cut-audit.jsonl.gz');
    writeFileSync(path, gz.subarray(0, Math.floor(gz.length / 2)));
    const r = verifyJson([path]);
    expect(r.files[0]).toMatchObject({
      verdict: 'unverifiable',
      unverifiableReason: expect.stringMatching(
        /^gzip: the compressed stream breaks after \d+ decompressed bytes/,
      ),
    });
  });

  it('calls a directory and unreadable Parquet unverifiable with the reason, and still verifies the others', () => {
    const folder = mkdtempSync(join(dir, 'folder-'));
    const cut = join(dir, 'cut.parquet');
    writeFileSync(cut, readFileSync(`${F}/runtime-steps/parquet/steps.parquet`).subarray(0, 3000));
    const r = verifyJson([folder, cut, `${F}/gantz/audit.jsonl`]);
    expect(r.code).toBe(2);
    expect(r.files.map((f) => [f.verdict, f.unverifiableReason ?? null])).toEqual([
      ['unverifiable', 'not a file'],
      ['unverifiable', expect.stringMatching(/^not readable: .*magic bytes/)],
      ['intact', null],
    ]);
  });

  it('refuses malformed flags with exit 2', () => {
    expect(run(['verify']).code).toBe(2);
    expect(run(['verify', `${F}/gantz/audit.jsonl`, '--expect-root', 'xyz']).code).toBe(2);
    expect(run(['verify', `${F}/gantz/audit.jsonl`, '--hmac-key', 'a', '--hmac-key-hex', '00']).code).toBe(2);
    expect(run(['verify', `${F}/gantz/audit.jsonl`, '--anchors', join(dir, 'missing.json')]).code).toBe(2);
  });
});

describe('casefile verify with a user-defined profile', () => {
  it('verifies a producer through a profile file, and names a broken profile field', () => {
    const intact = verifyJson([`${F}/gantz/audit.jsonl`, '--profile', `${F}/profiles/gantz.json`]);
    expect(intact.code).toBe(0);
    const tampered = verifyJson([
      `${F}/gantz/tampered/audit.edit-parameters.jsonl`,
      '--profile',
      `${F}/profiles/gantz.json`,
    ]);
    expect(tampered.code).toBe(1);
    expect(tampered.files[0]?.findings.map((f) => f.kind)).toContain('hash_mismatch');
    const bad = join(dir, 'bad-profile.json');
    writeFileSync(bad, JSON.stringify({ id: 'x', format: 'jsonl', hash: 'md5' }));
    const r = run(['verify', `${F}/gantz/audit.jsonl`, '--profile', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(bad);
  });
});

describe('casefile verify-proof', () => {
  it('exits 0 when every proof verifies against the published root, 1 when any fails', () => {
    const text = readFileSync(`${F}/agentmesh/scenario/proofs.json`, 'utf8');
    const proofs = JSON.parse(text) as {
      proofs: unknown[];
      negative_proofs: unknown[];
      merkle_root: string;
      entry_count: number;
    };
    // Cut the proofs out of the original text: re-serializing through JSON.parse would round the
    // entries' big integers and floats, and the entry hashes would rightly stop matching.
    const located = locateArrayElements(text, 'proofs');
    const slices = located.spans.map((span) => text.slice(span.start, span.end));
    const good = join(dir, 'good-proofs.json');
    writeFileSync(good, `[${slices.join(',')}]`);
    const anchored = [
      '--expect-root',
      proofs.merkle_root,
      '--expect-count',
      String(proofs.entry_count),
      '--json',
    ];
    const ok = run(['verify-proof', good, ...anchored]);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { results: unknown[] }).results).toHaveLength(proofs.proofs.length);
    const bad = join(dir, 'bad-proofs.json');
    writeFileSync(bad, JSON.stringify(proofs.negative_proofs.slice(0, 1)));
    expect(run(['verify-proof', bad, ...anchored]).code).toBe(1);
    expect(run(['verify-proof']).code).toBe(2);
  });
});

describe('casefile verify against a C2SP checkpoint', () => {
  // A log operator's checkpoint over the agentmesh log (its Merkle root), signed with a note key.
  const name = 'log.example/agentmesh';
  const secret = new Uint8Array(32).fill(7);
  const pub = ed25519.getPublicKey(secret);
  const keyId = createHash('sha256')
    .update(Buffer.concat([Buffer.from(name), Buffer.from([0x0a, 0x01]), Buffer.from(pub)]))
    .digest()
    .subarray(0, 4);
  const vkey = `${name}+${keyId.toString('hex')}+${Buffer.from(Uint8Array.of(1, ...pub)).toString('base64')}`;
  function checkpoint(size: number, rootHex: string): string {
    const body = `${name}\n${size}\n${Buffer.from(rootHex, 'hex').toString('base64')}\n`;
    const sig = ed25519.sign(new Uint8Array(Buffer.from(body)), secret);
    const path = join(dir, `checkpoint-${size}.txt`);
    writeFileSync(
      path,
      `${body}\n\u2014 ${name} ${Buffer.concat([keyId, Buffer.from(sig)]).toString('base64')}\n`,
    );
    return path;
  }
  const ROOT = '78dc37e3b3ea89bfbbffbce0a39e3cc70502845653296b95ca7b06acf5e314b7';

  it('anchors the export to a verified checkpoint, and catches a log that disagrees', () => {
    const good = verifyJson([
      `${F}/agentmesh/scenario/export.json`,
      '--checkpoint',
      checkpoint(600, ROOT),
      '--checkpoint-key',
      vkey,
    ]);
    expect(good.code).toBe(0);
    expect(good.files[0]?.verifiedAgainst?.anchors.join(' ')).toMatch(/count, root/);
    const rechained = verifyJson([
      `${F}/agentmesh/tampered/export.insert-rechained.json`,
      '--checkpoint',
      checkpoint(600, ROOT),
      '--checkpoint-key',
      vkey,
    ]);
    expect(rechained.code).toBe(1);
    expect(rechained.files[0]?.findings.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['anchor_root_mismatch', 'anchor_count_mismatch']),
    );
  });

  it('refuses a checkpoint whose signature does not verify with the given key', () => {
    const path = checkpoint(600, ROOT);
    const otherKey = vkey.replace(/\+[0-9a-f]{8}\+/, '+00000000+');
    expect(
      run([
        'verify',
        `${F}/agentmesh/scenario/export.json`,
        '--checkpoint',
        path,
        '--checkpoint-key',
        otherKey,
      ]).code,
    ).toBe(2);
    expect(run(['verify', `${F}/agentmesh/scenario/export.json`, '--checkpoint', path]).code).toBe(2);
  });
});

describe('casefile verify across families', () => {
  it("applies a producer's published anchors only to that producer's archives", () => {
    const r = verifyJson([
      `${F}/gantz/audit.jsonl`,
      `${F}/meshguard/audit/2024-03-16.jsonl`,
      '--anchors',
      `${F}/meshguard/anchors.json`,
      '--keyring',
      `${F}/meshguard/keys/meshguard-keys.json`,
    ]);
    expect(r.files.map((f) => f.verdict)).toEqual(['intact', 'intact']);
    expect(r.files[0]?.verifiedAgainst?.anchors).toEqual([]);
  });

  it('cross-checks a SIEM projection against the audit files given with it', () => {
    const audit = [
      `${F}/meshguard/audit/2024-03-14.jsonl`,
      `${F}/meshguard/audit/2024-03-15.jsonl`,
      `${F}/meshguard/audit/2024-03-16.jsonl`,
    ];
    const keyring = ['--keyring', `${F}/meshguard/keys/meshguard-keys.json`];
    const alone = verifyJson([`${F}/meshguard/siem/2024-03-16.jsonl`]);
    expect(alone.files[0]?.verdict).toBe('unverifiable');
    const edited = verifyJson([
      `${F}/meshguard/tampered/siem-2024-03-16.edit-field.jsonl`,
      ...audit,
      ...keyring,
    ]);
    expect(edited.code).toBe(1);
    expect(edited.files[0]?.findings).toEqual([
      expect.objectContaining({ kind: 'envelope_mismatch', line: 88, field: 'meshguard.decision' }),
    ]);
    expect(edited.files.slice(1).map((f) => f.verdict)).toEqual(['intact', 'intact', 'intact']);
  });
});
