/** The integrity panel's pure logic on real reports: counts by kind, folded runs, trust wording, the verify request. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArchiveVerification } from '../../../shared/contract/model';
import { requestSchemas } from '../../../shared/contract/api';
import { agentmeshSinkProfile } from '../../../shared/verify/agentmesh/sinkProfile';
import { gantzProfile } from '../../../shared/verify/gantz/profile';
import { nobleHash } from '../../../shared/verify/hashNoble';
import { parseEd25519PublicKey } from '../../../shared/verify/keys/ed25519Key';
import type { Profile } from '../../../shared/verify/profile';
import { verifyArchive } from '../../../shared/verify/run/verifyArchive';
import type { FileReport, Finding } from '../../../shared/verify/types';
import {
  countByKind,
  evidenceCount,
  groupFindings,
  groupLocation,
} from '../../../renderer/src/integrity/findingGroups';
import {
  isSelfConsistentOnly,
  trustStatement,
  verificationHow,
} from '../../../renderer/src/integrity/trustWording';
import {
  buildVerifyRequest,
  EMPTY_VERIFY_FORM,
  guessHmacEncoding,
  splitPublicKeys,
} from '../../../renderer/src/integrity/verifyRequest';
import { loadJsonlSource, truthFor, TRUTH_KIND_MAP } from '../verify/helpers';

const GANTZ = 'test/fixtures/gantz';
const MG_KEYS = 'test/fixtures/meshguard/keys';

/** Verifies one JSONL fixture with no keys and no anchors, as the import's self-check does. */
function selfCheck(path: string, profile: Profile): FileReport {
  const [report] = verifyArchive(
    [loadJsonlSource(path)],
    profile,
    { hash: nobleHash, keys: { hmac: [], ed25519: [] }, anchors: [] },
    { sha256ByPath: { [path]: '0'.repeat(64) }, producer: profile.id },
  );
  if (!report) throw new Error(`no report for ${path}`);
  return report;
}

describe('findings by kind and folded runs', () => {
  it('counts the edited gantz fixture as its truth says: one hash mismatch, no chain break', () => {
    const path = `${GANTZ}/tampered/audit.edit-parameters.jsonl`;
    const report = selfCheck(path, gantzProfile);
    const truth = truthFor(path).must_report.map((t) => TRUTH_KIND_MAP[t.kind]);
    expect(countByKind(report.findings)).toEqual([['hash_mismatch', truth.length]]);
    expect(evidenceCount(report.findings)).toBe(truth.length);
    const [group] = groupFindings(report.findings);
    expect(group && groupLocation(group)).toBe(`line ${truthFor(path).must_report[0]?.line_number}`);
  });

  it('never loses a finding when folding, on every tampered gantz fixture', () => {
    for (const name of ['delete-line', 'edit-rechained', 'truncated', 'edit-parameters']) {
      const report = selfCheck(`${GANTZ}/tampered/audit.${name}.jsonl`, gantzProfile);
      const groups = groupFindings(report.findings);
      expect(groups.reduce((n, g) => n + g.count, 0)).toBe(report.findings.length);
    }
  });

  it('folds identical findings on consecutive records, and only those', () => {
    const report = selfCheck(`${GANTZ}/tampered/audit.edit-parameters.jsonl`, gantzProfile);
    const seed = report.findings[0] as Finding & { entryIndex: number; line: number };
    const run: Finding[] = [0, 1, 2, 3].map((k) => ({
      ...seed,
      entryIndex: seed.entryIndex + k,
      line: seed.line + k,
    }));
    const gap: Finding = { ...seed, entryIndex: seed.entryIndex + 9, line: seed.line + 9 };
    const other: Finding = {
      ...seed,
      entryIndex: seed.entryIndex + 10,
      line: seed.line + 10,
      detail: 'other',
    };
    const groups = groupFindings([...run, gap, other]);
    expect(groups.map((g) => g.count)).toEqual([4, 1, 1]);
    expect(groupLocation(groups[0] as (typeof groups)[number])).toBe(`lines ${seed.line}–${seed.line + 3}`);
    const { line: _line, ...parquet } = seed;
    expect(groupLocation({ first: parquet, count: 1, lastEntryIndex: seed.entryIndex })).toBe(
      `entry ${seed.entryIndex}`,
    );
  });
});

