/** The profile file's schema: the shipped profiles parse, and each mistake is reported naming its field. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCustomProfile, parseCustomProfileText } from '../../../../shared/verify/custom/schema';

const base = {
  id: 'my-log',
  format: 'jsonl',
  coveredFields: ['a', 'prev'],
  canonicalization: 'jcs',
  hash: 'sha256',
  hashField: 'h',
  chain: { prevField: 'prev', genesis: null },
};

function fieldsOf(doc: unknown): string[] {
  const parsed = parseCustomProfile(doc);
  return parsed.ok ? [] : parsed.errors.map((e) => e.field);
}

describe('custom profile schema', () => {
  it('accepts every shipped profile and fills defaults', () => {
    const files = readdirSync('test/fixtures/profiles').filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual([
      'agentmesh-sink.json',
      'gantz.json',
      'meshguard.json',
      'runtime-steps.json',
    ]);
    for (const f of files) {
      const parsed = parseCustomProfileText(readFileSync(`test/fixtures/profiles/${f}`, 'utf8'));
      expect(parsed.ok, f).toBe(true);
    }
    const parsed = parseCustomProfile(base);
    expect(parsed.ok && parsed.spec.chain?.linkInHash).toBe('covered');
    expect(parsed.ok && parsed.spec.numbers).toBe('token');
  });

  it('names the field of each mistake', () => {
    expect(fieldsOf({ ...base, canonicalization: 'xml' })).toEqual(['canonicalization']);
    expect(fieldsOf({ ...base, hashField: undefined })).toEqual(['hashField']);
    expect(fieldsOf({ ...base, hash: 'md5' })).toEqual(['hash']);
    expect(fieldsOf({ ...base, id: 'My Log' })).toEqual(['id']);
    expect(fieldsOf({ ...base, colour: 'red' })).toEqual(['colour']);
    expect(fieldsOf({ ...base, chain: { prevField: 'prev', genesis: 'x' } })).toEqual(['chain.genesis']);
    expect(fieldsOf({ ...base, chain: { prevField: 'prev', genesis: null, acrossFile: true } })).toEqual([
      'chain.acrossFile',
    ]);
    expect(fieldsOf({ ...base, signature: { scheme: 'rsa', field: 's', over: 'hash-hex' } })).toEqual([
      'signature.scheme',
    ]);
    expect(fieldsOf({ ...base, coveredFields: ['a'] })).toEqual(['coveredFields']);
    expect(fieldsOf({ ...base, coveredFields: ['a', 'prev', 'h'] })).toEqual(['coveredFields']);
    expect(fieldsOf({ ...base, coveredFields: { allExcept: ['sig'] } })).toEqual(['coveredFields.allExcept']);
    expect(fieldsOf({ ...base, groupBy: 'run', chain: undefined, coveredFields: ['a'] })).toEqual([
      'groupBy',
    ]);
    expect(fieldsOf({ ...base, canonicalization: 'raw-line' })).toEqual(['hashField']);
    expect(fieldsOf({ ...base, hashField: 'a b' })).toEqual(['hashField']);
  });

  it('a file that is not JSON, or not an object, is a file-level error', () => {
    const text = parseCustomProfileText('{"id": ');
    expect(text.ok === false && text.errors[0]?.field).toBe('(file)');
    expect(fieldsOf([1, 2])).toEqual(['(file)']);
  });
});
