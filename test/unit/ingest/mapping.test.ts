import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../../shared/ingest/applyMapping';
import { detectFamily } from '../../../shared/ingest/detect';
import { parseMapping, type Mapping } from '../../../shared/ingest/mapping';
import { normalizeRecord } from '../../../shared/ingest/normalize';
import { suggestMapping } from '../../../shared/ingest/suggestMapping';
import { parseJson } from '../../../shared/json/parse';
import type { JsonValue } from '../../../shared/json/value';
import { loadJsonl } from './fixtures';

function parsed(text: string): JsonValue {
  const r = parseJson(text, { allowNonFinite: true });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** gantz records with their identifying hash members removed: an unknown producer as far as detection can tell. */
function gantzAsUnknown(): JsonValue[] {
  return loadJsonl('gantz/audit.jsonl').records.map((r) => {
    const copy = { ...(r as Record<string, JsonValue>) };
    delete copy.event_hash;
    delete copy.previous_hash;
    return copy;
  });
}

describe('suggestMapping and applyMapping: gantz treated as an unknown producer', () => {
  const records = gantzAsUnknown();

  it('is not recognised, so the mapping dialog opens', () => {
    expect(detectFamily({ container: 'jsonl', sample: records.slice(0, 50) })).toMatchObject({
      producer: 'mapped',
      confidence: 'unknown',
    });
  });

  it('suggests the time (epoch seconds), ids and actors from names and value shapes', () => {
    const m = suggestMapping(records.slice(0, 50), 'gantz (guessed)');
    expect(m.fields).toMatchObject({
      ts: { path: 'timestamp', transform: 'epoch-seconds' },
      event_id: 'event_id',
      event_type: 'event_type',
      agent_id: 'agent_id',
      user_id: 'user_id',
      action: 'action',
      resource: 'resource',
      reason: 'error',
      severity: 'severity',
      session_id: 'session_id',
      trace_id: 'correlation_id',
      client_ip: 'ip_address',
    });
    // A nested `parameters.path` must not beat the top-level resource, nor `parameters.model` anything.
    expect(m.fields.decision).toBeUndefined();
  });

  it('round-trips through a saved file and maps all 300 records like the gantz mapper does', () => {
    const saved = JSON.stringify(suggestMapping(records.slice(0, 50), 'gantz (guessed)'));
    const loaded = parseMapping(JSON.parse(saved));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const original = loadJsonl('gantz/audit.jsonl').records;
    records.forEach((record, entryIndex) => {
      const viaMapping = normalizeRecord('mapped', record, { entryIndex, mapping: loaded.mapping });
      const viaFamily = normalizeRecord('gantz', original[entryIndex] ?? null, { entryIndex });
      expect(viaMapping.ok && viaFamily.ok).toBe(true);
      if (!viaMapping.ok || !viaFamily.ok) return;
      const m = viaMapping.event;
      const f = viaFamily.event;
      expect(m.producer).toBe('mapped');
      expect([
        m.ts,
        m.ts_raw,
        m.event_id,
        m.event_type,
        m.agent_id,
        m.action,
        m.resource,
        m.session_id,
        m.trace_id,
        m.severity,
        m.reason,
      ]).toEqual([
        f.ts,
        f.ts_raw,
        f.event_id,
        f.event_type,
        f.agent_id,
        f.action,
        f.resource,
        f.session_id,
        f.trace_id,
        f.severity,
        f.reason,
      ]);
    });
  });
});

describe('suggestMapping on nested records', () => {
  it('finds meshguard members by their joined names (agent.id, action.type, decision.effect)', () => {
    const m = suggestMapping(loadJsonl('meshguard/audit/2024-03-14.jsonl').records.slice(0, 100));
    expect(m.fields).toMatchObject({
      ts: { path: 'timestamp', transform: 'iso' },
      event_id: 'event_id',
      agent_id: 'agent.id',
      action: 'action.type',
      resource: 'action.resource',
      decision: 'decision.effect',
      matched_rule: 'decision.rule_matched',
      data_subject: 'context.data_subject_id',
    });
  });
});

describe('applyMapping', () => {
  const mapping: Mapping = {
    name: 'acme gateway',
    version: 1,
    match: { requiredFields: ['when'] },
    fields: {
      ts: { path: 'when', transform: 'epoch-millis' },
      event_id: '$.id',
      actor: 'who.name',
      action: { path: 'op', transform: 'lowercase' },
      decision: 'verdict',
      step: 'n',
      delegation_path: 'hops',
      tenant: { value: 'acme' },
      resource: '$["dotted.key"]',
    },
    decisionMap: { PERMITTED: 'allow', HELD: 'approval_required' },
  };

  it('maps paths, constants, transforms and the decisionMap', () => {
    const r = applyMapping(
      mapping,
      parsed(
        '{"when":1712345678901,"id":7,"who":{"name":"ana"},"op":"WRITE","verdict":"HELD","n":"12","hops":["a","b"],"dotted.key":"r1"}',
      ),
    );
    expect(r).toEqual({
      ok: true,
      event: {
        producer: 'mapped',
        ts: '2024-04-05T19:34:38.901000Z',
        ts_raw: '1712345678901',
        event_id: '7',
        actor: 'ana',
        action: 'write',
        decision: 'approval_required',
        decision_raw: 'HELD',
        step: 12n,
        delegation_path: '["a","b"]',
        tenant: 'acme',
        resource: 'r1',
      },
    });
  });

  it('falls back to the built-in decision words, and keeps an unknown word only as decision_raw', () => {
    const denied = applyMapping(mapping, parsed('{"when":1,"verdict":"Blocked"}'));
    expect(denied.ok && [denied.event.decision, denied.event.decision_raw]).toEqual(['deny', 'Blocked']);
    const odd = applyMapping(mapping, parsed('{"when":1,"verdict":"constructor"}'));
    expect(odd.ok && [odd.event.decision, odd.event.decision_raw]).toEqual([undefined, 'constructor']);
  });

  it('quarantines a record missing a required field or the time, naming the field', () => {
    expect(applyMapping(mapping, parsed('{"id":1}'))).toMatchObject({ ok: false, field: 'when' });
    const noTime: Mapping = { name: 'x', version: 1, fields: { ts: 'time' } };
    expect(applyMapping(noTime, parsed('{"time":"soon"}'))).toMatchObject({ ok: false, field: 'time' });
    expect(applyMapping({ name: 'x', version: 1, fields: { action: 'a' } }, parsed('{"a":1}'))).toMatchObject(
      { ok: false, field: 'ts' },
    );
  });
});

describe('parseMapping (the saved-file schema)', () => {
  it('accepts a minimal mapping', () => {
    expect(parseMapping({ name: 'm', version: 1, fields: { ts: 'time' } }).ok).toBe(true);
  });

  it.each([
    ['an unknown column', { name: 'm', version: 1, fields: { tss: 'time' } }],
    ['the producer column', { name: 'm', version: 1, fields: { producer: 'x' } }],
    ['version 2', { name: 'm', version: 2, fields: {} }],
    [
      'an unknown transform',
      { name: 'm', version: 1, fields: { ts: { path: 't', transform: 'epoch-days' } } },
    ],
    ['both path and value', { name: 'm', version: 1, fields: { ts: { path: 't', value: 'v' } } }],
    ['an unreadable path', { name: 'm', version: 1, fields: { ts: 'a..b' } }],
    [
      'a decision outside the vocabulary',
      { name: 'm', version: 1, fields: {}, decisionMap: { ok: 'maybe' } },
    ],
    ['an extra member', { name: 'm', version: 1, fields: {}, extra: true }],
    ['not an object', 'mapping'],
  ])('rejects %s with the path of the problem', (_what, input) => {
    const r = parseMapping(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
  });
});