describe('trust wording', () => {
  it('calls an intact report checked against nothing self-consistent, not authentic', () => {
    const report = selfCheck(`${GANTZ}/audit.jsonl`, gantzProfile);
    expect(report.verdict).toBe('intact');
    expect(isSelfConsistentOnly(report)).toBe(true);
    expect(trustStatement(report)).toMatch(/^Self-consistent only: .*not shown to be authentic/);
    const keyed: FileReport = { ...report, verifiedAgainst: { keys: ['k1'], anchors: [] } };
    expect(isSelfConsistentOnly(keyed)).toBe(false);
    expect(trustStatement(keyed)).toContain('no published anchor was checked');
  });

  it('gives the tampered count and the unverifiable reason', () => {
    const tampered = selfCheck(`${GANTZ}/tampered/audit.edit-parameters.jsonl`, gantzProfile);
    expect(trustStatement(tampered)).toBe('Tampered: 1 finding shows the file changed after it was written.');
    const sink = selfCheck('test/fixtures/agentmesh/scenario/audit_trail.jsonl', agentmeshSinkProfile);
    expect(sink.verdict).toBe('unverifiable');
    expect(trustStatement(sink)).toBe(`Unverifiable: ${sink.unverifiableReason}.`);
  });

  it('says how a report came to be', () => {
    const report = selfCheck(`${GANTZ}/audit.jsonl`, gantzProfile);
    const v: ArchiveVerification = {
      archiveId: 'a',
      runId: 'r',
      verifiedAt: '2026-05-01T12:34:56.789Z',
      trigger: 'import',
      report,
    };
    expect(verificationHow(v)).toEqual({
      label: 'self-check at import (no keys, no anchors)',
      at: '2026-05-01 12:34:56 UTC',
    });
    expect(verificationHow({ ...v, trigger: 'user' }).label).toBe('verified on demand');
  });
});

describe('the verify request', () => {
  const ids = ['a1', 'a2', 'a3'];

  it('leaves archiveIds out when every archive is chosen, and passes a valid request', () => {
    const all = buildVerifyRequest({ ...EMPTY_VERIFY_FORM, archiveIds: ids }, ids);
    expect(all).toEqual({});
    const some = buildVerifyRequest({ ...EMPTY_VERIFY_FORM, archiveIds: ['a2'] }, ids);
    expect(some).toEqual({ archiveIds: ['a2'] });
    expect(requestSchemas['verify.run'].safeParse(some).success).toBe(true);
  });

  it('sends an HMAC key as text or hex as chosen, without a file’s trailing newline', () => {
    const hex = readFileSync('test/fixtures/runtime-steps/keys/hmac-key.hex', 'utf8');
    expect(guessHmacEncoding(hex, 'hmac-key.hex')).toBe('hex');
    expect(guessHmacEncoding('dev-fixtures-agentmesh-hmac-2026-04-k7')).toBe('text');
    const req = buildVerifyRequest(
      { ...EMPTY_VERIFY_FORM, archiveIds: ids, hmacKey: hex, hmacEncoding: 'hex' },
      ids,
    );
    expect(req.keys?.hmacHex).toBe(hex.trim());
    expect(requestSchemas['verify.run'].safeParse(req).success).toBe(true);
    const text = buildVerifyRequest(
      { ...EMPTY_VERIFY_FORM, archiveIds: ids, hmacKey: ' k with spaces \r\n' },
      ids,
    );
    expect(text.keys).toEqual({ hmacText: ' k with spaces ' });
  });

  it('splits pasted public keys (two PEM files, a hex key, a JWK) into keys that each parse', () => {
    const ring = JSON.parse(readFileSync(`${MG_KEYS}/meshguard-keys.json`, 'utf8')) as {
      keys: { public_key_hex: string; jwk: object }[];
    };
    const pemA = readFileSync(`${MG_KEYS}/mg-larkspur-gw1-2024-03a.pub.pem`, 'utf8');
    const pemB = readFileSync(`${MG_KEYS}/mg-larkspur-gw1-2024-03b.pub.pem`, 'utf8');
    const pasted = `${pemA}${pemB}\n${ring.keys[0]?.public_key_hex}\n\n${JSON.stringify(ring.keys[1]?.jwk, null, 2)}`;
    const keys = splitPublicKeys(pasted);
    expect(keys).toHaveLength(4);
    for (const key of keys) expect(parseEd25519PublicKey(key).ok).toBe(true);
    expect(splitPublicKeys('  \n\n ')).toEqual([]);
    const req = buildVerifyRequest({ ...EMPTY_VERIFY_FORM, archiveIds: ids, publicKeys: pasted }, ids);
    expect(req.keys?.publicKeys).toEqual(keys);
  });
});
