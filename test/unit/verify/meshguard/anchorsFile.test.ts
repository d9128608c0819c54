import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../../shared/json/parse';
import { isMeshguardAnchors, meshguardAnchors } from '../../../../shared/verify/meshguard/anchorsFile';
import { MG } from './fixtures';

const text = readFileSync(`${MG}/anchors.json`, 'utf8');

describe('meshguard anchors.json converter', () => {
  it('turns log and files into a "*" chain and one chain per file path', () => {
    const r = meshguardAnchors(JSON.parse(text) as unknown);
    expect(
      r.ok && r.anchors.map((a) => [a.chain, a.count, a.head?.slice(0, 8), a.firstPrev?.slice(0, 8)]),
    ).toEqual([
      ['*', 1453, 'f368aba1', '00000000'],
      ['audit/2024-03-14.jsonl', 641, '5f3b6d6b', '00000000'],
      ['audit/2024-03-15.jsonl', 657, 'a0d4c1d5', '5f3b6d6b'],
      ['audit/2024-03-16.jsonl', 155, 'f368aba1', 'a0d4c1d5'],
    ]);
  });

  it('reads the counts from a losslessly parsed document too', () => {
    const parsed = parseJson(text);
    expect(parsed.ok && meshguardAnchors(parsed.value)).toEqual(
      meshguardAnchors(JSON.parse(text) as unknown),
    );
  });

  it('refuses other documents with a clear error', () => {
    expect(isMeshguardAnchors({ chains: [] })).toBe(false);
    const r = meshguardAnchors({ producer: 'meshguard', log: {}, files: [{ line_count: 3 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/files\[0\] has no path.*no count, head or first prev for \*/);
  });
});
