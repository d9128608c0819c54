import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseKeyRing } from '../../../../shared/verify/keys/keyRing';
import { verifyMeshguard } from '../../../../shared/verify/meshguard/profile';
import { FINDING_KINDS } from '../../../../shared/verify/types';
import { jsonlRecords } from '../helpers';
import { MG, context } from './fixtures';

const lines = readFileSync(`${MG}/audit/2024-03-16.jsonl`, 'utf8')
  .split('\n')
  .filter((l) => l !== '');

function verifyLines(texts: string[], ctx = context([])): ReturnType<typeof verifyMeshguard> {
  return verifyMeshguard(
    [{ path: 'audit/x.jsonl', container: 'jsonl', records: jsonlRecords(texts.join('\n')) }],
    ctx,
  );
}

function edit(line: string, change: (o: Record<string, unknown>) => void): string {
  const o = JSON.parse(line) as Record<string, unknown>;
  change(o);
  return JSON.stringify(o);
}

describe('meshguard hostile records', () => {
  it('reports each malformed event and keeps checking the others', () => {
    const texts = lines.slice(0, 10);
    texts[0] = edit(texts[0] ?? '', (o) => delete o.integrity);
    texts[1] = edit(texts[1] ?? '', (o) => ((o.integrity as Record<string, unknown>).alg = 'md5'));
    texts[2] = edit(texts[2] ?? '', (o) => delete (o.integrity as Record<string, unknown>).sig);
    texts[3] = edit(texts[3] ?? '', (o) => ((o.integrity as Record<string, unknown>).key_id = 'nope'));
    texts[4] = (texts[4] ?? '').replace('{', '{"x":"\\ud800",');
    texts[5] = (texts[5] ?? '').replace('{', '{"timestamp":"1",');
    texts[6] = '[]';
    const out = verifyLines(texts);
    expect(out[0]?.findings.map((f) => [f.line, f.kind, f.field, f.detail.split(':')[0]])).toEqual([
      [1, 'parse_error', 'integrity', 'schema_error'],
      [2, 'hash_mismatch', 'integrity.alg', 'unsupported_alg (evt_1edc95f8f239)'],
      [3, 'signature_invalid', 'integrity.sig', 'sig_missing'],
      [4, 'signature_invalid', 'integrity.key_id', 'unknown_key_id'],
      [
        5,
        'parse_error',
        'x',
        'schema_error (' + String((JSON.parse(lines[4] ?? '{}') as { event_id: string }).event_id) + ')',
      ],
      [
        6,
        'parse_error',
        undefined,
        `not valid JSON at column 48 (${(texts[5] ?? '').length} characters kept as evidence)`,
      ],
      [7, 'parse_error', undefined, 'schema_error'],
    ]);
    expect(out[0]?.findings[5]?.detail).toMatch(/duplicate member name "timestamp"/);
    // No chain_break after an unusable line: its successor's link cannot be checked, and the finding says so.
    expect(out[0]?.findings[0]?.detail).toMatch(/next event's prev cannot be checked/);
  });

  it('a signature by a key outside its validity window is reported', () => {
    const ring = JSON.parse(readFileSync(`${MG}/keys/meshguard-keys.json`, 'utf8')) as {
      keys: { valid_from: string }[];
    };
    const shifted = '2024-03-16T12:00:00.000Z';
    (ring.keys[1] as { valid_from: string }).valid_from = shifted;
    const keys = parseKeyRing(ring);
    if (!keys.ok) throw new Error(keys.error);
    const out = verifyLines(lines, context([], keys.value));
    const early = lines.flatMap((l, i) =>
      (JSON.parse(l) as { timestamp: string }).timestamp < shifted ? [i] : [],
    );
    expect(early.length).toBeGreaterThan(0);
    expect(out[0]?.findings.map((f) => f.entryIndex)).toEqual(early);
    expect(
      out[0]?.findings.every(
        (f) => f.kind === 'signature_invalid' && f.detail.startsWith('key_outside_validity'),
      ),
    ).toBe(true);
  });

  it('never throws on mutated lines, and every finding has a Casefile kind', () => {
    const sample = lines.slice(0, 4);
    fc.assert(
      fc.property(
        fc.nat(3),
        fc.nat(2000),
        fc.string({ maxLength: 3 }),
        fc.boolean(),
        (which, at, insert, cut) => {
          const texts = [...sample];
          const line = texts[which] ?? '';
          texts[which] = cut
            ? line.slice(0, at % line.length)
            : line.slice(0, at % line.length) + insert + line.slice(at % line.length);
          const out = verifyLines(texts);
          expect(out.length).toBe(1);
          for (const f of out[0]?.findings ?? []) expect(FINDING_KINDS).toContain(f.kind);
        },
      ),
      { numRuns: 150 },
    );
  });
});
