import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../../shared/json/parse';
import { isJsonObject, type JsonObject } from '../../../../shared/json/value';
import { projectionDifferences, siemProjection } from '../../../../shared/verify/meshguard/siemProjection';
import { verifyMeshguardSiem } from '../../../../shared/verify/meshguard/siemProfile';
import { jsonlRecords, loadJsonlSource, truthFor } from '../helpers';
import { DAYS, MG, context } from './fixtures';

function object(text: string): JsonObject {
  const parsed = parseJson(text);
  if (!parsed.ok || !isJsonObject(parsed.value)) throw new Error('not an object');
  return parsed.value;
}

interface SiemVector {
  events: { event: unknown; line: string }[];
  siem_projection: { line: string };
}

describe('meshguard SIEM projection', () => {
  it('projects the vector event exactly as vectors.json says', () => {
    const v = JSON.parse(readFileSync(`${MG}/vectors.json`, 'utf8')) as SiemVector;
    const projected = siemProjection(object(v.events[0]?.line ?? ''));
    expect(projectionDifferences(projected, object(v.siem_projection.line))).toEqual([]);
    // …and a changed field is named.
    const edited = object(v.siem_projection.line.replace('"decision":"allow"', '"decision":"deny"'));
    expect(projectionDifferences(projected, edited).map((d) => d.field)).toEqual(['meshguard.decision']);
  });

  it('on its own a SIEM file is unverifiable: no findings, every field uncovered, and the outcome says why', () => {
    const out = verifyMeshguardSiem(
      [loadJsonlSource(`${MG}/tampered/siem-2024-03-16.edit-field.jsonl`)],
      context(),
    );
    expect(truthFor(`${MG}/tampered/siem-2024-03-16.edit-field.jsonl`).must_report).toEqual([]);
    expect(out[0]?.findings).toEqual([]);
    expect(out[0]?.unverifiableReason).toMatch(/no hash, chain or signature/);
    expect(out[0]?.uncoveredFields).toEqual([
      'event_type',
      'meshguard.*',
      'severity',
      'source',
      'tags',
      'timestamp',
    ]);
  });

  it('the intact SIEM files equal the projection of the audit events; the audit files verify alongside', () => {
    const sources = [
      ...DAYS.map((d) => loadJsonlSource(`${MG}/siem/${d}.jsonl`, `siem/${d}.jsonl`)),
      ...DAYS.map((d) => loadJsonlSource(`${MG}/audit/${d}.jsonl`, `audit/${d}.jsonl`)),
    ];
    const out = verifyMeshguardSiem(sources, context());
    expect(out.map((o) => [o.path, o.records, o.findings.length, o.unverifiableReason])).toEqual([
      ['siem/2024-03-14.jsonl', 641, 0, undefined],
      ['siem/2024-03-15.jsonl', 657, 0, undefined],
      ['siem/2024-03-16.jsonl', 155, 0, undefined],
      ['audit/2024-03-14.jsonl', 641, 0, undefined],
      ['audit/2024-03-15.jsonl', 657, 0, undefined],
      ['audit/2024-03-16.jsonl', 155, 0, undefined],
    ]);
    expect(out[0]?.anchorsUsed[0]).toMatch(/^cross-checked against 1453 audit events/);
  });

  it('cross-checked with its audit day, the edited record is reported at its line, naming the field', () => {
    const path = `${MG}/tampered/siem-2024-03-16.edit-field.jsonl`;
    const expected = (
      truthFor(path).must_report_when_cross_checked as {
        line_index: number;
        line_number: number;
        field: string;
      }[]
    )[0];
    const out = verifyMeshguardSiem(
      [loadJsonlSource(path), loadJsonlSource(`${MG}/audit/2024-03-16.jsonl`)],
      context(),
    );
    expect(out[0]?.findings.map((f) => [f.kind, f.entryIndex, f.line, f.field])).toEqual([
      ['envelope_mismatch', expected?.line_index, expected?.line_number, expected?.field],
    ]);
    expect(out[0]?.findings[0]?.detail).toMatch(/^siem_projection_mismatch/);
  });

  it('reports a SIEM record with no audit event, and an audit event with no SIEM record', () => {
    const lines = readFileSync(`${MG}/siem/2024-03-16.jsonl`, 'utf8').split('\n');
    const dropped = lines.splice(10, 1)[0] ?? '';
    lines.splice(20, 0, dropped.replace(/"event_id":"evt_[0-9a-f]+"/, '"event_id":"evt_000000000000"'));
    const siem = {
      path: 'siem/x.jsonl',
      container: 'jsonl' as const,
      records: jsonlRecords(lines.join('\n')),
    };
    const out = verifyMeshguardSiem([siem, loadJsonlSource(`${MG}/audit/2024-03-16.jsonl`)], context());
    expect(out[0]?.findings.map((f) => [f.line, f.detail.split(':')[0]])).toEqual([
      [21, 'siem_orphan'],
      [undefined, 'siem_missing'],
    ]);
  });
});
