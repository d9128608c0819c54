import { describe, expect, it } from 'vitest';
import {
  CANONICAL_COLUMNS,
  canonicalCells,
  type CanonicalEvent,
} from '../../../shared/ingest/canonicalEvent';
import { DECISIONS } from '../../../shared/ingest/decision';
import { normalizeRecord } from '../../../shared/ingest/normalize';
import { archivePaths, expectedFamily, loadArchive } from './fixtures';

/** Record counts stated by each corpus's MANIFEST.md for the intact files. */
const MANIFEST_COUNTS: Record<string, number> = {
  'agentmesh/scenario/audit_trail.jsonl': 600,
  'agentmesh/scenario/export.json': 600,
  'agentmesh/scenario/export.pydantic.json': 600,
  'agentmesh/scenario/export.window.json': 118,
  'agentmesh/scenario/cloudevents.json': 600,
  'agentmesh/scenario/cloudevents.jsonl': 600,
  'agentmesh/scenario/export.parquet': 600,
  'agentmesh/scenario/export.data-json.parquet': 600,
  'agentmesh/edge-cases/audit_trail.jsonl': 16,
  'agentmesh/edge-cases/export.json': 16,
  'agentmesh/edge-cases/cloudevents.json': 16,
  'agentmesh/edge-cases/cloudevents.jsonl': 16,
  'agentmesh/edge-cases/lone-surrogate/audit_trail.jsonl': 3,
  'agentmesh/edge-cases/lone-surrogate/export.json': 3,
  'agentmesh/rotation/audit_trail.20260409151036.jsonl': 11,
  'agentmesh/rotation/audit_trail.20260409152019.jsonl': 11,
  'agentmesh/rotation/audit_trail.jsonl': 11,
  'gantz/audit.jsonl': 300,
  'meshguard/audit/2024-03-14.jsonl': 641,
  'meshguard/audit/2024-03-15.jsonl': 657,
  'meshguard/audit/2024-03-16.jsonl': 155,
  'meshguard/cloudevents/2024-03-14.jsonl': 641,
  'meshguard/cloudevents/2024-03-15.jsonl': 657,
  'meshguard/cloudevents/2024-03-16.jsonl': 155,
  'meshguard/siem/2024-03-14.jsonl': 641,
  'meshguard/siem/2024-03-15.jsonl': 657,
  'meshguard/siem/2024-03-16.jsonl': 155,
  'meshguard/parquet/meshguard-audit.parquet': 1453,
  'runtime-steps/steps/tnt_bluefin.jsonl': 956,
  'runtime-steps/steps/tnt_copperleaf.jsonl': 784,
  'runtime-steps/steps/tnt_driftwood.jsonl': 1183,
  'runtime-steps/steps/tnt_ember.jsonl': 294,
  'runtime-steps/cloudevents/tnt_bluefin.jsonl': 956,
  'runtime-steps/cloudevents/tnt_copperleaf.jsonl': 784,
  'runtime-steps/cloudevents/tnt_driftwood.jsonl': 1183,
  'runtime-steps/cloudevents/tnt_ember.jsonl': 294,
  'runtime-steps/parquet/steps.parquet': 3217,
};

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function checkEvent(e: CanonicalEvent): void {
  expect(e.ts).toMatch(ISO_UTC);
  expect(e.ts_raw.length).toBeGreaterThan(0);
  if (e.decision !== undefined) expect(DECISIONS).toContain(e.decision);
  if (e.delegation_path !== undefined) expect(Array.isArray(JSON.parse(e.delegation_path))).toBe(true);
  const cells = canonicalCells(e);
  expect(cells).toHaveLength(CANONICAL_COLUMNS.length);
  for (const c of cells) expect(c === null || typeof c === 'string').toBe(true);
}

describe('every record of every intact fixture normalizes, with MANIFEST counts', () => {
  for (const [path, count] of Object.entries(MANIFEST_COUNTS)) {
    it(`${path}: ${count} records, 0 failures`, async () => {
      const a = await loadArchive(path);
      expect(a.unparsed).toBe(0);
      const producer = expectedFamily(path);
      const failures: string[] = [];
      let ok = 0;
      a.records.forEach((record, entryIndex) => {
        const r = normalizeRecord(producer, record, { entryIndex });
        if (!r.ok) failures.push(`${entryIndex} ${r.field}: ${r.reason}`);
        else {
          ok++;
          expect(r.event.producer).toBe(producer);
          checkEvent(r.event);
        }
      });
      expect(failures).toEqual([]);
      expect(ok).toBe(count);
    });
  }
});

describe('tampered copies normalize too (tampering is the verifier’s finding, not a quarantine)', () => {
  const tampered = archivePaths().filter((p) => p.includes('/tampered/'));
  it('covers every tampered archive', () => expect(tampered.length).toBeGreaterThanOrEqual(35));
  for (const path of tampered) {
    it(path, async () => {
      const a = await loadArchive(path);
      const failures = a.records.flatMap((record, entryIndex) => {
        const r = normalizeRecord(expectedFamily(path), record, { entryIndex });
        return r.ok ? [] : [`${entryIndex} ${r.field}: ${r.reason}`];
      });
      expect(failures).toEqual([]);
      // Only the torn / trailing-comma copies hold text that does not parse.
      if (/torn|invalid-json/.test(path)) expect(a.unparsed).toBe(1);
      else expect(a.unparsed).toBe(0);
    });
  }
});
