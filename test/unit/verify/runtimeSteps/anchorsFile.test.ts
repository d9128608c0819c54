import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../../shared/json/parse';
import {
  isRuntimeStepsAnchors,
  runtimeStepsAnchors,
} from '../../../../shared/verify/runtimeSteps/anchorsFile';
import { RS } from './fixtures';

const text = readFileSync(`${RS}/anchors.json`, 'utf8');

describe('runtime-steps anchors.json converter', () => {
  it('gives one anchor per run, with its tenant and file, and the published totals add up', () => {
    const doc = JSON.parse(text) as { total_events: number; total_runs: number };
    const r = runtimeStepsAnchors(doc);
    if (!r.ok) throw new Error(r.error);
    expect(r.anchors.length).toBe(doc.total_runs);
    expect(r.anchors.reduce((n, a) => n + (a.count ?? 0), 0)).toBe(doc.total_events);
    expect(r.anchors[0]).toEqual({
      chain: 'run_a4bc4f00977a6c9be4a0',
      count: 10,
      head: '344056ee85b017f58df534603ea23543b09c9a48094972fce6197dd7ce636901',
      tenant: 'tnt_bluefin',
      file: 'steps/tnt_bluefin.jsonl',
    });
  });

  it('reads a losslessly parsed document the same way', () => {
    const parsed = parseJson(text);
    expect(parsed.ok && runtimeStepsAnchors(parsed.value)).toEqual(
      runtimeStepsAnchors(JSON.parse(text) as unknown),
    );
  });

  it('refuses other documents and runs without a count or head', () => {
    expect(isRuntimeStepsAnchors({ producer: 'meshguard', runs: [] })).toBe(false);
    const r = runtimeStepsAnchors({ producer: 'runtime-steps', runs: [{ run_id: 'r1' }, {}] });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatch(/runs\[0\] \(r1\) has no event_count or head_hash; runs\[1\] has no run_id/);
  });
});
