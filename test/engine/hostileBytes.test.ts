/**
 * Hostile bytes in archives of every family: fixture lines (JSON Lines) or whole documents
 * (JSON exports, CloudEvents batches) broken at the byte level — invalid UTF-8, overlong and
 * surrogate encodings, NUL and control bytes, deep nesting, huge numbers, stray quotes and braces,
 * cuts, splits and joins — imported through the engine into a real case. Whatever a file holds,
 * the import must finish; every non-blank line of JSON Lines must come back as an event or as a
 * quarantined line with a reason; and whatever is kept must be the bytes at the offset it names
 * (issue #3: nothing lost, nothing crashes).
 *
 * CASEFILE_FUZZ_RUNS sets the number of files per fixture (CI: 2 per JSON Lines fixture, 8 per
 * document); CASEFILE_FUZZ_SEED replays one (fuzzParameters.ts).
 */
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWith, type Imported } from '../helpers/importBothWays';
import { fuzzParameters } from '../helpers/fuzzParameters';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-hostile');
const F = 'test/fixtures';

const FAMILIES = [
  `${F}/agentmesh/scenario/audit_trail.jsonl`,
  `${F}/agentmesh/scenario/cloudevents.jsonl`,
  `${F}/gantz/audit.jsonl`,
  `${F}/meshguard/audit/2024-03-14.jsonl`,
  `${F}/meshguard/cloudevents/2024-03-15.jsonl`,
  `${F}/meshguard/siem/2024-03-16.jsonl`,
  `${F}/runtime-steps/steps/tnt_bluefin.jsonl`,
  `${F}/runtime-steps/cloudevents/tnt_ember.jsonl`,
];

const bytes = (...b: number[]): Buffer => Buffer.from(b);
const text = (s: string): Buffer => Buffer.from(s, 'utf8');

/** Byte sequences a hostile or broken producer could leave in a line. */
const HOSTILE: readonly Buffer[] = [
  bytes(0x00),
  bytes(0x01),
  bytes(0x7f),
  bytes(0x80),
  bytes(0xff),
  bytes(0xc0, 0x80), // overlong NUL
  bytes(0xed, 0xa0, 0x80), // a surrogate encoded as UTF-8
  bytes(0xf4, 0x90, 0x80, 0x80), // beyond U+10FFFF
  bytes(0xe2, 0x82), // a cut sequence
  bytes(0xef, 0xbb, 0xbf), // a BOM mid-file
  bytes(0x0d),
  text('"'),
  text('\\'),
  text('{'),
  text('}'),
  text(','),
  text(':'),
  text('\\ud800'),
  text('\\u0000'),
  text('1e999'),
  text('-0'),
  text('123456789012345678901234567890'),
  text('NaN'),
  text('"\u2028"'),
  text('['.repeat(600)),
  text('{"a":'.repeat(600)),
];

type Mutation = (line: Buffer) => Buffer;
const at = (line: Buffer, n: number): number => (line.length === 0 ? 0 : n % (line.length + 1));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE)).map(([n, h]): Mutation => (l) => {
    const i = at(l, n);
    return Buffer.concat([l.subarray(0, i), h, l.subarray(i)]);
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE)).map(([n, h]): Mutation => (l) => {
    const i = at(l, n);
    return Buffer.concat([l.subarray(0, i), h, l.subarray(i + h.length)]);
  }),
  fc.tuple(fc.nat(), fc.nat(40)).map(([n, k]): Mutation => (l) => {
    const i = at(l, n);
    return Buffer.concat([l.subarray(0, i), l.subarray(i + k)]);
  }),
  fc.nat().map(
    (n): Mutation =>
      (l) =>
        l.subarray(0, at(l, n)),
  ),
  fc.nat().map((n): Mutation => (l) => {
    const i = at(l, n);
    return Buffer.concat([l.subarray(0, i), text('\n'), l.subarray(i)]);
  }),
  fc.constant<Mutation>((l) => Buffer.concat([l, l])),
  fc.constant<Mutation>((l) => Buffer.concat([text(' \t'), l, text('\r')])),
);

