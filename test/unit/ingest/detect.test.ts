import { describe, expect, it } from 'vitest';
import { detectFamily } from '../../../shared/ingest/detect';
import { parseJson } from '../../../shared/json/parse';
import type { JsonValue } from '../../../shared/json/value';
import { archivePaths, expectedFamily, loadArchive, loadJsonDocument } from './fixtures';

const SAMPLE = 50;

function parsed(text: string): JsonValue {
  const r = parseJson(text, { allowNonFinite: true });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('detectFamily on every fixture archive', () => {
  const paths = archivePaths();

  it('finds the archives of all four corpora (every family but generic cloudevents has fixtures)', () => {
    expect(paths.length).toBeGreaterThan(60);
    const families = new Set(paths.map(expectedFamily));
    expect(families.size).toBe(9);
  });

  for (const path of paths) {
    it(`${path}`, async () => {
      const a = await loadArchive(path);
      if (a.records.length === 0) {
        // export.invalid-json.json: the whole document fails to parse; nothing to detect from.
        expect(path).toContain('invalid-json');
        expect(detectFamily({ container: a.container, sample: [] })).toMatchObject({
          producer: 'mapped',
          confidence: 'unknown',
        });
        return;
      }
      const d = detectFamily({
        container: a.container,
        sample: a.records.slice(0, SAMPLE),
        ...(a.parquetColumns ? { parquetColumns: a.parquetColumns } : {}),
        ...(a.parquetKvMetadata ? { parquetKvMetadata: a.parquetKvMetadata } : {}),
      });
      expect(d.producer).toBe(expectedFamily(path));
      expect(d.confidence).toBe('certain');
      expect(d.evidence.length).toBeGreaterThan(0);
    });
  }
});

describe('detectFamily evidence and edge cases', () => {
  it('says that AgentMesh CloudEvents time is …+00:00Z (not RFC 3339)', () => {
    const a = loadJsonDocument('agentmesh/scenario/cloudevents.json');
    const d = detectFamily({ container: 'json', sample: a.records.slice(0, 10) });
    expect(d.producer).toBe('agentmesh-cloudevents');
    expect(d.evidence.join('\n')).toMatch(/not RFC 3339/);
  });

  it('says that an export was written with default=str (space separator)', () => {
    const d = detectFamily({
      container: 'json',
      sample: loadJsonDocument('agentmesh/scenario/export.json').records.slice(0, 5),
    });
    expect(d.evidence.join('\n')).toMatch(/space separator/);
  });

  it('uses Parquet KV metadata and columns: either alone is only likely', async () => {
    const a = await loadArchive('meshguard/parquet/meshguard-audit.parquet');
    expect(a.parquetKvMetadata).toMatchObject({ producer: 'meshguard' });
    const kvOnly = detectFamily({
      container: 'parquet',
      sample: [],
      parquetKvMetadata: a.parquetKvMetadata ?? {},
    });
    expect(kvOnly).toMatchObject({ producer: 'meshguard', confidence: 'likely' });
    const columnsOnly = detectFamily({
      container: 'parquet',
      sample: [],
      parquetColumns: a.parquetColumns ?? [],
    });
    expect(columnsOnly).toMatchObject({ producer: 'meshguard', confidence: 'likely' });
    const both = detectFamily({
      container: 'parquet',
      sample: [],
      parquetColumns: a.parquetColumns ?? [],
      parquetKvMetadata: a.parquetKvMetadata ?? {},
    });
    expect(both.confidence).toBe('certain');
  });

  it('reads an AgentMesh export Parquet (no KV metadata) from its columns and rows', async () => {
    const a = await loadArchive('agentmesh/scenario/export.data-json.parquet');
    expect(a.parquetKvMetadata).toEqual({});
    const d = detectFamily({
      container: 'parquet',
      sample: a.records.slice(0, 5),
      parquetColumns: a.parquetColumns ?? [],
    });
    expect(d).toMatchObject({ producer: 'agentmesh-export', confidence: 'certain' });
  });

  it('sends fixture metadata files (not archives) to the mapping dialog', () => {
    for (const path of [
      'agentmesh/vectors.json',
      'meshguard/anchors.json',
      'runtime-steps/ground-truth.json',
    ]) {
      const d = detectFamily({ container: 'json', sample: loadJsonDocument(path).records });
      expect(d).toMatchObject({ producer: 'mapped', confidence: 'unknown' });
    }
  });

  it('detects a CloudEvent from another producer as generic cloudevents', () => {
    const ce = parsed(
      '{"specversion":"1.0","id":"a1","type":"com.example.order.created","source":"/orders","time":"2025-01-01T00:00:00Z","data":{"x":1}}',
    );
    expect(detectFamily({ container: 'json', sample: [ce] })).toMatchObject({
      producer: 'cloudevents',
      confidence: 'certain',
    });
  });

  it('is only likely when a minority of the sample disagrees, and unknown when nothing matches', () => {
    const good = loadJsonDocument('agentmesh/scenario/export.json').records.slice(0, 3);
    const odd = parsed('{"hello":"world"}');
    expect(detectFamily({ container: 'jsonl', sample: [...good, odd] })).toMatchObject({
      producer: 'agentmesh-export',
      confidence: 'likely',
    });
    expect(detectFamily({ container: 'jsonl', sample: [odd, odd, parsed('[1,2]')] })).toMatchObject({
      producer: 'mapped',
      confidence: 'unknown',
    });
  });

  it('never uses a file name: the same records give the same answer whatever the container', () => {
    const records = loadJsonDocument('agentmesh/scenario/cloudevents.json').records.slice(0, 5);
    expect(detectFamily({ container: 'jsonl', sample: records }).producer).toBe(
      detectFamily({ container: 'json', sample: records }).producer,
    );
  });
});
