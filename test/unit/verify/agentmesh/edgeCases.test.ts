import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../../shared/json/value';
import { agentmeshCloudEventsProfile } from '../../../../shared/verify/agentmesh/cloudEventsProfile';
import { agentmeshExportProfile } from '../../../../shared/verify/agentmesh/exportProfile';
import { agentmeshSinkProfile } from '../../../../shared/verify/agentmesh/sinkProfile';
import type { FileOutcome } from '../../../../shared/verify/profile';
import type { Finding } from '../../../../shared/verify/types';
import { loadDocumentSource, loadJsonlSource } from '../helpers';
import { AM, context, readJsonValue } from './context';

const E = `${AM}/edge-cases`;
const expected = (readJsonValue(`${E}/cases.json`) as JsonObject).expected as JsonObject;
const lone = readJsonValue(`${E}/lone-surrogate/expected.json`) as JsonObject;

/** Entry 5's int-keyed dict: reported as the producer's known defect (a notice), never as tampering. */
function expectIntKeyNotice(f: Finding | undefined, line: number): void {
  expect(f).toMatchObject({ kind: 'out_of_order', entryIndex: 5, line, field: 'data.bucket_counts' });
  expect(f?.detail).toMatch(/producer defect, not tampering/);
}

function only(outcomes: FileOutcome[]): FileOutcome {
  expect(outcomes).toHaveLength(1);
  return outcomes[0] as FileOutcome;
}

describe('agentmesh edge cases (16 entries)', () => {
  it('sink: every line verifies (content hash, chain, HMAC) incl. NaN/Infinity line 12; entry 5 is a notice', () => {
    const out = only(
      agentmeshSinkProfile.verify([loadJsonlSource(`${E}/audit_trail.jsonl`)], context({ key: true })),
    );
    expect(out.records).toBe(16);
    expect(out.findings).toHaveLength(1);
    expectIntKeyNotice(out.findings[0], 6);
  });

  it('export: every entry_hash (floats, big ints, key order, escapes, -03:00, naive) verifies; root = header', () => {
    const out = only(agentmeshExportProfile.verify([loadDocumentSource(`${E}/export.json`)], context()));
    expect(String(out.records)).toBe(String(expected.entry_count));
    expect(out.merkleRoot).toBe(expected.merkle_root);
    expect(out.findings).toHaveLength(1);
    expectIntKeyNotice(out.findings[0], 164);
  });

  for (const [name, load, line5, line8] of [
    ['cloudevents.jsonl', () => loadJsonlSource(`${E}/cloudevents.jsonl`), 6, 9],
    ['cloudevents.json', () => loadDocumentSource(`${E}/cloudevents.json`), 129, 205],
  ] as const) {
    it(`${name}: entry 8 (data keys collide with envelope keys) is reported as not rebuildable; 14 (tool.blocked) verifies`, () => {
      const out = only(agentmeshCloudEventsProfile.verify([load()], context()));
      expect(out.merkleRoot).toBe(expected.merkle_root);
      expect(out.findings).toHaveLength(2);
      expectIntKeyNotice(out.findings[0], line5);
      expect(out.findings[1]).toMatchObject({
        kind: 'hash_mismatch',
        entryIndex: 8,
        line: line8,
        field: 'agentmeshentryhash',
      });
      expect(out.findings[1]?.detail).toMatch(/not rebuildable from CloudEvents/);
      expect(out.findings.some((f) => f.kind === 'chain_break')).toBe(false);
    });
  }

  it('lone surrogate (sink): VALID, unlike the producer verifier that stops at a parse error', () => {
    const out = only(
      agentmeshSinkProfile.verify(
        [loadJsonlSource(`${E}/lone-surrogate/audit_trail.jsonl`)],
        context({ key: true }),
      ),
    );
    expect(out.findings).toEqual([]);
    expect(out.records).toBe(3);
  });

  it('lone surrogate (export): VALID with the published root', () => {
    const out = only(
      agentmeshExportProfile.verify([loadDocumentSource(`${E}/lone-surrogate/export.json`)], context()),
    );
    expect(out.findings).toEqual([]);
    expect(out.merkleRoot).toBe(lone.merkle_root);
  });
});

describe('agentmesh rotated sink files', () => {
  const R = `${AM}/rotation`;
  const live = () => loadJsonlSource(`${R}/audit_trail.jsonl`);
  const second = () => loadJsonlSource(`${R}/audit_trail.20260409152019.jsonl`);
  const first = () => loadJsonlSource(`${R}/audit_trail.20260409151036.jsonl`);

  it('each file verifies on its own chain, reported in rotation order (live file last)', () => {
    const outs = agentmeshSinkProfile.verify([live(), second(), first()], context({ key: true }));
    expect(outs.map((o) => o.path.split('/').pop())).toEqual([
      'audit_trail.20260409151036.jsonl',
      'audit_trail.20260409152019.jsonl',
      'audit_trail.jsonl',
    ]);
    for (const out of outs) {
      expect(out.findings).toEqual([]);
      expect(out.records).toBe(11);
    }
  });

  it('a missing rotated file is undetectable, and every outcome says so', () => {
    const outs = agentmeshSinkProfile.verify([first(), live()], context({ key: true }));
    expect(outs.flatMap((o) => o.findings)).toEqual([]);
    for (const out of outs)
      expect(out.needsAnchorFor.join(' ')).toMatch(/rotated sink file restarts its chain/);
  });
});
