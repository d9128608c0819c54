/**
 * Differential fuzzing of the native JSONL import (electron/engine/import/native/) against the JS
 * path, the reference: random files of each native family (runtime-steps, AgentMesh sink,
 * meshguard), each line an ordinary record with a few random changes (a value of another type or
 * form, a key spelled with an escape or in another case, a member dropped, repeated or unknown,
 * whitespace, a trailing comma, raw control bytes), imported both ways into real DuckDB files and
 * compared column by column with quarantine and report.
 * nativeImport.test.ts holds the hand-picked shapes; this looks for the ones nobody picked.
 *
 * CASEFILE_FUZZ_RUNS sets the number of files (default 4) and CASEFILE_FUZZ_SEED replays one.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/engine/case/db';
import { comparable, importWith } from '../helpers/importBothWays';
import { insertedByDuckDb, newInsertCase } from '../helpers/nativeInsertRows';
import { sinkLine } from '../helpers/agentmeshSinkLine';
import { meshguardLine } from '../helpers/meshguardLine';
import { stepLine } from '../helpers/runtimeStepLine';
import { fuzzParameters } from '../helpers/fuzzParameters';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-fuzz');

/** Pieces of a JSON string's text: plain, raw non-ASCII, escapes, and bytes JSON forbids raw. */
const stringPiece = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom('a', 'Z', '0', ' ', ':', ',', '{', '}', '[', '/', '-', '_', '.', 'n'),
  },
  { weight: 2, arbitrary: fc.constantFrom('é', '✓', '😀', 'ß', '\u2028', '\u007f') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '\\"',
      '\\\\',
      '\\/',
      '\\b',
      '\\n',
      '\\r',
      '\\t',
      '\\u00e9',
      '\\u0041',
      '\\u005f',
      '\\ud83d\\ude00',
      '\\ud83d',
      '\\u0000',
      '\\u001f',
      '\\u0022',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('\t', '\u0000', '\u001f', '\u0001', '\r', '\u0085') },
);
const jsonString = fc.array(stringPiece, { maxLength: 10 }).map((ps) => `"${ps.join('')}"`);

/** Number tokens, valid JSON or only Python's (NaN, Infinity), or not JSON at all. */
const numberToken = fc.oneof(
  fc.integer().map(String),
  fc.constantFrom(
    '0',
    '-0',
    '1.50',
    '1e2',
    '1E+2',
    '12345678901234567890',
    '9007199254740993',
    '007',
    '1.',
    '.5',
    '+1',
    'NaN',
    'Infinity',
    '-Infinity',
    // DuckDB's parser takes these, in any case; JSON and the JS parser do not.
    'nan',
    'NAN',
    'inf',
    '-inf',
    'infinity',
    '0x10',
  ),
);
const otherToken = fc.constantFrom(
  'true',
  'false',
  'null',
  'nul',
  'True',
  '{}',
  '{"a":1}',
  '{"decision":"deny"}',
  '[]',
  '["x"]',
  '[1,]',
);
const anyValue = fc.oneof(
  { weight: 3, arbitrary: jsonString },
  { weight: 2, arbitrary: numberToken },
  { weight: 2, arbitrary: otherToken },
);

/** Values of the form each member usually has, and near misses. */
const timestamp = (zones: readonly string[]): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom('2025-02-11', '2024-02-29', '2025-02-30', '0000-01-01', '9999-12-31', '2025-2-11'),
      fc.constantFrom('T', ' ', 't'),
      fc.constantFrom('08:01:35', '23:59:59', '24:00:00', '08:01:60', '8:01:35'),
      fc.constantFrom('', '.6', '.625', '.123456', '.1234567', '.123456789', '\\u002e5'),
      fc.constantFrom(...zones),
    )
    .map((parts) => `"${parts.join('')}"`);

