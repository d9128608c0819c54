import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../../shared/json/parse';
import { isJsonObject } from '../../../../shared/json/value';
import {
  meshguardEnvelopeFindings,
  verifyMeshguardCloudEvents,
} from '../../../../shared/verify/meshguard/cloudEvents';
import { jsonlRecords, loadJsonlSource, truthFor } from '../helpers';
import { DAYS, MG, context } from './fixtures';
import { expectTruth } from './truth';

describe('meshguard CloudEvents', () => {
  it('the three intact files verify as one chain with zero findings; the envelope source is reported uncovered', () => {
    const out = verifyMeshguardCloudEvents(
      DAYS.map((d) => loadJsonlSource(`${MG}/cloudevents/${d}.jsonl`, `cloudevents/${d}.jsonl`)),
      context(),
    );
    expect(out.map((o) => [o.records, o.findings.length])).toEqual([
      [641, 0],
      [657, 0],
      [155, 0],
    ]);
    expect(out[0]?.uncoveredFields).toEqual(['source']);
    // The day anchors apply by file name; the whole-log anchor to the last file.
    expect(out[2]?.anchorsUsed).toEqual([
      'anchor chain "audit/2024-03-16.jsonl" (count, head, firstPrev)',
      'anchor chain "*" (count, head, firstPrev) over 3 file(s)',
    ]);
  });

  for (const name of [
    'cloudevents-2024-03-16.edit-data.jsonl',
    'cloudevents-2024-03-16.edit-envelope.jsonl',
  ]) {
    it(`${name}: matches its truth`, () => {
      const path = `${MG}/tampered/${name}`;
      const out = verifyMeshguardCloudEvents(
        [loadJsonlSource(path, 'cloudevents/2024-03-16.jsonl')],
        context(),
      );
      expectTruth(out[0]?.findings ?? [], truthFor(path));
    });
  }

  it('names the envelope member that disagrees, and folds envelope differences into an edited event', () => {
    const path = `${MG}/tampered/cloudevents-2024-03-16.edit-envelope.jsonl`;
    const out = verifyMeshguardCloudEvents(
      [loadJsonlSource(path, 'cloudevents/2024-03-16.jsonl')],
      context(),
    );
    expect(out[0]?.findings.map((f) => [f.field, f.expected, f.actual])).toEqual([
      ['type', 'com.meshguard.audit.delegation_start', '"com.meshguard.audit.context_access"'],
    ]);
    // Edit line 57's data too: the envelope's disagreement then only says what data held before the edit.
    const lines = readFileSync(path, 'utf8').split('\n');
    const edited = (lines[56] ?? '').replace('"effect":"allow"', '"effect":"deny"');
    expect(edited).not.toBe(lines[56]);
    lines[56] = edited;
    const both = verifyMeshguardCloudEvents(
      [{ path: 'x.jsonl', container: 'jsonl', records: jsonlRecords(lines.join('\n')) }],
      context([]),
    );
    expect(both[0]?.findings.map((f) => [f.kind, f.line])).toEqual([['hash_mismatch', 57]]);
    expect(both[0]?.findings[0]?.detail).toMatch(
      /wrapper still disagrees.*"type" is "com.meshguard.audit.context_access"/,
    );
  });

  it('checks subject against the agent, and its absence when the event has none', () => {
    const vectors = JSON.parse(readFileSync(`${MG}/vectors.json`, 'utf8')) as {
      cloudevent: { line: string };
    };
    const parsed = parseJson(vectors.cloudevent.line);
    if (!parsed.ok || !isJsonObject(parsed.value) || !isJsonObject(parsed.value.data))
      throw new Error('vector');
    const envelope = parsed.value;
    const data = parsed.value.data;
    expect(meshguardEnvelopeFindings(envelope, data, { entryIndex: 0 })).toEqual([]);
    const noAgent = Object.assign(Object.create(null) as typeof data, data);
    delete noAgent.agent;
    expect(meshguardEnvelopeFindings(envelope, noAgent, { entryIndex: 0 }).map((f) => f.field)).toEqual([
      'subject',
    ]);
  });
});
