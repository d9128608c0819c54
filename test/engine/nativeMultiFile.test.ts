/**
 * Several files in one import call (importRun.ts): the native files of a family go into one
 * INSERT together (native/nativeFiles.ts), between and around files of other families and of
 * the JS path, and must land exactly as the JS path lands them, in the call's order: the same
 * rows with the same row ids, the same quarantine and the same report lines.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportFileReport } from '../../shared/contract/model';
import { importFilesWith } from '../helpers/importBothWays';
import { stepLine } from '../helpers/runtimeStepLine';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-multi');
const STEPS = 'test/fixtures/runtime-steps/steps';
const EVENTS = 'test/fixtures/runtime-steps/cloudevents';

/** A report line without its archive id, which each import makes anew. */
function comparableReport({ archiveId: _a, notes, ...report }: ImportFileReport): unknown {
  return { ...report, notes: [...(notes ?? [])].sort() };
}

describe('one import call of several files', () => {
  it('lands native files of two families, a JS-path file, a damaged file and a repeated file as the JS path does', async () => {
    // A runtime-steps file whose last line is torn and one line is no JSON: the rest goes in natively.
    const damaged = join(dir, 'damaged.jsonl');
    writeFileSync(damaged, `${stepLine(1)}\n{not json\n${stepLine(2)}\n${stepLine(3).slice(0, 40)}`);
    const files = [
      join(STEPS, 'tnt_bluefin.jsonl'),
      join(EVENTS, 'tnt_bluefin.jsonl'),
      'test/fixtures/gantz/audit.jsonl',
      damaged,
      join(STEPS, 'tnt_ember.jsonl'),
      join(STEPS, 'tnt_bluefin.jsonl'),
      join(EVENTS, 'tnt_ember.jsonl'),
    ];
    const [viaSql, viaJs] = [
      await importFilesWith(true, files, dir),
      await importFilesWith(false, files, dir),
    ];
    // The same with every native file inserted as soon as it is read (a batch of one byte).
    const oneByOne = await importFilesWith(true, files, dir, { nativeBatchBytes: 1 });
    expect(viaSql.reports.map((r) => r.producer)).toEqual([
      'runtime-steps',
      'runtime-steps-cloudevents',
      'gantz',
      'runtime-steps',
      'runtime-steps',
      'unknown',
      'runtime-steps-cloudevents',
    ]);
    expect(viaSql.reports[5]?.duplicateOf).toBe(join(STEPS, 'tnt_bluefin.jsonl'));
    expect(viaSql.reports[3]?.quarantined).toBe(2);
    expect(viaSql.reports.map(comparableReport)).toEqual(viaJs.reports.map(comparableReport));
    expect(viaSql.events).toEqual(viaJs.events);
    expect(viaSql.quarantine).toEqual(viaJs.quarantine);
    expect(oneByOne.reports.map(comparableReport)).toEqual(viaJs.reports.map(comparableReport));
    expect(oneByOne.events).toEqual(viaJs.events);
    expect(oneByOne.quarantine).toEqual(viaJs.quarantine);
    // Row ids follow the call's order: each file's rows after the previous file's.
    const lines = (f: string): number => readFileSync(f, 'utf8').split('\n').filter(Boolean).length;
    const first = Number(viaSql.events[0]?.row_id);
    expect(Number(viaSql.events.at(-1)?.row_id)).toBe(
      first - 1 + [0, 1, 2, 3, 4, 6].reduce((n, i) => n + lines(files[i]!), 0),
    );
  });

  it('counts a file given twice as one, even when both copies are native files of the same family', async () => {
    const copyDir = join(dir, 'copies');
    mkdirSync(copyDir, { recursive: true });
    const a = join(copyDir, 'a.jsonl');
    const b = join(copyDir, 'b.jsonl');
    for (const f of [a, b]) writeFileSync(f, readFileSync(join(STEPS, 'tnt_driftwood.jsonl')));
    const { reports, events } = await importFilesWith(true, [a, b], dir);
    expect(reports[1]?.duplicateOf).toBe(a);
    expect(reports[1]?.records).toBe(0);
    expect(events).toHaveLength(reports[0]?.records ?? -1);
  });
});