const stepsTypical: Partial<Record<string, fc.Arbitrary<string>>> = {
  timestamp: timestamp(['Z', 'z', '+00:00', '-00:00', '+01:00', '', '+0000']),
  step_id: fc.oneof(
    fc.integer({ min: -5, max: 1_000_000 }).map(String),
    fc.constantFrom('"12"', '"0300"', '18446744073709551616', '1.0', '-0'),
  ),
  decision: fc.constantFrom(
    '"allow"',
    '"deny"',
    '"stop"',
    '"approval_required"',
    '"Allow"',
    '"DENY"',
    '"approval-required"',
    '"weird"',
    '""',
    'null',
  ),
  actor: fc.constantFrom('"agent:booker"', '"user:bob"', '"agent:"', '"operator:zoë"', '"agent:\\u00e9"'),
  phase: fc.constantFrom('"pre_exec"', '"post_exec"', '"approval"', '""', '"Approval"'),
  run_id: fc.constantFrom('"run_2"', '""', '"run\\u005f3"'),
};
/** AgentMesh sink values: decision words, delegation, and `data` with and without what the mapper reads. */
const sinkTypical: Partial<Record<string, fc.Arbitrary<string>>> = {
  timestamp: timestamp(['+00:00', 'Z', '', '+02:00']),
  policy_decision: fc.constantFrom(
    'null',
    '""',
    '"allow"',
    '"deny"',
    '"require_approval"',
    '"Deny"',
    '"weird"',
  ),
  action: fc.constantFrom('"allow"', '"deny"', '"warning"', '""', '"Allow"'),
  outcome: fc.constantFrom('"success"', '"denied"', '"error"', '""'),
  event_type: fc.constantFrom(
    '"tool_invocation"',
    '"tool_blocked"',
    '"policy_violation"',
    '"agent_invocation"',
    '"delegation"',
    '""',
  ),
  target_did: fc.constantFrom('null', '""', '"did:web:other.example"'),
  resource: fc.constantFrom('"tool://x"', '"agent://did:web:third.example"', '"agent://"', '""'),
  data: fc.constantFrom(
    '{}',
    '{"note": "n"}',
    '{"reason": "because"}',
    '{"reason": "", "severity": "high"}',
    '{"reason": null}',
    '{"reason": 5}',
    '{"reason": "a", "reason": "b"}',
    '{"severity": {"level": 1}}',
    '{"x": {"reason": "deep"}}',
    '{"delegation_chain": ["did:a", "did:b"], "delegation_depth": 2}',
    '{"delegation_depth": "3"}',
    '{"big": 717897987691852588770249, "f": 1.50}',
    '{"a": [1, ]}',
    '{"a": {"b": 1,}}',
    '{"a": nan, "b": NaN}',
    '{"a": -Infinity}',
    '{"a": -inf}',
    '"text"',
    '[1, 2]',
    'null',
  ),
};

/**
 * meshguard values: nested members in the shapes the SQL reads (formats/meshguard.md §2), with
 * repeated, misplaced and mistyped keys inside them.
 */
const hop = (id: string): string =>
  `{"agent_id":${id},"delegated_at":"2024-03-14T02:10:00.000Z","permissions_granted":[]}`;
const meshguardTypical: Partial<Record<string, fc.Arbitrary<string>>> = {
  timestamp: timestamp(['Z', '+00:00', '', '+01:00']),
  event_type: fc.constantFrom(
    '"policy_decision"',
    '"delegation_start"',
    '"policy_update"',
    '"agent_lifecycle"',
    '""',
  ),
  agent: fc.constantFrom(
    '{"id":"agent_a","name":"A","trust_tier":"trusted","tags":[],"session_id":"s1"}',
    '{"id":"agent_a","id":"agent_b"}',
    '{"id":5}',
    '{"id":"a\\"b"}',
    '{"id":"zoë\u0001"}',
    '{"name":{"id":"x"}}',
    '{}',
    '"agent_a"',
    'null',
  ),
  delegation: fc.constantFrom(
    `{"chain":[${hop('"agent_r"')}],"depth":1,"root_agent":"agent_r","chain_id":"c1"}`,
    `{"chain":[${hop('"agent_r"')},${hop('"agent_s"')}],"depth":"2","root_agent":"agent_r","chain_id":"c1"}`,
    `{"chain":[${hop('"agent_r"')},${hop('null')}],"depth":2}`,
    `{"chain":[${hop('"agent_r"').replace('"agent_id":"agent_r"', '"agent_id":"agent_r","agent_id":"agent_x"')}],"depth":1}`,
    `{"chain":[{"delegated_at":"x","note":{"agent_id":"y"}}],"depth":1}`,
    `{"chain":[${hop('7')}],"depth":1.0}`,
    '{"chain":["agent_r"],"depth":-0}',
    '{"chain":[],"depth":0}',
    '{"chain":"x"}',
    '{"depth":true,"depth":2}',
    '{}',
    '"x"',
    'null',
  ),
  decision: fc.constantFrom(
    '{"effect":"deny","policy_id":"p","rule_matched":"r","evaluation_time_ms":3,"conditions_evaluated":[]}',
    '{"effect":"Allow"}',
    '{"effect":"allow","effect":"deny"}',
    '{"effect":null,"policy_id":5}',
    '{"conditions_evaluated":[{"expression":"x","result":true}],"effect":"allow"}',
  ),
  action: fc.constantFrom(
    '{"type":"read:x","resource":"r","parameters":{"type":"inner"}}',
    '{"type":"read:x","resource":"r","parameters":{"policy":"p","n":1.50}}',
    '{"type":"read:x","resource":"r","parameters":{"a":[1,],"b":nan}}',
    '{"type":"read:x","resource":"r","parameters":{"agent_id":"hidden"}}',
  ),
  result: fc.constantFrom('{"status":"completed","duration_ms":5}', '{"status":5}', '"done"'),
};

