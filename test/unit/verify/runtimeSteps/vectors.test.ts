import { readFileSync } from 'node:fs';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { jcs } from '../../../../shared/canon/jcs';
import { parseJson } from '../../../../shared/json/parse';
import { emptyObject, isJsonObject, type JsonObject, type JsonValue } from '../../../../shared/json/value';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import type { VerifyContext } from '../../../../shared/verify/profile';
import { actionKey, argsHash } from '../../../../shared/verify/runtimeSteps/argsHash';
import { verifyRuntimeStepsCloudEvents } from '../../../../shared/verify/runtimeSteps/cloudEvents';
import { verifyRuntimeSteps } from '../../../../shared/verify/runtimeSteps/profile';
import { jsonlRecords } from '../helpers';
import { RS } from './fixtures';

function parsed(text: string): JsonValue {
  const p = parseJson(text, { rejectDuplicateKeys: true });
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

function member(obj: JsonValue, ...path: (string | number)[]): JsonValue {
  let cur: JsonValue | undefined = obj;
  for (const step of path)
    cur =
      typeof step === 'number'
        ? Array.isArray(cur)
          ? cur[step]
          : undefined
        : isJsonObject(cur)
          ? cur[step]
          : undefined;
  if (cur === undefined) throw new Error(`no ${path.join('.')}`);
  return cur;
}

function str(v: JsonValue): string {
  if (typeof v !== 'string') throw new Error('not a string');
  return v;
}

function without(obj: JsonObject, names: string[]): JsonObject {
  const out = emptyObject();
  for (const k of Object.keys(obj)) if (!names.includes(k)) out[k] = obj[k] as JsonValue;
  return out;
}

// Parsed losslessly: `total_cents` is the token 14999.0, which JCS writes 14999.
const v = parsed(readFileSync(`${RS}/vectors.json`, 'utf8'));
const key = hexToBytes(str(member(v, 'hmac_key_hex')));
const events = member(v, 'events') as JsonValue[];

function vectorContext(): VerifyContext {
  return { hash: nobleHash, keys: { hmac: [{ id: 'vector', key }], ed25519: [] }, anchors: [] };
}

describe('runtime-steps vectors.json', () => {
  it('args: canonical text, args_hash and action_key', () => {
    const args = member(v, 'args', 'args');
    expect(jcs(args)).toEqual({ ok: true, text: str(member(v, 'args', 'jcs_args')) });
    expect(argsHash(args, nobleHash)).toEqual({ ok: true, hex: str(member(v, 'args', 'args_hash')) });
    const action = str(member(v, 'args', 'action'));
    expect(action + str(member(v, 'args', 'jcs_args'))).toBe(str(member(v, 'args', 'action_key_input')));
    expect(actionKey(action, args, nobleHash)).toEqual({
      ok: true,
      hex: str(member(v, 'args', 'action_key')),
    });
  });

  events.forEach((e, i) => {
    it(`${str(member(e, 'name'))}: hash and HMAC inputs, hash, sig; the line is the event`, () => {
      const line = parsed(str(member(e, 'line')));
      if (!isJsonObject(line)) throw new Error('line');
      expect(jcs(line)).toEqual(jcs(member(e, 'event')));
      const forHash = jcs(without(line, ['hash', 'sig']));
      const forSig = jcs(without(line, ['sig']));
      expect(forHash).toEqual({ ok: true, text: str(member(e, 'jcs_for_hash')) });
      expect(forSig).toEqual({ ok: true, text: str(member(e, 'jcs_for_sig')) });
      expect(nobleHash.sha256Hex(str(member(e, 'jcs_for_hash')))).toBe(str(member(e, 'hash')));
      expect(nobleHash.hmacSha256Hex(key, str(member(e, 'jcs_for_sig')))).toBe(str(member(e, 'sig')));
      expect(i === 0 || member(line, 'prev') === member(events[i - 1] as JsonValue, 'hash')).toBe(true);
    });
  });

  it('the three vector events verify as one run through the profile', () => {
    const text = events.map((e) => str(member(e, 'line'))).join('\n');
    const out = verifyRuntimeSteps(
      [{ path: 'vectors.jsonl', container: 'jsonl', records: jsonlRecords(text) }],
      vectorContext(),
    );
    expect(out[0]?.findings).toEqual([]);
    expect(out[0]?.head).toBe(str(member(events[2] as JsonValue, 'hash')));
    expect(out[0]?.keysUsed).toEqual(['vector (sha256 630dcd2966c43366)']);
  });

  it('the vector CloudEvent: envelope consistent, data verifies', () => {
    const line = str(member(v, 'cloudevent', 'line'));
    const out = verifyRuntimeStepsCloudEvents(
      [{ path: 'ce.jsonl', container: 'jsonl', records: jsonlRecords(line) }],
      vectorContext(),
    );
    expect(out[0]?.findings).toEqual([]);
    expect(
      str(member(parsed(line), 'source')).startsWith(str(member(v, 'cloudevent', 'source_prefix'))),
    ).toBe(true);
  });
});
