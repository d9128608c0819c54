/** Whole-corpus checks: every untampered record's hash recomputes from our parser + canonicalizers. */
import { describe, expect, it } from 'vitest';
import { jcs } from '../../../shared/canon/jcs';
import { pythonDumps, type PythonDumpsOptions } from '../../../shared/canon/pythonJson';
import { locateArrayElements, parseJson } from '../../../shared/json/parse';
import { type JsonObject } from '../../../shared/json/value';
import { nobleHash } from '../../../shared/verify/hashNoble';
import {
  asArray,
  asObject,
  asString,
  fixtureJson,
  fixtureLines,
  fixtureText,
  omit,
  pick,
} from './support/fixtures';

const ENTRY_FIELDS = [
  'entry_id',
  'timestamp',
  'event_type',
  'agent_did',
  'action',
  'resource',
  'data',
  'outcome',
  'previous_hash',
];
const SINK_UNCOVERED = ['content_hash', 'signature', 'sandbox_id', 'environment', 'compute_driver'];
const GANTZ_FIELDS = ['event_id', 'event_type', 'timestamp', 'action', 'parameters', 'previous_hash'];

function parseLine(line: string): JsonObject {
  const parsed = parseJson(line, { allowNonFinite: true });
  if (!parsed.ok) throw new Error(`${parsed.error.message} at ${parsed.error.offset}`);
  return asObject(parsed.value);
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

describe('agentmesh FileAuditSink JSONL (agentmesh.md §5)', () => {
  const key = utf8(
    asString(asObject(asObject(fixtureJson('agentmesh/scenario/anchors.json')).file_sink).hmac_key_utf8),
  );
  const files = [
    'agentmesh/scenario/audit_trail.jsonl',
    'agentmesh/rotation/audit_trail.20260409151036.jsonl',
    'agentmesh/rotation/audit_trail.20260409152019.jsonl',
    'agentmesh/rotation/audit_trail.jsonl',
    'agentmesh/edge-cases/audit_trail.jsonl',
    'agentmesh/edge-cases/lone-surrogate/audit_trail.jsonl',
  ];

  it.each(files)('%s: lines round-trip, content hashes and HMACs recompute', (file) => {
    const mismatches: number[] = [];
    const notRoundTripped: number[] = [];
    for (const [i, line] of fixtureLines(file).entries()) {
      const entry = parseLine(line);
      if (pythonDumps(entry) !== line) notRoundTripped.push(i);
      const contentHash = nobleHash.sha256Hex(pythonDumps(omit(entry, SINK_UNCOVERED)));
      if (contentHash !== entry.content_hash) mismatches.push(i);
      expect(nobleHash.hmacSha256Hex(key, asString(entry.content_hash))).toBe(entry.signature);
    }
    // Only the int-keyed edge case fails, exactly as the producer's own verifier reports (cases.json, entry 5):
    // Python sorted its int keys numerically (3, 20, 100); read back they are strings and sort "100", "20", "3".
    const expected = file === 'agentmesh/edge-cases/audit_trail.jsonl' ? [5] : [];
    expect(mismatches).toEqual(expected);
    expect(notRoundTripped).toEqual(expected);
  });
});

describe('agentmesh exports (agentmesh.md §2, §6)', () => {
  function failingEntries(
    file: string,
    isoTimestamp: (t: string) => string,
    options: PythonDumpsOptions,
  ): number[] {
    const text = fixtureText(file);
    const located = locateArrayElements(text, 'entries');
    if (!located.ok) throw new Error(located.error.message);
    const failing: number[] = [];
    for (const [i, span] of located.spans.entries()) {
      const entry = parseLine(text.slice(span.start, span.end));
      const fields = pick(entry, ENTRY_FIELDS);
      fields.timestamp = isoTimestamp(asString(entry.timestamp));
      if (nobleHash.sha256Hex(pythonDumps(fields, options)) !== entry.entry_hash) failing.push(i);
    }
    expect(located.spans.length).toBe(Number(asObject(parseLine(text)).entry_count?.toString()));
    return failing;
  }
  // default=str wrote datetimes with a space; the hash used isoformat's 'T' (formats/README.md lesson 2).
  const fromDefaultStr = (t: string): string => t.replace(' ', 'T');

  it('scenario/export.json: all 600 entry hashes (tokens copied)', () => {
    expect(failingEntries('agentmesh/scenario/export.json', fromDefaultStr, { numbers: 'token' })).toEqual(
      [],
    );
  });

  it('scenario/export.pydantic.json: all entry hashes with floats re-rendered as Python repr', () => {
    const fromPydantic = (t: string): string => t.replace(/Z$/, '+00:00');
    expect(
      failingEntries('agentmesh/scenario/export.pydantic.json', fromPydantic, { numbers: 'python-repr' }),
    ).toEqual([]);
  });

  it('the same pydantic export fails when its tokens are copied (proves the repr mode matters)', () => {
    const fromPydantic = (t: string): string => t.replace(/Z$/, '+00:00');
    expect(
      failingEntries('agentmesh/scenario/export.pydantic.json', fromPydantic, { numbers: 'token' }).length,
    ).toBeGreaterThan(0);
  });

  it('edge-cases/export.json: everything but the int-keyed entry 5 (bare NaN/Infinity included)', () => {
    expect(failingEntries('agentmesh/edge-cases/export.json', fromDefaultStr, {})).toEqual([5]);
  });

  it('lone-surrogate/export.json: all three entries, the lone \\ud83d kept as one UTF-16 unit', () => {
    expect(failingEntries('agentmesh/edge-cases/lone-surrogate/export.json', fromDefaultStr, {})).toEqual([]);
  });
});

describe('gantz JSONL (gantz.md)', () => {
  it('every event_hash recomputes and every line round-trips in its own member order', () => {
    const lines = fixtureLines('gantz/audit.jsonl');
    expect(lines.length).toBe(300);
    for (const line of lines) {
      const event = parseLine(line);
      expect(pythonDumps(event, { sortKeys: false })).toBe(line);
      expect(nobleHash.sha256Hex(pythonDumps(pick(event, GANTZ_FIELDS)))).toBe(event.event_hash);
    }
  });
});

describe('meshguard JSONL (meshguard.md §3, §4.1)', () => {
  it.each([
    'meshguard/audit/2024-03-14.jsonl',
    'meshguard/audit/2024-03-15.jsonl',
    'meshguard/audit/2024-03-16.jsonl',
  ])('%s: every hash recomputes; lines round-trip as compact ensure_ascii=False dumps', (file) => {
    const compact: PythonDumpsOptions = {
      sortKeys: false,
      ensureAscii: false,
      itemSeparator: ',',
      keySeparator: ':',
    };
    for (const line of fixtureLines(file)) {
      const parsed = parseJson(line, { rejectDuplicateKeys: true });
      if (!parsed.ok) throw new Error(parsed.error.message);
      const event = asObject(parsed.value);
      expect(pythonDumps(event, compact)).toBe(line);
      const canonical = jcs(omit(event, ['integrity']));
      if (!canonical.ok) throw new Error(canonical.reason);
      const integrity = asObject(event.integrity);
      expect(nobleHash.sha256Hex(utf8(`${canonical.text}\n${asString(integrity.prev)}`))).toBe(
        integrity.hash,
      );
    }
  });
});

describe('runtime-steps JSONL (runtime-steps.md §5)', () => {
  const keyHex = fixtureText('runtime-steps/keys/hmac-key.hex').trim();
  const key = Uint8Array.from(keyHex.match(/../g) ?? [], (h) => parseInt(h, 16));

  it.each(
    asArray(asObject(fixtureJson('runtime-steps/anchors.json')).files).map((f) => asString(asObject(f).path)),
  )('%s: every hash and HMAC recomputes', (path) => {
    const lines = fixtureLines(`runtime-steps/${path}`);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const parsed = parseJson(line, { rejectDuplicateKeys: true });
      if (!parsed.ok) throw new Error(parsed.error.message);
      const event = asObject(parsed.value);
      const forHash = jcs(omit(event, ['hash', 'sig']));
      const forSig = jcs(omit(event, ['sig']));
      if (!forHash.ok || !forSig.ok) throw new Error('JCS refused a fixture event');
      expect(nobleHash.sha256Hex(forHash.text)).toBe(event.hash);
      expect(nobleHash.hmacSha256Hex(key, forSig.text)).toBe(event.sig);
    }
  });
});