interface FuzzFamily {
  producer: string;
  /** An ordinary plain record of the family. */
  ordinary(step: number): string;
  typical: Partial<Record<string, fc.Arbitrary<string>>>;
}

const FAMILIES: FuzzFamily[] = [
  // runtime-steps, with a post_exec result.
  {
    producer: 'runtime-steps',
    ordinary: (step) => stepLine(step, { result: '"ok"' }),
    typical: stepsTypical,
  },
  { producer: 'agentmesh-sink', ordinary: (step) => sinkLine(step), typical: sinkTypical },
  { producer: 'meshguard', ordinary: (step) => meshguardLine(step), typical: meshguardTypical },
];

const valueFor = (family: FuzzFamily, name: string): fc.Arbitrary<string> => {
  const usual = family.typical[name];
  return usual ? fc.oneof({ weight: 3, arbitrary: usual }, { weight: 1, arbitrary: anyValue }) : anyValue;
};

const whitespace = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(' ', '\t', '  ', ' \t') },
  { weight: 1, arbitrary: fc.constant('\r') },
);

/** One change to an ordinary record, as a function of its members' raw [key, value] texts. */
type Change = (entries: [string, string][]) => [string, string][];
function changeFor(family: FuzzFamily): fc.Arbitrary<Change> {
  const members = Object.keys(JSON.parse(family.ordinary(1)) as Record<string, unknown>);
  const member = fc.constantFrom(...members);
  return fc.oneof(
    member.chain((m) =>
      valueFor(family, m).map(
        (v): Change =>
          (es) =>
            es.map(([k, x]) => [k, k === `"${m}"` ? v : x]),
      ),
    ),
    member.map(
      (m): Change =>
        (es) =>
          es.filter(([k]) => k !== `"${m}"`),
    ),
    fc.tuple(member, fc.nat(20), fc.boolean()).map(
      ([m, at, upper]): Change =>
        (es) =>
          es.map(([k, x]) => {
            if (k !== `"${m}"`) return [k, x];
            const i = 1 + (at % m.length);
            const ch = k[i] ?? 'a';
            const spelled = upper ? ch.toUpperCase() : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
            return [`${k.slice(0, i)}${spelled}${k.slice(i + 1)}`, x];
          }),
    ),
    fc.tuple(member, anyValue, fc.boolean()).map(
      ([m, v, first]): Change =>
        (es) =>
          first ? [[`"${m}"`, v], ...es] : [...es, [`"${m}"`, v]],
    ),
    fc.tuple(jsonString, anyValue).map(([k, v]): Change => (es) => [...es, [k, v]]),
    fc.array(fc.nat(), { minLength: 20, maxLength: 20 }).map(
      (order): Change =>
        (es) =>
          es
            .map((e, i) => [order[i] ?? 0, e] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, e]) => e),
    ),
  );
}

/** How the members are laid out: compact, or with whitespace and maybe a trailing comma. */
const layout = fc.record({
  around: fc.array(fc.oneof(fc.constant(''), whitespace), { minLength: 4, maxLength: 4 }),
  trailingComma: fc.oneof(
    { weight: 6, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) },
  ),
});
const COMPACT = { around: [], trailingComma: false };

function render(entries: [string, string][], l: { around: string[]; trailingComma: boolean }): string {
  const [open = '', colon = '', comma = '', close = ''] = l.around;
  const body = entries.map(([k, v]) => `${k}${colon}:${colon}${v}`).join(`${comma},${comma}`);
  return `{${open}${body}${l.trailingComma ? ',' : ''}${close}}`;
}

