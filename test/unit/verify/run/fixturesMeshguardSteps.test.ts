/**
 * Orchestrator end to end on the real meshguard and runtime-steps tampered fixtures, through the
 * producers' own profiles and through the shipped user-defined profiles: the same diagnosis.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCustomProfile } from '../../../../shared/verify/custom/profile';
import { parseCustomProfileText } from '../../../../shared/verify/custom/schema';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import { meshguardAnchors } from '../../../../shared/verify/meshguard/anchorsFile';
import { meshguardCloudEventsProfile } from '../../../../shared/verify/meshguard/cloudEvents';
import { meshguardProfile } from '../../../../shared/verify/meshguard/profile';
import type { Profile, ResolvedKeys } from '../../../../shared/verify/profile';
import { verifyArchive } from '../../../../shared/verify/run/verifyArchive';
import { runtimeStepsAnchors } from '../../../../shared/verify/runtimeSteps/anchorsFile';
import { runtimeStepsCloudEventsProfile } from '../../../../shared/verify/runtimeSteps/cloudEvents';
import { runtimeStepsProfile } from '../../../../shared/verify/runtimeSteps/profile';
import type { ChainAnchor, FileReport } from '../../../../shared/verify/types';
import { meshguardKeys, runtimeStepsKeys } from '../custom/context';
import { loadJsonlSource } from '../helpers';
import { MESHGUARD_CASES, RUNTIME_STEPS_CASES } from './expectedDiagnoses';
import { expectDiagnosis } from './truthDiagnosis';

function anchorsOf(
  convert: (doc: unknown) => { ok: true; anchors: ChainAnchor[] } | { ok: false; error: string },
  path: string,
): ChainAnchor[] {
  const converted = convert(JSON.parse(readFileSync(path, 'utf8')));
  if (!converted.ok) throw new Error(converted.error);
  return converted.anchors;
}
const MG_ANCHORS = anchorsOf(meshguardAnchors, 'test/fixtures/meshguard/anchors.json');
const RS_ANCHORS = anchorsOf(runtimeStepsAnchors, 'test/fixtures/runtime-steps/anchors.json');

/** The intact tnt_ember file already has a run written out of order (ground-truth.json out_of_order_runs). */
const BASELINE = (
  JSON.parse(readFileSync('test/fixtures/runtime-steps/ground-truth.json', 'utf8')) as {
    out_of_order_runs: { run_id: string; file: string }[];
  }
).out_of_order_runs
  .filter((r) => r.file === 'steps/tnt_ember.jsonl')
  .map((r) => r.run_id);

function shipped(name: string): Profile {
  const parsed = parseCustomProfileText(readFileSync(`test/fixtures/profiles/${name}.json`, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return createCustomProfile(parsed.spec);
}

function report(
  path: string,
  profile: Profile,
  asPath: string,
  keys: ResolvedKeys,
  anchors: ChainAnchor[],
): FileReport {
  const ctx = { hash: nobleHash, keys, anchors };
  const [r] = verifyArchive([loadJsonlSource(path, asPath)], profile, ctx, {
    sha256ByPath: {},
    producer: profile.id,
  });
  const withoutBaseline = (r as FileReport).diagnosis.filter(
    (d) => !(d.what === 'reordering' && BASELINE.includes(d.chain ?? '')),
  );
  return { ...(r as FileReport), diagnosis: withoutBaseline };
}

describe('meshguard tampered fixtures through the meshguard profiles', () => {
  for (const [path, expected] of Object.entries(MESHGUARD_CASES)) {
    const ce = path.includes('/cloudevents-');
    it(`${path.split('/').pop()}: ${expected.what.join(', ')}`, () => {
      const profile = ce ? meshguardCloudEventsProfile : meshguardProfile;
      const asPath = ce ? 'cloudevents/2024-03-16.jsonl' : 'audit/2024-03-16.jsonl';
      expectDiagnosis(path, report(path, profile, asPath, meshguardKeys(), MG_ANCHORS), expected);
    });
  }
});

describe('meshguard audit fixtures through the shipped custom profile give the same diagnosis', () => {
  const custom = shipped('meshguard');
  for (const [path, expected] of Object.entries(MESHGUARD_CASES).filter(
    ([p]) => !p.includes('/cloudevents-'),
  )) {
    it(`${path.split('/').pop()}: ${expected.what.join(', ')}`, () => {
      expectDiagnosis(
        path,
        report(path, custom, 'audit/2024-03-16.jsonl', meshguardKeys(), MG_ANCHORS),
        expected,
      );
    });
  }
});

describe('runtime-steps tampered fixtures through the runtime-steps profiles', () => {
  for (const [path, expected] of Object.entries(RUNTIME_STEPS_CASES)) {
    const ce = path.includes('/cloudevents-');
    it(`${path.split('/').pop()}: ${expected.what.join(', ') || 'a notice only'}`, () => {
      const profile = ce ? runtimeStepsCloudEventsProfile : runtimeStepsProfile;
      const asPath = ce ? 'cloudevents/tnt_ember.jsonl' : 'steps/tnt_ember.jsonl';
      expectDiagnosis(path, report(path, profile, asPath, runtimeStepsKeys(), RS_ANCHORS), expected);
    });
  }

  it('a torn line: one edit; the run one record short and the break after it follow from it', () => {
    const path = Object.keys(RUNTIME_STEPS_CASES).find((p) => p.endsWith('torn-line.jsonl')) as string;
    const r = report(path, runtimeStepsProfile, 'steps/tnt_ember.jsonl', runtimeStepsKeys(), RS_ANCHORS);
    expect(r.findings.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['parse_error', 'chain_break', 'anchor_count_mismatch']),
    );
    expect(r.diagnosis.map((d) => d.what)).toEqual(['edit']);
  });
});

describe('runtime-steps fixtures through the shipped custom profile give the same diagnosis', () => {
  const custom = shipped('runtime-steps');
  // All 200 published runs: the custom profile applies only those published for this file.
  for (const [path, expected] of Object.entries(RUNTIME_STEPS_CASES).filter(
    ([p]) => !p.includes('/cloudevents-'),
  )) {
    it(`${path.split('/').pop()}: ${expected.what.join(', ') || 'a notice only'}`, () => {
      expectDiagnosis(
        path,
        report(path, custom, 'steps/tnt_ember.jsonl', runtimeStepsKeys(), RS_ANCHORS),
        expected,
      );
    });
  }
});
