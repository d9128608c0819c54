import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../../shared/json/parse';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../../../shared/json/value';
import { pythonCanonical } from '../../../../shared/verify/chain/pythonHash';
import { gantzAnchorsFromPublished } from '../../../../shared/verify/gantz/anchorsFile';
import { gantzHashInput } from '../../../../shared/verify/gantz/eventHash';
import { gantzProfile } from '../../../../shared/verify/gantz/profile';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import type { FileOutcome, VerifyContext } from '../../../../shared/verify/profile';
import type { ChainAnchor, Finding } from '../../../../shared/verify/types';
import { jsonlRecords, loadJsonlSource, mapTruthKind, truthFor, type TruthItem } from '../helpers';
import { readFileSync } from 'node:fs';

const G = 'test/fixtures/gantz';

function value(text: string): JsonValue {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const anchorsDoc = value(readFileSync(`${G}/anchors.json`, 'utf8'));
function publishedAnchors(): ChainAnchor[] {
  const converted = gantzAnchorsFromPublished(anchorsDoc);
  if (!converted.ok) throw new Error(converted.reason);
  return converted.anchors;
}

function ctx(anchors: ChainAnchor[] = []): VerifyContext {
  return { hash: nobleHash, keys: { hmac: [], ed25519: [] }, anchors };
}

function run(path: string, anchors: ChainAnchor[] = publishedAnchors()): FileOutcome {
  const outs = gantzProfile.verify([loadJsonlSource(path)], ctx(anchors));
  expect(outs).toHaveLength(1);
  return outs[0] as FileOutcome;
}

describe('gantz vectors.json', () => {
  const vectors = value(readFileSync(`${G}/vectors.json`, 'utf8')) as JsonObject;
  const list = vectors.gantz_event_hash;
  if (!isJsonArray(list)) throw new Error('no vectors');
  for (const v of list.filter(isJsonObject)) {
    it(`${String(v.name)}: canonical text and event_hash`, () => {
      const input = gantzHashInput(v.fields as JsonObject);
      const text = pythonCanonical(input, 'token');
      expect(text).toBe(v.canonical_json);
      expect(nobleHash.sha256Hex(text)).toBe(v.event_hash);
    });
  }
});

describe('gantz profile', () => {
  it('audit.jsonl: 300 events, no findings, count and head match the anchor', () => {
    const out = run(`${G}/audit.jsonl`);
    expect(out.findings).toEqual([]);
    expect(out.records).toBe(300);
    expect(out.head).toBe((anchorsDoc as JsonObject).head_event_hash);
    expect(out.anchorsUsed).toEqual(['anchor chain "*" (count, head)']);
    expect(out.uncoveredFields).toEqual([
      'session_id',
      'correlation_id',
      'user_id',
      'agent_id',
      'resource',
      'result',
      'error',
      'severity',
      'duration_ms',
      'ip_address',
      'user_agent',
    ]);
    // The anchor's count and head reveal a cut tail and a re-chained edit; without it both stay open.
    expect(out.needsAnchorFor).toEqual([]);
    expect(run(`${G}/audit.jsonl`, []).needsAnchorFor).toEqual([
      'tail truncation',
      'an edit, insertion or deletion followed by re-chaining (gantz has no key or signature)',
    ]);
  });

  it('the anchor converter keeps count and head, and returns the first event id beside them', () => {
    expect(gantzAnchorsFromPublished(anchorsDoc)).toEqual({
      ok: true,
      anchors: [{ chain: '*', count: 300, head: (anchorsDoc as JsonObject).head_event_hash }],
      firstEventId: (anchorsDoc as JsonObject).first_event_id,
    });
    expect(gantzAnchorsFromPublished(value('{"line_count": 3}')).ok).toBe(false);
  });

  it('a CRLF copy with blank lines verifies the same, with the right line numbers', () => {
    const text = readFileSync(`${G}/audit.jsonl`, 'utf8').split('\n').join('\r\n\r\n');
    const records = jsonlRecords(text);
    expect(records[1]?.line).toBe(3);
    const [out] = gantzProfile.verify([{ path: 'crlf.jsonl', container: 'jsonl', records }], ctx());
    expect(out?.findings).toEqual([]);
    expect(out?.records).toBe(300);
  });

  it('a hostile line (not JSON, not an object, wrong types) is a finding, never a crash, and checking goes on', () => {
    const lines = readFileSync(`${G}/audit.jsonl`, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    const hostile = [
      lines[0],
      '{"event_hash": 5, "previous_hash": [1]',
      '[]',
      '{"__proto__": {"x": 1}, "event_hash": null}',
      ...lines.slice(1, 3),
    ];
    const [out] = gantzProfile.verify(
      [{ path: 'h.jsonl', container: 'jsonl', records: jsonlRecords(hostile.join('\n')) }],
      ctx(),
    );
    const kinds = out?.findings.map((f) => `${f.kind}@${f.entryIndex}`);
    expect(kinds).toContain('parse_error@1');
    expect(kinds).toContain('parse_error@2');
    expect(kinds).toContain('hash_mismatch@3');
    expect(kinds).toContain('chain_break@4');
  });
});

describe('gantz tampered copies', () => {
  const T = `${G}/tampered`;
  const files = readdirSync(T).filter((f) => !f.endsWith('.truth.json'));
  const satisfies = (f: Finding, t: TruthItem) =>
    f.kind === mapTruthKind(t.kind) &&
    (t.line_index === undefined || f.entryIndex === t.line_index) &&
    (t.line_number === undefined || f.line === t.line_number);

  it('covers all 5 tampered files', () => expect(files).toHaveLength(5));

  for (const file of files) {
    const truth = truthFor(`${T}/${file}`);
    it(`${file}: ${truth.tamper ?? ''}`, () => {
      const out = run(`${T}/${file}`);
      for (const t of truth.must_report)
        expect(
          out.findings.some((f) => satisfies(f, t)),
          JSON.stringify(t),
        ).toBe(true);
      const recordLevel = out.findings.filter(
        (f) => f.entryIndex !== undefined && !truth.must_report.some((t) => satisfies(f, t)),
      );
      expect(recordLevel).toEqual([]);
      if (truth.must_report.length === 0) expect(out.findings).toEqual([]);
      // Without the anchor the re-chained edit and the truncation are invisible, as formats/gantz.md says.
      const alone = run(`${T}/${file}`, []);
      if (['audit.edit-rechained.jsonl', 'audit.truncated.jsonl'].includes(file))
        expect(alone.findings).toEqual([]);
    });
  }
});