const fuzzedLine = (family: FuzzFamily): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.integer({ min: 1, max: 5000 }),
      fc.array(changeFor(family), { maxLength: 3 }),
      fc.oneof({ weight: 3, arbitrary: fc.constant(COMPACT) }, { weight: 1, arbitrary: layout }),
      // Now and then a whole line that is not one record, or not a bare {…} (the tagged copy
      // leaves those to the JS path, taggedCopy.ts), or not UTF-8.
      fc.oneof(
        { weight: 30, arbitrary: fc.constant(null) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '{}',
            '{,}',
            '{"run_id":}',
            '{"a":1}{"b":2}',
            '{"run_id":"x",,"step_id":1}',
            '[1]',
            'not json',
            NOT_UTF8,
          ),
        },
      ),
      // Whitespace around the record, which JSON allows and the JS reader takes.
      fc.oneof(
        { weight: 12, arbitrary: fc.constant(['', '']) },
        { weight: 1, arbitrary: fc.tuple(whitespace, whitespace) },
      ),
    )
    .map(([step, changes, l, whole, [before, after]]) => {
      if (whole !== null) return whole;
      let entries = Object.entries(JSON.parse(family.ordinary(step)) as Record<string, unknown>).map(
        ([k, v]): [string, string] => [`"${k}"`, JSON.stringify(v)],
      );
      for (const c of changes) entries = c(entries);
      return `${before}${render(entries, l)}${after}`;
    });

/** Stands for a line with a byte that is not UTF-8 (fileBytes writes it). */
const NOT_UTF8 = '<not utf-8>';
const NOT_UTF8_BYTES = Buffer.from([0x7b, 0x22, 0x72, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]); // {"r":"\xff"}

/**
 * How the lines become a file, all of which the JS reader handles (lines.ts): LF or CRLF after
 * each, blank lines between, a BOM in front, and a last line with no newline, whole or torn.
 */
const fileLayout = fc.record({
  bom: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  endings: fc.array(
    fc.oneof(
      { weight: 12, arbitrary: fc.constant('\n') },
      { weight: 2, arbitrary: fc.constant('\r\n') },
      { weight: 1, arbitrary: fc.constantFrom('\n\n', '\r\n\r\n', '\n \t\n', '\n\r\r\n') },
    ),
    { minLength: 64, maxLength: 64 },
  ),
  end: fc.constantFrom('newline', 'newline', 'newline', 'none', 'torn'),
});

function fileBytes(lines: string[], l: { bom: boolean; endings: string[]; end: string }): Buffer {
  const parts = lines.map((line, i) => {
    const last = i === lines.length - 1;
    const ending = last && l.end !== 'newline' ? '' : (l.endings[i % l.endings.length] ?? '\n');
    const text = last && l.end === 'torn' ? line.slice(0, Math.ceil(line.length / 2)) : line;
    return text === NOT_UTF8
      ? Buffer.concat([NOT_UTF8_BYTES, Buffer.from(ending)])
      : Buffer.from(`${text}${ending}`);
  });
  return Buffer.concat([Buffer.from(l.bom ? '\uFEFF' : ''), ...parts]);
}

let db: Db;
beforeAll(async () => {
  db = await newInsertCase(join(dir, 'rows.duckdb'));
});
afterAll(() => db.close());

describe.each(FAMILIES)('native and JS imports agree on random $producer records', (family) => {
  let fuzzedLines = 0;
  let takenByDuckDb = 0;
  it('maps, quarantines and reports every line of a random file alike, while DuckDB takes many lines itself', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fuzzedLine(family), { minLength: 150, maxLength: 300 }),
        fileLayout,
        async (fuzzed, layoutOfFile) => {
          // Ordinary lines first, so the family is detected the same way every time.
          const lines = [...Array.from({ length: 20 }, (_, i) => family.ordinary(i + 1)), ...fuzzed];
          const runDir = mkdtempSync(join(dir, 'run-'));
          try {
            const file = join(runDir, 'fuzz.jsonl');
            writeFileSync(file, fileBytes(lines, layoutOfFile));
            const viaSql = await importWith(true, file, runDir);
            const viaJs = await importWith(false, file, runDir);
            expect(viaJs.report.producer).toBe(family.producer);
            expect(comparable(viaSql)).toEqual(comparable(viaJs));
            expect(viaJs.events.length + viaJs.quarantine.length).toBe(lines.length);
            fuzzedLines += fuzzed.length;
            const taken = await insertedByDuckDb(db, runDir, file, family.producer);
            takenByDuckDb += taken.entries.filter((e) => e >= 20).length;
          } finally {
            rmSync(runDir, { recursive: true, force: true });
          }
        },
      ),
      {
        ...fuzzParameters(4),
        interruptAfterTimeLimit: 240_000,
        markInterruptAsFailure: true,
      },
    );
    // Lines with no change, or only harmless ones, are DuckDB's: the fast path was exercised.
    expect(takenByDuckDb).toBeGreaterThan(fuzzedLines / 5);
  }, 300_000);
});
