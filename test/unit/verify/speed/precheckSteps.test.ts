/** Events checked ahead on worker threads (or in-thread) over byte ranges give byte-identical runtime-steps outcomes. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonlFileRecords } from '../../../../electron/engine/verify/jsonlFileRecords';
import { nodeHash } from '../../../../electron/engine/verify/nodeHash';
import {
  defaultStepWorkerFile,
  lineRanges,
  precheckSteps,
} from '../../../../electron/engine/verify/precheckSteps';
import { stepRunner } from '../../../../electron/engine/verify/stepRunner';
import type { ResolvedKeys, VerifyContext } from '../../../../shared/verify/profile';
import type { CheckedStepsFile } from '../../../../shared/verify/runtimeSteps/checkedFile';
import { runtimeStepsProfile } from '../../../../shared/verify/runtimeSteps/profile';
import { bundleEntry } from '../../../helpers/bundle';
import { scratchDir } from '../../../helpers/scratchDir';

const DIR = 'test/fixtures/runtime-steps';
const FILES = [
  `${DIR}/steps/tnt_ember.jsonl`,
  ...readdirSync(`${DIR}/tampered`)
    .filter((f) => f.startsWith('tnt_') && f.endsWith('.jsonl'))
    .map((f) => `${DIR}/tampered/${f}`),
];
const KEY = Uint8Array.from(Buffer.from(readFileSync(`${DIR}/keys/hmac-key.hex`, 'utf8').trim(), 'hex'));
const KEYRINGS: ResolvedKeys['hmac'][] = [
  [{ id: 'right', key: KEY }],
  [
    { id: 'wrong', key: new TextEncoder().encode('guessed-runtime-key-0000') },
    { id: 'right', key: KEY },
  ],
  [],
  // A window that leaves some events out: key_outside_validity findings.
  [{ id: 'windowed', key: KEY, validUntil: '2025-03-01T09:00:00.000Z' }],
];

function verify(path: string, hmac: ResolvedKeys['hmac'], prechecked?: CheckedStepsFile): string {
  const ctx: VerifyContext = {
    hash: nodeHash,
    keys: { hmac, ed25519: [] },
    anchors: [],
    ...(prechecked ? { prechecked: new Map([[path, prechecked]]) } : {}),
  };
  return JSON.stringify(
    runtimeStepsProfile.verify([{ path, container: 'jsonl', records: jsonlFileRecords(path) }], ctx),
  );
}

async function prechecked(
  path: string,
  hmac: ResolvedKeys['hmac'],
  workerFile: string | null,
  rangeBytes: number,
): Promise<CheckedStepsFile> {
  const runner = stepRunner(workerFile);
  try {
    return await precheckSteps(path, hmac, runner, rangeBytes);
  } finally {
    await runner.close();
  }
}

describe('precheckSteps', () => {
  const dir = scratchDir('cf-precheck');

  it.each(FILES)('in-thread ranges of 4 KiB give the outcome of %s', async (path) => {
    expect(lineRanges(path, readFileSync(path).length, 4096).length).toBeGreaterThan(2);
    for (const hmac of KEYRINGS)
      expect(verify(path, hmac, await prechecked(path, hmac, null, 4096))).toBe(verify(path, hmac));
  });

  it('keeps a run as count and head only when nothing is reported on it, and every other run whole', async () => {
    for (const path of [FILES[0] ?? '', `${DIR}/tampered/tnt_ember.edit-field.jsonl`]) {
      const hmac = KEYRINGS[0] ?? [];
      const checked = await prechecked(path, hmac, null, 4096);
      const whole = [...checked.runs].filter(([, r]) => Array.isArray(r)).map(([id]) => id);
      const [outcome] = JSON.parse(verify(path, hmac)) as { findings: { chain?: string }[] }[];
      const reported = new Set(outcome?.findings.map((f) => f.chain));
      expect(whole.length).toBeGreaterThan(0);
      expect(whole.sort()).toEqual([...reported].sort());
    }
  });

  it('the bundled worker gives the same outcome', async () => {
    const workerFile = defaultStepWorkerFile(`file://${process.cwd()}/${await bundleEntry('cli')}`);
    for (const path of FILES.slice(0, 4)) {
      const hmac = KEYRINGS[1] ?? [];
      expect(verify(path, hmac, await prechecked(path, hmac, workerFile, 8192))).toBe(verify(path, hmac));
    }
  });

  it('reads odd lines as the whole-file reader does: BOMs, CRLF, blanks, spaces, escapes, bad UTF-8, a torn line', async () => {
    const path = join(dir, 'steps.jsonl');
    const lines = readFileSync(FILES[0] ?? '', 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    const spaced = JSON.stringify(JSON.parse(lines[6] ?? ''), null, 1).replace(/\n/g, ' ');
    const escaped = (lines[7] ?? '').replace('"run_id"', '"run\\u005fid"');
    const body = [
      ...lines.slice(0, 5).map((l) => `${l}\r`),
      '',
      '  \t',
      spaced,
      escaped,
      `\uFEFF${lines[8] ?? ''}`,
      '\uFEFF',
      ...lines.slice(9, 60),
    ].join('\n');
    const bytes = Buffer.concat([
      Buffer.from(`\uFEFF${body}\n`),
      Buffer.from([0x7b, 0x22, 0xe2, 0x82, 0x0a, 0xed, 0xa0, 0x80, 0x22, 0x0d, 0x0a, 0xf0, 0x9f, 0x0a]),
      Buffer.from(`${lines.slice(60, 80).join('\n')}\n{"torn":`),
    ]);
    writeFileSync(path, bytes);
    for (const rangeBytes of [64, 700, 2048, 1 << 20])
      for (const hmac of KEYRINGS.slice(0, 3))
        expect(verify(path, hmac, await prechecked(path, hmac, null, rangeBytes))).toBe(verify(path, hmac));
  });
});
