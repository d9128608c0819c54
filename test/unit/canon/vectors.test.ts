/** Every canonical-text and hash vector in test/fixtures/* /vectors.json, recomputed from the parsed fields. */
import { describe, expect, it } from 'vitest';
import { jcs } from '../../../shared/canon/jcs';
import { pythonDumps } from '../../../shared/canon/pythonJson';
import { parseJson } from '../../../shared/json/parse';
import { nobleHash } from '../../../shared/verify/hashNoble';
import { asArray, asObject, asString, fixtureJson, omit } from './support/fixtures';

function jcsText(value: Parameters<typeof jcs>[0]): string {
  const result = jcs(value);
  if (!result.ok) throw new Error(`${result.reason} at ${result.path}`);
  return result.text;
}

describe('gantz vectors (python json.dumps, sort_keys)', () => {
  const vectors = asArray(asObject(fixtureJson('gantz/vectors.json')).gantz_event_hash);
  it.each(vectors.map((v) => [asString(asObject(v).name), asObject(v)]))('%s', (_name, vector) => {
    const text = pythonDumps(asObject(vector.fields));
    expect(text).toBe(asString(vector.canonical_json));
    expect(nobleHash.sha256Hex(text)).toBe(asString(vector.event_hash));
  });
});

describe('agentmesh vectors', () => {
  const root = asObject(fixtureJson('agentmesh/vectors.json'));

  it.each(asArray(root.agentmesh_entry_hash).map((v) => [asString(asObject(v).name), asObject(v)]))(
    'entry hash: %s',
    (_name, vector) => {
      const text = pythonDumps(asObject(vector.fields));
      expect(text).toBe(asString(vector.canonical_json));
      expect(nobleHash.sha256Hex(text)).toBe(asString(vector.entry_hash));
    },
  );

  it('file sink: payload, content hash, HMAC and the whole line', () => {
    const sink = asObject(root.agentmesh_file_sink);
    const line = asString(sink.jsonl_line);
    const parsed = parseJson(line);
    if (!parsed.ok) throw new Error(parsed.error.message);
    // The line is itself a sorted json.dumps: a lossless round trip gives it back byte for byte (agentmesh.md §5).
    expect(pythonDumps(parsed.value)).toBe(line);
    const payload = pythonDumps(
      omit(asObject(parsed.value), [
        'content_hash',
        'signature',
        'sandbox_id',
        'environment',
        'compute_driver',
      ]),
    );
    expect(payload).toBe(asString(sink.canonical_payload));
    const contentHash = nobleHash.sha256Hex(payload);
    expect(contentHash).toBe(asString(sink.content_hash));
    const key = new TextEncoder().encode(asString(sink.hmac_key_utf8));
    expect(nobleHash.hmacSha256Hex(key, contentHash)).toBe(asString(sink.signature));
  });

  it('CloudEvent JSON round-trips unsorted (sort_keys=False keeps member order)', () => {
    const text = asString(asObject(root.agentmesh_cloudevent).json);
    const parsed = parseJson(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(pythonDumps(parsed.value, { sortKeys: false })).toBe(text);
  });
});

describe('meshguard vectors (RFC 8785)', () => {
  const root = asObject(fixtureJson('meshguard/vectors.json'));

  it.each(asArray(root.events).map((v) => [asString(asObject(v).name), asObject(v)]))(
    'event %s: JCS text and hash',
    (_name, vector) => {
      // Parse the producer's line, not the vector's own event copy: the line carries the number traps.
      const parsed = parseJson(asString(vector.line), { rejectDuplicateKeys: true });
      if (!parsed.ok) throw new Error(parsed.error.message);
      const event = asObject(parsed.value);
      const canonical = jcsText(omit(event, ['integrity']));
      expect(canonical).toBe(asString(vector.jcs_of_event_without_integrity));
      const prev = asString(asObject(event.integrity).prev);
      const input = new TextEncoder().encode(`${canonical}\n${prev}`);
      expect(input.length).toBe(Number(vector.hash_input_length?.toString()));
      expect(nobleHash.sha256Hex(input)).toBe(asString(vector.hash));
      expect(asString(asObject(event.integrity).hash)).toBe(asString(vector.hash));
    },
  );

  it.each(
    asArray(root.jcs_numbers).map((v) => [asString(asObject(v).python_repr), asString(asObject(v).jcs)]),
  )('number %s → %s', (repr, expected) => {
    const parsed = parseJson(repr);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(jcsText(parsed.value)).toBe(expected);
  });

  it('member order by UTF-16 unit', () => {
    const order = asObject(root.jcs_key_order);
    const obj = Object.create(null) as Record<string, null>;
    for (const key of asArray(order.keys_in)) obj[asString(key)] = null;
    const text = jcsText(obj);
    const keys = Object.keys(JSON.parse(text) as object);
    // JSON.parse re-reads the canonical text; compare the textual order instead of object order.
    const expected = asArray(order.jcs_order)
      .map((k) => `${JSON.stringify(asString(k))}:null`)
      .join(',');
    expect(text).toBe(`{${expected}}`);
    expect(keys.length).toBe(9);
  });

  it('member order by code point for python (the same keys)', () => {
    const order = asObject(root.jcs_key_order);
    const obj = Object.create(null) as Record<string, null>;
    for (const key of asArray(order.keys_in)) obj[asString(key)] = null;
    const expected = asArray(order.code_point_order_would_be)
      .map((k) => `${pythonDumps(asString(k))}: null`)
      .join(', ');
    expect(pythonDumps(obj)).toBe(`{${expected}}`);
  });
});

describe('runtime-steps vectors (RFC 8785)', () => {
  const root = asObject(fixtureJson('runtime-steps/vectors.json'));
  const hmacKey = Uint8Array.from(asString(root.hmac_key_hex).match(/../g) ?? [], (h) => parseInt(h, 16));

  it('args: JCS text, args_hash and action_key', () => {
    const args = asObject(root.args);
    const text = jcsText(asObject(args.args));
    expect(text).toBe(asString(args.jcs_args));
    expect(nobleHash.sha256Hex(text)).toBe(asString(args.args_hash));
    const keyInput = asString(args.action) + text;
    expect(keyInput).toBe(asString(args.action_key_input));
    expect(nobleHash.sha256Hex(keyInput).startsWith(asString(args.action_key))).toBe(true);
  });

  it.each(asArray(root.events).map((v) => [asString(asObject(v).name), asObject(v)]))(
    'event %s: hash and HMAC',
    (_name, vector) => {
      const parsed = parseJson(asString(vector.line), { rejectDuplicateKeys: true });
      if (!parsed.ok) throw new Error(parsed.error.message);
      const event = asObject(parsed.value);
      const forHash = jcsText(omit(event, ['hash', 'sig']));
      expect(forHash).toBe(asString(vector.jcs_for_hash));
      expect(nobleHash.sha256Hex(forHash)).toBe(asString(vector.hash));
      const forSig = jcsText(omit(event, ['sig']));
      expect(forSig).toBe(asString(vector.jcs_for_sig));
      expect(nobleHash.hmacSha256Hex(hmacKey, forSig)).toBe(asString(vector.sig));
    },
  );
});
