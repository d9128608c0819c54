/**
 * Hostile input never crashes: random lines through every shipped custom profile and the
 * orchestrator, random finding lists through diagnose (every tampering finding explained),
 * random documents through verify-proof, random text through the signed-note parser.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../../shared/json/parse';
import { createCustomProfile } from '../../../../shared/verify/custom/profile';
import { parseCustomProfile, parseCustomProfileText } from '../../../../shared/verify/custom/schema';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import type { VerifyRecord } from '../../../../shared/verify/profile';
import { diagnose } from '../../../../shared/verify/run/diagnose';
import { verifyProofDocument } from '../../../../shared/verify/run/proofFile';
import { isTamperingFinding } from '../../../../shared/verify/run/verdict';
import { verifyArchive } from '../../../../shared/verify/run/verifyArchive';
import { verifyCheckpoint } from '../../../../shared/verify/standards/checkpoint';
import { parseSignedNote } from '../../../../shared/verify/standards/signedNote';
import { FINDING_KINDS, type Finding } from '../../../../shared/verify/types';

const PROFILES = ['gantz', 'agentmesh-sink', 'meshguard', 'runtime-steps'].map((name) => {
  const parsed = parseCustomProfileText(readFileSync(`test/fixtures/profiles/${name}.json`, 'utf8'));
  if (!parsed.ok) throw new Error(name);
  return createCustomProfile(parsed.spec);
});

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
/** Lines that are sometimes valid records with chain-like fields, sometimes garbage. */
const line = fc.oneof(
  fc.string(),
  fc.json(),
  fc
    .record({
      run_id: fc.constantFrom('r1', 'r2'),
      prev: fc.oneof(hex64, fc.constant('0'.repeat(64))),
      hash: hex64,
      sig: fc.oneof(hex64, fc.string()),
      previous_hash: fc.oneof(hex64, fc.constant(''), fc.constant(null)),
      event_hash: hex64,
      content_hash: hex64,
      signature: fc.string(),
      integrity: fc.record({ prev: hex64, hash: hex64, sig: fc.string(), key_id: fc.string() }),
      timestamp: fc.oneof(fc.string(), fc.integer()),
    })
    .map((o) => JSON.stringify(o)),
);

const finding: fc.Arbitrary<Finding> = fc
  .record({
    kind: fc.constantFrom(...FINDING_KINDS),
    entryIndex: fc.option(fc.nat(30), { nil: undefined }),
    chain: fc.option(fc.constantFrom('*', 'a.jsonl', 'run_1', 'run_2'), { nil: undefined }),
    detail: fc.constant('random'),
    expected: fc.option(fc.oneof(fc.nat(40).map(String), hex64), { nil: undefined }),
    actual: fc.option(
      fc.oneof(
        fc.nat(40).map(String),
        hex64,
        hex64.map((h) => JSON.stringify(h)),
      ),
      { nil: undefined },
    ),
  })
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as unknown as Finding);

describe('robustness', () => {
  it('random JSONL through every shipped profile and the orchestrator: reports, never exceptions', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const records: VerifyRecord[] = lines.map((text, i) => ({ entryIndex: i, line: i + 1, text }));
        for (const profile of PROFILES) {
          const keys = {
            hmac: [{ id: 'k', key: new Uint8Array(32) }],
            ed25519: [{ id: 'e', publicKey: new Uint8Array(32) }],
          };
          const ctx = {
            hash: nobleHash,
            keys,
            anchors: [
              { chain: '*', count: 3, head: 'ab' },
              { chain: 'r1', count: 2 },
            ],
          };
          const [report] = verifyArchive([{ path: 'f.jsonl', container: 'jsonl', records }], profile, ctx, {
            sha256ByPath: {},
            producer: profile.id,
          });
          expect(report?.unverifiableReason ?? '').not.toMatch(/profile failed/);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('random findings: diagnose explains every tampering finding and never throws', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 15 }), fc.nat(40), (findings, records) => {
        const ds = diagnose(findings, { records });
        if (findings.some(isTamperingFinding)) expect(ds.length).toBeGreaterThan(0);
        for (const d of ds) expect(d.reasoning.length).toBeGreaterThan(10);
      }),
      { numRuns: 400 },
    );
  });

  it('random documents through verify-proof and random profile files through the schema', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const parsed = parseJson(text);
        if (!parsed.ok) return;
        const report = verifyProofDocument(parsed.value, { hash: nobleHash });
        expect(report.allVerified).toBe(false);
        expect(parseCustomProfile(JSON.parse(text)).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('random text through the signed-note and checkpoint parsers', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        parseSignedNote(text);
        expect(verifyCheckpoint(`${text}\n\n\u2014 a ${text}\n`, []).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
