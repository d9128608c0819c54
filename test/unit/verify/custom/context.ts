/** Shared setup for the custom-profile tests: the shipped profile files, keys and anchors of the fixtures. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseJson } from '../../../../shared/json/parse';
import { createCustomProfile } from '../../../../shared/verify/custom/profile';
import { parseCustomProfileText } from '../../../../shared/verify/custom/schema';
import { gantzAnchorsFromPublished } from '../../../../shared/verify/gantz/anchorsFile';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import { parseKeyRing } from '../../../../shared/verify/keys/keyRing';
import { meshguardAnchors } from '../../../../shared/verify/meshguard/anchorsFile';
import type {
  FileOutcome,
  Profile,
  ResolvedKeys,
  VerifyContext,
  VerifySource,
} from '../../../../shared/verify/profile';
import type { ChainAnchor, Finding, FindingKind } from '../../../../shared/verify/types';

export const NO_KEYS: ResolvedKeys = { hmac: [], ed25519: [] };

export function shippedProfile(name: string): Profile {
  const parsed = parseCustomProfileText(readFileSync(`test/fixtures/profiles/${name}.json`, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return createCustomProfile(parsed.spec);
}

export function ctx(keys: ResolvedKeys = NO_KEYS, anchors: ChainAnchor[] = []): VerifyContext {
  return { hash: nobleHash, keys, anchors };
}

/** Runs a profile and returns the outcome of the file at `index` (default: the last one). */
export function outcome(
  profile: Profile,
  sources: VerifySource[],
  context: VerifyContext,
  index = -1,
): FileOutcome {
  const outs = profile.verify(sources, context);
  expect(outs).toHaveLength(sources.length);
  return outs.at(index) as FileOutcome;
}

export function kinds(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.kind}@${f.entryIndex ?? f.chain ?? '-'}`);
}

export function only(findings: readonly Finding[], kind: FindingKind): Finding[] {
  return findings.filter((f) => f.kind === kind);
}

// Keys as the fixtures' MANIFESTs and key files give them.
export const AGENTMESH_KEYS: ResolvedKeys = {
  hmac: [{ id: 'dev-fixtures', key: new TextEncoder().encode('dev-fixtures-agentmesh-hmac-2026-04-k7') }],
  ed25519: [],
};

export function meshguardKeys(): ResolvedKeys {
  const ring = parseKeyRing(readFileSync('test/fixtures/meshguard/keys/meshguard-keys.json', 'utf8'));
  if (!ring.ok) throw new Error(ring.error);
  return ring.value;
}

export function runtimeStepsKeys(): ResolvedKeys {
  const ring = parseKeyRing(readFileSync('test/fixtures/runtime-steps/keys/hmac-key.json', 'utf8'));
  if (!ring.ok) throw new Error(ring.error);
  return ring.value;
}

export function gantzAnchors(): ChainAnchor[] {
  const doc = parseJson(readFileSync('test/fixtures/gantz/anchors.json', 'utf8'));
  if (!doc.ok) throw new Error(doc.error.message);
  const converted = gantzAnchorsFromPublished(doc.value);
  if (!converted.ok) throw new Error(converted.reason);
  return converted.anchors;
}

export function meshguardFileAnchors(): ChainAnchor[] {
  const converted = meshguardAnchors(
    JSON.parse(readFileSync('test/fixtures/meshguard/anchors.json', 'utf8')),
  );
  if (!converted.ok) throw new Error(converted.error);
  return converted.anchors;
}

/** runtime-steps anchors.json `runs` of one file, as per-run anchors (formats/runtime-steps.md §9). */
export function runtimeStepsRunAnchors(file: string): ChainAnchor[] {
  const doc = JSON.parse(readFileSync('test/fixtures/runtime-steps/anchors.json', 'utf8')) as {
    runs: { run_id: string; file: string; event_count: number; head_hash: string }[];
  };
  return doc.runs
    .filter((r) => r.file === file)
    .map((r) => ({ chain: r.run_id, count: r.event_count, head: r.head_hash }));
}