const hostileFile = (lines: Buffer[]): fc.Arbitrary<Buffer> =>
  fc
    .array(
      fc.tuple(
        fc.nat(lines.length - 1),
        fc.oneof(
          { weight: 1, arbitrary: fc.constant([]) },
          { weight: 2, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) },
        ),
      ),
      { minLength: 40, maxLength: 120 },
    )
    .map((picked) => {
      // The first lines stay whole, so the family is detected as it is for the clean file.
      const head = lines.slice(0, 10);
      const rest = picked.map(([i, ms]) => ms.reduce((l, m) => m(l), lines[i] ?? Buffer.alloc(0)));
      return Buffer.concat([...head, ...rest].flatMap((l) => [l, text('\n')]));
    });

/** Non-blank lines as the JS reader counts them (lines.ts): a BOM opens the first, CR ends any. */
function recordLines(file: Buffer): number {
  const body = file.subarray(0, 3).equals(bytes(0xef, 0xbb, 0xbf)) ? file.subarray(3) : file;
  const lines = body.toString('latin1').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.filter((l) => /[^ \t\r]/.test(l)).length;
}

/**
 * The report counts what landed, and each kept event and quarantined record (with a reason) is
 * the bytes of `content` at the offset it names.
 */
function expectKeptBytes(content: Buffer, { report, events, quarantine }: Imported): void {
  expect(report.records).toBe(events.length);
  expect(report.quarantined).toBe(quarantine.length);
  const at = (row: Record<string, unknown>): Buffer =>
    content.subarray(Number(row.byte_offset), Number(row.byte_offset) + Number(row.byte_length));
  for (const e of events)
    expect(Buffer.from(String(e.record), 'utf8').equals(at(e)), `entry ${String(e.entry_index)}`).toBe(true);
  for (const q of quarantine) {
    expect(Buffer.from(String(q.raw_hex), 'hex').equals(at(q)), `entry ${String(q.entry_index)}`).toBe(true);
    expect(String(q.reason)).not.toBe('');
  }
}

describe('hostile bytes in JSON Lines archives', () => {
  it.each(FAMILIES)(
    '%s: every line imported or quarantined, byte for byte',
    async (fixture) => {
      const lines = readFileSync(fixture, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => text(l));
      let n = 0;
      await fc.assert(
        fc.asyncProperty(hostileFile(lines), async (content) => {
          const file = join(dir, `hostile-${n++}.jsonl`);
          writeFileSync(file, content);
          const imported = await importWith(true, file, dir);
          expectKeptBytes(content, imported);
          expect(imported.events.length + imported.quarantine.length).toBe(recordLines(content));
        }),
        { ...fuzzParameters(2), endOnFailure: true },
      );
    },
    300_000,
  );
});

const DOCUMENTS = [
  `${F}/agentmesh/scenario/export.window.json`,
  `${F}/agentmesh/edge-cases/export.json`,
  `${F}/agentmesh/edge-cases/cloudevents.json`,
];

describe('hostile bytes in JSON documents', () => {
  it.each(DOCUMENTS)(
    '%s: the import finishes, and what it keeps is byte for byte',
    async (fixture) => {
      const original = readFileSync(fixture);
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
          const content = ms.reduce<Buffer>((doc, m) => m(doc), original);
          const file = join(dir, `hostile-${n++}.json`);
          writeFileSync(file, content);
          // A document broken beyond reading may be refused as a whole, with its name; it may not
          // throw, and what it keeps must be the bytes at the offsets it names.
          expectKeptBytes(content, await importWith(true, file, dir));
        }),
        { ...fuzzParameters(8), endOnFailure: true },
      );
    },
    300_000,
  );
});
