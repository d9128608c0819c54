/** Every JSONL fixture line parses strictly, except exactly the lines the ground truth names as parse errors. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../shared/json/parse';
import { asArray, asObject, fixtureJson, fixtureText } from '../canon/support/fixtures';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

function jsonlFiles(dir = ''): string[] {
  return readdirSync(join(FIXTURES, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) return jsonlFiles(relative);
    return relative.endsWith('.jsonl') && !relative.startsWith('agentmesh/edge-cases/') ? [relative] : [];
  });
}

/** 1-based line numbers that the truth file says must be reported as parse_error. */
function truthParseErrorLines(file: string): number[] {
  const truthPath = `${file}.truth.json`;
  if (!readdirSync(join(FIXTURES, file, '..')).includes(truthPath.split('/').pop() as string)) return [];
  const truth = asObject(fixtureJson(truthPath));
  return asArray(truth.must_report)
    .map(asObject)
    .filter((item) => item.kind === 'parse_error')
    .map((item) => Number((item.line_number ?? item.line)?.toString()));
}

describe('JSONL fixtures', () => {
  const files = jsonlFiles();

  it('covers the archives of every producer, torn lines included', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files.filter((f) => truthParseErrorLines(f).length > 0).length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s', (file) => {
    const lines = fixtureText(file).split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const failing: number[] = [];
    for (const [i, line] of lines.entries()) {
      const result = parseJson(line, { rejectDuplicateKeys: true });
      if (!result.ok) {
        failing.push(i + 1);
        expect(result.error.offset).toBeLessThanOrEqual(line.length);
      }
    }
    expect(failing).toEqual(truthParseErrorLines(file));
  });
});
