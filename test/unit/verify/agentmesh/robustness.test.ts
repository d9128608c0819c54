import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentmeshCloudEventsProfile } from '../../../../shared/verify/agentmesh/cloudEventsProfile';
import { agentmeshExportProfile } from '../../../../shared/verify/agentmesh/exportProfile';
import { agentmeshParquetProfile } from '../../../../shared/verify/agentmesh/parquetProfile';
import { agentmeshSinkProfile } from '../../../../shared/verify/agentmesh/sinkProfile';
import { gantzProfile } from '../../../../shared/verify/gantz/profile';
import type { Profile } from '../../../../shared/verify/profile';
import { FINDING_KINDS } from '../../../../shared/verify/types';
import { jsonlRecords, loadJsonlSource } from '../helpers';
import { AM, context, DEV_KEY } from './context';

const PROFILES: Profile[] = [
  agentmeshSinkProfile,
  agentmeshExportProfile,
  agentmeshCloudEventsProfile,
  agentmeshParquetProfile,
  gantzProfile,
];
const sinkLines = readFileSync(`${AM}/scenario/audit_trail.jsonl`, 'utf8').split('\n').slice(0, 5);

/** Real lines, mangled: cut, spliced with JSON fragments, or replaced by arbitrary JSON. */
const hostileLine = fc.oneof(
  fc.string(),
  fc.json(),
  fc.tuple(fc.constantFrom(...sinkLines), fc.nat()).map(([l, n]) => l.slice(0, n % (l.length + 1))),
  fc
    .tuple(fc.constantFrom(...sinkLines), fc.json())
    .map(([l, j]) => l.replace(/"data": \{[^}]*\}/, `"data": ${j}`)),
  fc.constantFrom(
    'NaN',
    '{"a": NaN}',
    '{"__proto__": {"entry_hash": 1}}',
    '[[[[[[[[[[]]]]]]]]]]',
    '{"a":1,"a":2}',
  ),
);

describe('hostile input never crashes a profile', () => {
  it('any mix of mangled and arbitrary JSONL lines yields findings, not exceptions', () => {
    fc.assert(
      fc.property(fc.array(hostileLine, { maxLength: 8 }), (lines) => {
        const records = jsonlRecords(lines.join('\n'));
        for (const profile of PROFILES) {
          const outs = profile.verify(
            [{ path: 'h.jsonl', container: 'jsonl', records }],
            context({ key: true }),
          );
          for (const f of outs.flatMap((o) => o.findings)) expect(FINDING_KINDS).toContain(f.kind);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('any text as an export or CloudEvents document yields an outcome, not an exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.constant('{"entries": [1, null, {"entry_hash": []}], "entry_count": "x"}'),
        ),
        (text) => {
          for (const profile of [agentmeshExportProfile, agentmeshCloudEventsProfile]) {
            expect(
              profile.verify([{ path: 'h.json', container: 'json', document: text }], context()),
            ).toHaveLength(1);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('sink key validity windows', () => {
  it('a valid HMAC by a key used outside its validity is reported on every such line', () => {
    const ctx = context();
    ctx.keys.hmac.push({ id: 'k2026', key: DEV_KEY, validUntil: '2026-04-07T00:00:00+00:00' });
    const [out] = agentmeshSinkProfile.verify([loadJsonlSource(`${AM}/scenario/audit_trail.jsonl`)], ctx);
    const late = out?.findings ?? [];
    const afterExpiry = readFileSync(`${AM}/scenario/audit_trail.jsonl`, 'utf8')
      .split('\n')
      .filter((l) => /"timestamp": "2026-04-0([7-9])/.test(l)).length;
    expect(afterExpiry).toBeGreaterThan(0);
    expect(late).toHaveLength(afterExpiry);
    for (const f of late) {
      expect(f.kind).toBe('signature_invalid');
      expect(f.detail).toMatch(/after key k2026 expired/);
    }
  });
});
