/**
 * Parser and canonicalizer speed on real records (run: npx vitest bench test/bench/canon.bench.ts --run).
 * Each iteration handles every line of a fixture file; ns/record = 1e9 / (hz × lines).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { jcs } from '../../shared/canon/jcs';
import { pythonDumps } from '../../shared/canon/pythonJson';
import { locateArrayElements, parseJson } from '../../shared/json/parse';
import type { JsonValue } from '../../shared/json/value';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

function lines(relative: string): string[] {
  return readFileSync(join(FIXTURES, relative), 'utf8')
    .split('\n')
    .filter((l) => l !== '');
}

function parsedAll(texts: string[]): JsonValue[] {
  return texts.map((t) => {
    const r = parseJson(t, { allowNonFinite: true });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  });
}

const corpora = [
  { name: 'agentmesh sink (600 lines, ~905 B)', texts: lines('agentmesh/scenario/audit_trail.jsonl') },
  { name: 'meshguard 2024-03-14 (~640 lines, ~1.3 KB)', texts: lines('meshguard/audit/2024-03-14.jsonl') },
];

for (const { name, texts } of corpora) {
  const values = parsedAll(texts);
  describe(`${name}: ${texts.length} records per iteration`, () => {
    bench('JSON.parse', () => {
      for (const t of texts) JSON.parse(t);
    });
    bench('parseJson', () => {
      for (const t of texts) parseJson(t, { allowNonFinite: true });
    });
    bench('pythonDumps (token)', () => {
      for (const v of values) pythonDumps(v);
    });
    bench('pythonDumps (python-repr)', () => {
      for (const v of values) pythonDumps(v, { numbers: 'python-repr' });
    });
    bench('jcs', () => {
      for (const v of values) jcs(v);
    });
    bench('parseJson + pythonDumps + jcs', () => {
      for (const t of texts) {
        const r = parseJson(t, { allowNonFinite: true });
        if (r.ok) {
          pythonDumps(r.value);
          jcs(r.value);
        }
      }
    });
  });
}

describe('scenario/export.json (684 KB)', () => {
  const text = readFileSync(join(FIXTURES, 'agentmesh/scenario/export.json'), 'utf8');
  bench('locateArrayElements', () => {
    locateArrayElements(text, 'entries');
  });
  bench('parseJson whole document', () => {
    parseJson(text);
  });
  bench('JSON.parse whole document', () => {
    JSON.parse(text);
  });
});
