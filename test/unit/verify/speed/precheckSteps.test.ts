/** Events checked ahead on worker threads (or in-thread) give byte-identical runtime-steps outcomes. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonlFileRecords } from '../../../../electron/engine/verify/jsonlFileRecords';
import { nodeHash } from '../../../../electron/engine/verify/nodeHash';
import {
  defaultStepWorkerFile,
  lineRanges,
  precheckSteps,
} from '../../../../electron/engine/verify/precheckSteps';
import type { ResolvedKeys, VerifyContext } from '../../../../shared/verify/profile';
import { runtimeStepsProfile } from '../../../../shared/verify/runtimeSteps/profile';
import { bundleEntry } from '../../../helpers/bundle';

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
];

function verify(path: string, hmac: ResolvedKeys['hmac'], prechecked?: VerifyContext['prechecked']): string {
  const ctx: VerifyContext = {
    hash: nodeHash,
    keys: { hmac, ed25519: [] },
    anchors: [],
    ...(prechecked ? { prechecked } : {}),
  };
  return JSON.stringify(
    runtimeStepsProfile.verify([{ path, container: 'jsonl', records: jsonlFileRecords(path) }], ctx),
  );
}

async function answered(
  path: string,
  hmac: ResolvedKeys['hmac'],
  workerFile: string | null,
): Promise<{ share: number; outcome: string }> {
  const lookup = await precheckSteps(path, hmac, workerFile, 4096);
  const records = [...jsonlFileRecords(path)];
  const share = records.filter((r) => lookup(r) !== undefined).length / records.length;
  return { share, outcome: verify(path, hmac, new Map([[path, lookup]])) };
}

describe('precheckSteps', () => {
  it.each(FILES)('in-thread ranges of 4 KiB answer for every record of %s, same outcome', async (path) => {
    expect(lineRanges(path, readFileSync(path).length, 4096).length).toBeGreaterThan(2);
    for (const hmac of KEYRINGS) {
      const got = await answered(path, hmac, null);
      expect(got.share).toBe(1);
      expect(got.outcome).toBe(verify(path, hmac));
    }
  });

  it('the bundled worker gives the same outcome', async () => {
    const workerFile = defaultStepWorkerFile(`file://${process.cwd()}/${await bundleEntry('cli')}`);
    for (const path of FILES.slice(0, 3)) {
      const got = await answered(path, KEYRINGS[1] ?? [], workerFile);
      expect(got.share).toBe(1);
      expect(got.outcome).toBe(verify(path, KEYRINGS[1] ?? []));
    }
  });

  it('answers nothing for records read differently, which the profile then checks itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-precheck-'));
    const path = join(dir, 'steps.jsonl');
    const lines = readFileSync(FILES[0] ?? '', 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    writeFileSync(
      path,
      `\uFEFF${lines.slice(0, 5).join('\r\n')}\n\n  \n${lines.slice(5, 40).join('\n')}\n{"torn":`,
    );
    const lookup = await precheckSteps(path, KEYRINGS[0] ?? [], null, 2048);
    const records = [...jsonlFileRecords(path)];
    expect(records.every((r) => lookup(r) !== undefined)).toBe(true);
    const shifted = records.map((r) => ({ ...r, line: (r.line ?? 0) + 1 }));
    expect(shifted.some((r) => lookup(r) !== undefined)).toBe(false);
    expect(verify(path, KEYRINGS[0] ?? [], new Map([[path, lookup]]))).toBe(verify(path, KEYRINGS[0] ?? []));
  });
});
