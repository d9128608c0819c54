import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANONICAL_COLUMNS, canonicalCells } from '../../../shared/ingest/canonicalEvent';
import { detectFamily } from '../../../shared/ingest/detect';
import { normalizeRecord } from '../../../shared/ingest/normalize';
import { PRODUCER_IDS, type ProducerId } from '../../../shared/ingest/producers';
import { suggestMapping } from '../../../shared/ingest/suggestMapping';
import { parseJson } from '../../../shared/json/parse';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../shared/json/value';
import { loadJsonDocument, loadJsonl } from './fixtures';

const FAMILIES = PRODUCER_IDS.filter((p): p is Exclude<ProducerId, 'mapped'> => p !== 'mapped');

function parsed(text: string): JsonValue {
  const r = parseJson(text, { allowNonFinite: true });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** One genuine record per family, to be damaged. */
function genuine(): Record<Exclude<ProducerId, 'mapped'>, JsonObject> {
  const first = (records: JsonValue[], i = 0): JsonObject => {
    const v = records[i];
    if (!isJsonObject(v)) throw new Error('fixture record is not an object');
    return v;
  };
  const ce = {
    specversion: '1.0',
    id: 'x-1',
    type: 'com.example.thing',
    source: '/s',
    time: '2025-01-01T00:00:00Z',
  };
  return {
    'agentmesh-sink': first(loadJsonl('agentmesh/scenario/audit_trail.jsonl').records),
    'agentmesh-export': first(loadJsonDocument('agentmesh/scenario/export.json').records, 141),
    'agentmesh-cloudevents': first(loadJsonl('agentmesh/scenario/cloudevents.jsonl').records, 141),
    gantz: first(loadJsonl('gantz/audit.jsonl').records),
    meshguard: first(loadJsonl('meshguard/audit/2024-03-15.jsonl').records, 300),
    'meshguard-cloudevents': first(loadJsonl('meshguard/cloudevents/2024-03-15.jsonl').records, 300),
    'meshguard-siem': first(loadJsonl('meshguard/siem/2024-03-14.jsonl').records),
    'runtime-steps': first(loadJsonl('runtime-steps/steps/tnt_ember.jsonl').records),
    'runtime-steps-cloudevents': first(loadJsonl('runtime-steps/cloudevents/tnt_ember.jsonl').records),
    cloudevents: parsed(JSON.stringify(ce)) as JsonObject,
  };
}

describe('hostile records give reasons, not crashes', () => {
  const records = genuine();

  it('every genuine sample normalizes (the damage below is what fails)', () => {
    for (const p of FAMILIES) expect(normalizeRecord(p, records[p], { entryIndex: 0 }).ok).toBe(true);
  });

  it.each(['null', 'true', '42', '"text"', '[]', '[{"event_id":"x"}]', '{}'])(
    'non-records (%s) are refused with a reason',
    (text) => {
      for (const p of FAMILIES) {
        const r = normalizeRecord(p, parsed(text), { entryIndex: 0 });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.reason).toMatch(/\w{4}/);
      }
    },
  );

  it('quarantines huge or wrong-typed required numbers, naming the field', () => {
    const steps = { ...records['runtime-steps'] };
    for (const bad of ['1e400', '99999999999999999999999', '1.5', '"three"', '{"n":1}', 'NaN']) {
      steps.step_id = parsed(bad);
      expect(normalizeRecord('runtime-steps', steps, { entryIndex: 0 })).toMatchObject({
        ok: false,
        field: 'step_id',
      });
    }
    const gantz = { ...records.gantz, timestamp: parsed('1e400') };
    expect(normalizeRecord('gantz', gantz, { entryIndex: 0 })).toMatchObject({
      ok: false,
      field: 'timestamp',
    });
    const id = { ...records['agentmesh-sink'], entry_id: parsed('{"$oid":"1"}') };
    expect(normalizeRecord('agentmesh-sink', id, { entryIndex: 0 })).toMatchObject({
      ok: false,
      field: 'entry_id',
    });
    const ceData = { ...records['meshguard-cloudevents'], data: parsed('[1,2]') };
    expect(normalizeRecord('meshguard-cloudevents', ceData, { entryIndex: 0 })).toMatchObject({
      ok: false,
      field: 'data',
    });
    const inner = parsed(
      JSON.stringify({ ...records['runtime-steps-cloudevents'] }).replace('"run_id":"', '"run_idx":"'),
    );
    expect(normalizeRecord('runtime-steps-cloudevents', inner, { entryIndex: 0 })).toMatchObject({
      ok: false,
      field: 'data.run_id',
    });
  });

  it('leaves optional fields of the wrong type empty, with a note', () => {
    const mg = parsed(
      JSON.stringify(records.meshguard).replace('"depth":', '"depth":1e400,"was":'),
    ) as JsonObject;
    const r = normalizeRecord(
      'meshguard',
      { ...mg, agent: 'not an object', metadata: parsed('{"client_ip":{"v4":"10.0.0.1"}}') },
      { entryIndex: 0 },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event.agent_id).toBeUndefined();
    expect(r.event.client_ip).toBeUndefined();
    expect(r.notes?.length).toBeGreaterThan(0);
  });

  it('treats __proto__ and constructor members as data and pollutes nothing', () => {
    const text = JSON.stringify(records['agentmesh-sink']).replace(
      '{',
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
    );
    const r = normalizeRecord('agentmesh-sink', parsed(text), { entryIndex: 0 });
    expect(r.ok).toBe(true);
    const mapped = normalizeRecord('mapped', parsed('{"__proto__":{"t":"2025-01-01T00:00:00Z"}}'), {
      entryIndex: 0,
      mapping: { name: 'm', version: 1, fields: { ts: '__proto__.t', action: 'constructor.name' } },
    });
    expect(mapped).toMatchObject({ ok: true, event: { ts: '2025-01-01T00:00:00.000000Z' } });
    expect(mapped.ok && mapped.event.action).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(
      detectFamily({ container: 'jsonl', sample: [parsed('{"__proto__":{"specversion":"1.0"}}')] }).producer,
    ).toBe('mapped');
  });

  it('replaces lone surrogates in SQL cells (not in the record) so DuckDB can store them', () => {
    const text = JSON.stringify(records['agentmesh-export'])
      .replace('"agent_did":"did:', '"agent_did":"\\ud83ddid:')
      .replace('"delegation_chain":["did:', '"delegation_chain":["\\udc00did:');
    const r = normalizeRecord('agentmesh-export', parsed(text), { entryIndex: 0 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event.agent_id?.charCodeAt(0)).toBe(0xd83d);
    const cells = canonicalCells(r.event);
    const agent = cells[CANONICAL_COLUMNS.findIndex((c) => c.name === 'agent_id')];
    expect(agent?.startsWith('\uFFFDdid:')).toBe(true);
    const path = cells[CANONICAL_COLUMNS.findIndex((c) => c.name === 'delegation_path')];
    expect(JSON.parse(path ?? '[]')[0]).toMatch(/^\uFFFDdid:/);
  });

  it('survives arbitrary JSON in place of any member of any family (property test)', () => {
    const anyJson = fc.jsonValue({ maxDepth: 3 }).map((v) => parsed(JSON.stringify(v) ?? 'null'));
    fc.assert(
      fc.property(fc.constantFrom(...FAMILIES), fc.nat(), anyJson, (family, pick, value) => {
        const base = records[family];
        const keys = Object.keys(base);
        const key = keys[pick % keys.length] ?? 'x';
        const damaged: JsonObject = Object.assign(Object.create(null) as JsonObject, base, { [key]: value });
        const r = normalizeRecord(family, damaged, { entryIndex: 0 });
        if (r.ok) expect(r.event.ts).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
        else expect(typeof r.field === 'string' && r.reason.length > 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('detectFamily and suggestMapping accept any sample (property test)', () => {
    const anyJson = fc.jsonValue({ maxDepth: 4 }).map((v) => parsed(JSON.stringify(v) ?? 'null'));
    fc.assert(
      fc.property(fc.array(anyJson, { maxLength: 8 }), (sample) => {
        const d = detectFamily({ container: 'jsonl', sample });
        expect(PRODUCER_IDS).toContain(d.producer);
        const m = suggestMapping(sample);
        expect(m.version).toBe(1);
      }),
      { numRuns: 500 },
    );
  });
});
