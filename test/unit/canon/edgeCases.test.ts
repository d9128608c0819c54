/** The AgentMesh edge cases (edge-cases/cases.json, lone-surrogate/expected.json) against parser and canonicalizers. */
import { describe, expect, it } from 'vitest';
import { keysInCodePointOrder } from '../../../shared/canon/codePointOrder';
import { jcs } from '../../../shared/canon/jcs';
import { pythonDumps } from '../../../shared/canon/pythonJson';
import { parseJson } from '../../../shared/json/parse';
import { isJsonObject, JsonNumber, type JsonValue } from '../../../shared/json/value';
import { nobleHash } from '../../../shared/verify/hashNoble';
import {
  asArray,
  asObject,
  asString,
  fixtureJson,
  fixtureLines,
  fixtureText,
  omit,
} from './support/fixtures';

const cases = asObject(fixtureJson('agentmesh/edge-cases/cases.json'));
const sinkLines = fixtureLines('agentmesh/edge-cases/audit_trail.jsonl');

function caseIndex(words: string): number {
  const found = asArray(cases.cases).find((c) => asString(asObject(c).case).includes(words));
  if (!found) throw new Error(`no edge case mentions ${words}`);
  return Number(asObject(found).entry_index?.toString());
}

function sinkEntry(index: number) {
  const parsed = parseJson(sinkLines[index] as string, { allowNonFinite: true });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { entry: asObject(parsed.value), nonFinite: parsed.nonFinite };
}

function numberTokens(value: JsonValue, out: string[] = []): string[] {
  if (value instanceof JsonNumber) out.push(value.token);
  else if (Array.isArray(value)) for (const v of value) numberTokens(v, out);
  else if (isJsonObject(value)) for (const v of Object.values(value)) numberTokens(v, out);
  return out;
}

describe('agentmesh edge cases', () => {
  it('strict parsing fails exactly for the files and lines cases.json names (bare NaN/Infinity)', () => {
    const named = asArray(asObject(cases.expected).strict_json_parse_fails_for).map(asString);
    const failing: string[] = [];
    for (const file of ['export.json', 'cloudevents.json']) {
      if (!parseJson(fixtureText(`agentmesh/edge-cases/${file}`)).ok) failing.push(file);
    }
    for (const file of ['cloudevents.jsonl', 'audit_trail.jsonl']) {
      for (const [i, line] of fixtureLines(`agentmesh/edge-cases/${file}`).entries()) {
        const strict = parseJson(line);
        if (!strict.ok) {
          failing.push(`${file} line ${i + 1}`);
          expect(strict.error.message).toMatch(/^bare (NaN|Infinity|-Infinity) not allowed$/);
          expect(line.slice(strict.error.offset)).toMatch(/^(NaN|Infinity|-Infinity)/);
        }
        const lenient = parseJson(line, { allowNonFinite: true });
        expect(lenient.ok && lenient.nonFinite).toBe(!strict.ok);
      }
    }
    expect(failing.sort()).toEqual([...named].sort());
  });

  it('NaN/Infinity: tokens re-emitted bare by pythonDumps, refused by JCS with their path', () => {
    const { entry, nonFinite } = sinkEntry(caseIndex('NaN / Infinity'));
    expect(nonFinite).toBe(true);
    const tokens = numberTokens(entry.data as JsonValue);
    expect(tokens).toEqual(expect.arrayContaining(['NaN', 'Infinity', '-Infinity']));
    expect(pythonDumps(entry)).toBe(sinkLines[caseIndex('NaN / Infinity')]);
    const refused = jcs(entry);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.reason).toMatch(/not finite/);
      expect(refused.path.startsWith('data')).toBe(true);
    }
  });

  it('integers beyond 2^53 keep their exact tokens (JSON.parse would round them)', () => {
    const index = caseIndex('integers beyond 2**53');
    const { entry } = sinkEntry(index);
    const big = numberTokens(entry.data as JsonValue).filter(
      (t) => /^-?\d+$/.test(t) && !Number.isSafeInteger(Number(t)),
    );
    expect(big).toContain('9007199254740993');
    expect(big).toContain((3n ** 50n).toString());
    for (const token of big) expect(String(Number(token))).not.toBe(token);
    expect(pythonDumps(entry)).toBe(sinkLines[index]);
  });

  it('key ordering: the code point order differs from the UTF-16 order for this entry, and the hash needs the former', () => {
    const { entry } = sinkEntry(caseIndex('key ordering'));
    const data = asObject(entry.data);
    const keys = Object.keys(data);
    expect(keysInCodePointOrder([...keys])).not.toEqual([...keys].sort());
    const payload = omit(entry, ['content_hash', 'signature', 'sandbox_id', 'environment', 'compute_driver']);
    expect(nobleHash.sha256Hex(pythonDumps(payload))).toBe(entry.content_hash);
  });
});

describe('lone surrogate archive (lone-surrogate/expected.json)', () => {
  const lines = fixtureLines('agentmesh/edge-cases/lone-surrogate/audit_trail.jsonl');
  const parsed = parseJson(lines[1] as string);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const entry = asObject(parsed.value);
  const text = asString(asObject(entry.data).lone_high_surrogate);

  it('the escape decodes to one lone UTF-16 unit and is written back as one \\ud83d escape', () => {
    expect([...text].map((c) => c.charCodeAt(0))).toEqual([0x78, 0xd83d, 0x79]);
    expect(pythonDumps(text)).toBe('"x\\ud83dy"');
    expect(pythonDumps(entry)).toBe(lines[1]);
  });

  it('the content hash recomputes; a UTF-8 round trip of the decoded string (U+FFFD) would break it', () => {
    const payload = omit(entry, ['content_hash', 'signature', 'sandbox_id', 'environment', 'compute_driver']);
    expect(nobleHash.sha256Hex(pythonDumps(payload))).toBe(entry.content_hash);
    const mangled = new TextDecoder().decode(new TextEncoder().encode(text));
    const data = Object.assign(Object.create(null), { lone_high_surrogate: mangled }) as Record<
      string,
      JsonValue
    >;
    payload.data = data;
    expect(nobleHash.sha256Hex(pythonDumps(payload))).not.toBe(entry.content_hash);
    expect(expectedValid()).toBe(true);
  });

  it('JCS refuses it and names the path', () => {
    expect(jcs(entry)).toEqual({
      ok: false,
      reason: 'lone surrogate in string',
      path: 'data.lone_high_surrogate',
    });
  });
});

function expectedValid(): boolean {
  const expected = asObject(fixtureJson('agentmesh/edge-cases/lone-surrogate/expected.json'));
  return asArray(expected.content_hash_recomputes_when_parsed_with_python_json).every((v) => v === true);
}
