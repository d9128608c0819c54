/**
 * The native JSONL import (electron/engine/import/native/) must give exactly what the JS path
 * gives: every fixture of a family it covers, plus a file of odd shapes, imported both ways into
 * real DuckDB files, compared column by column, with quarantine and report.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../contract/testEngine';
import type { ImportFileReport } from '../../shared/contract/model';
import type { Result } from '../../shared/contract/result';
import { createDispatcher } from '../../shared/rpc/dispatch';
import { NATIVE_MAX_LINE_BYTES } from '../../electron/engine/import/native/taggedCopy';
import { pythonLayout, stepLine } from '../helpers/runtimeStepLine';
import { comparable, importWith as importInto } from '../helpers/importBothWays';
import { scratchDir } from '../helpers/scratchDir';

const dir = scratchDir('casefile-native');
const STEPS = 'test/fixtures/runtime-steps/steps';
const TAMPERED = 'test/fixtures/runtime-steps/tampered';
const importWith = (native: boolean, file: string) => importInto(native, file, dir);

/** Twenty ordinary lines (so detection is certain), then every shape the SQL must not misread. */
function oddShapes(): string {
  const odd: Record<string, string | undefined>[] = [
    { step_id: '"5"' },
    { step_id: '1.0' },
    { step_id: '12345678901234567890' },
    { step_id: '-0' },
    { step_id: '1e2' },
    { step_id: 'NaN' },
    { run_id: '""' },
    { run_id: undefined },
    { run_id: '5' },
    { run_id: '{"a":1}' },
    { phase: '"approval"', actor: '"user:bob"' },
    { phase: '"approval"', actor: '"agent:ops"' },
    { timestamp: '"2025-02-11T08:04:37+01:00"' },
    { timestamp: '"2025-02-11 08:04:37"' },
    { timestamp: '"2025-02-11T08:04:37.1234567Z"' },
    { timestamp: '"2025-02-30T00:00:00Z"' },
    { timestamp: '"2025-02-11T24:00:00Z"' },
    { timestamp: '"0000-01-01T00:00:00Z"' },
    { timestamp: '1700000000' },
    { timestamp: '"2025-02-11T08:04:37.272+00:00"' },
    { timestamp: '"2025-02-11T08:04:37z"' },
    { timestamp: '"2024-02-29T23:59:59.999999Z"' },
    { decision: '"Allow"' },
    { decision: '"DENY"' },
    { decision: '"approval-required"' },
    { decision: '"weird"' },
    { decision: '3' },
    { decision: 'null' },
    { decision: undefined },
    { decision: '"require_approval"' },
    { decision: '"stop"' },
    { actor: '5' },
    { actor: '"user:"' },
    { actor: '"agent:é"' },
    { reason: 'true' },
    { scope: '{"x":1}' },
    { reason: '"with \\"quote\\" and \\u00e9 and é"' },
    { action: '"é raw ✓ \\ud83d\\ude00"' },
    { tenant_id: 'null' },
    { result: '"ok"' },
    { 'run\\u005fid': '"escaped-key"', run_id: undefined },
    { '\\u0061ctor': '5', actor: undefined },
    { '\\u0061ctor': '1.50', actor: undefined },
    { '\\u0074enant_id': '12345678901234567890', tenant_id: undefined },
    { reason: '"lone \\ud83d surrogate"' },
    { reason: '"nul \\u0000 and \\u001f controls"' },
    { step_id: '"0300"' },
    { '\\u0061ctor': '"agent:escaped"', actor: undefined },
    { decision: 'true' },
    { phase: '["pre_exec"]' },
    { step_id: 'true' },
    { step_id: 'null' },
    { reason: '"a\\":b"' },
    { reason: '"caf\\u00e9 \\"x\\""' },
    { timestamp: '"2025-02-11T08:01:35\\u002e625Z"' },
    { extra: '{"decision":"deny","actor":5}' },
    { run_id: '"first"', extra: '1' },
    // Values whose length could stand in for a string's (recordShape.ts, compactLength).
    { reason: '1.500' },
    { actor: '1e5', x: '""' },
    { sig: '1.500' },
    { args_hash: '12' },
    { reason: 'null', scope: 'null' },
    { RUN_ID: '"r"', run_id: undefined },
    // Tokens DuckDB's parser takes and JSON does not (recordShape.ts stringsAreStrings).
    { reason: 'nan' },
    { reason: 'NAN' },
    { reason: 'inf' },
    { reason: '-Infinity' },
  ];
  const lines = Array.from({ length: 20 }, (_, i) => stepLine(i + 1));
  odd.forEach((changes, i) => lines.push(stepLine(100 + i, changes)));
  lines.push(
    '{"run_id":"r","step_id":1,}',
    '{"a":1}{"b":2}',
    '{}',
    stepLine(200).replace('{', '{ ').replace(/}$/, ' }'),
    stepLine(210).replace('"actor":"agent:booker"', '"actor" :\t1.50'),
    stepLine(211).replace('"step_id":211', '"step_id" : "211"'),
    stepLine(212).replace('"decision":"allow"', '"decision": null'),
    stepLine(213).replace(/}$/, ',}'),
    // Left out of DuckDB's copy (taggedCopy.ts): a CR as JSON whitespace, a raw U+0001 in a string.
    stepLine(214).replace('"actor":', '"actor":\r'),
    stepLine(215, { reason: '"a\u0001b"' }), // the TS escapes put the raw bytes in
    // Raw bytes JSON forbids or allows in strings: NUL (refused by both), DEL and U+2028 (taken).
    stepLine(217, { reason: '"a\u0000b"' }),
    stepLine(218, { reason: '"a\u007f\u2028b"' }),
    pythonLayout(stepLine(216)),
  );
  lines.push(`{"run_id":"dup","run_id":"dup2",${stepLine(201).slice(1).replace('"run_id":"run_1",', '')}`);
  // A repeated key is read last-wins (JS, Python) against first-wins (DuckDB): a repeated member,
  // the same member spelled with an escape, a repeated member the SQL does not read, an unknown one.
  lines.push(stepLine(202).replace(/}$/, ',"decision":"deny"}'));
  lines.push(stepLine(203).replace(/}$/, ',"extra":1,"extra":2}'));
  lines.push(stepLine(205).replace(/}$/, ',"\\u0064ecision":"deny"}'));
  lines.push(stepLine(206).replace(/}$/, ',"sig":"11"}'));
  // Longer than the native path's line limit: left out of DuckDB's copy, read by the JS path; and
  // lines exactly at the limit and one byte over it.
  lines.push(stepLine(204, { reason: `"${'r'.repeat(1100 * 1024)}"` }));
  const atLimit = (step: number, extra: number): string => {
    const shortLine = stepLine(step, { reason: '""' });
    return stepLine(step, { reason: `"${'r'.repeat(NATIVE_MAX_LINE_BYTES - shortLine.length + extra)}"` });
  };
  lines.push(atLimit(207, 0), atLimit(208, 1));
  return `${lines.join('\n')}\n`;
}

describe('native JSONL import gives what the JS path gives', () => {
  const fixtures = [
    ...readdirSync(STEPS).map((n) => join(STEPS, n)),
    ...readdirSync(TAMPERED)
      .filter((n) => n.endsWith('.jsonl') && n.startsWith('tnt_'))
      .map((n) => join(TAMPERED, n)),
  ];
  it.each(fixtures)('%s', async (file) => {
    const [viaSql, viaJs] = [await importWith(true, file), await importWith(false, file)];
    expect(viaSql.events.length).toBeGreaterThan(0);
    expect(comparable(viaSql)).toEqual(comparable(viaJs));
  });

  it('a file of odd shapes: each row mapped or quarantined exactly as the JS mapper does', async () => {
    const file = join(dir, 'odd.jsonl');
    writeFileSync(file, oddShapes());
    const [viaSql, viaJs] = [await importWith(true, file), await importWith(false, file)];
    expect(viaJs.quarantine.length).toBeGreaterThan(5);
    expect(viaJs.report.notes?.length ?? 0).toBeGreaterThan(0);
    expect(comparable(viaSql)).toEqual(comparable(viaJs));
    // Both paths number rows by entry, leaving gaps where lines went to quarantine (rowIds.test.ts);
    // nativeInsert.test.ts shows that DuckDB itself took the plain lines.
    expect(viaSql.events.every((e) => Number(e.row_id) === Number(e.entry_index) + 1)).toBe(true);
  });

  it('gives the same for CRLF, a BOM, blank lines, a torn last line, gzip and lines that are no object or no UTF-8', async () => {
    const lines = Array.from({ length: 25 }, (_, i) => stepLine(i + 1));
    const variants: Record<string, string | Buffer> = {
      crlf: `${lines.join('\r\n')}\r\n`,
      blank: `${lines.slice(0, 10).join('\n')}\n\n${lines.slice(10).join('\n')}\n`,
      bom: `\uFEFF${lines.join('\n')}\n`,
      torn: `${lines.join('\n')}\n{"run_id":"x","st`,
      unended: lines.join('\n'),
      gzip: gzipSync(`\uFEFF${lines.join('\r\n')}\r\n{"run_id":"x","st`),
      garbage: Buffer.concat([
        Buffer.from(`${lines.slice(0, 10).join('\n')}\n[1]\n \n ${stepLine(90)} \n`),
        Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d, 0x0a]), // {"\xff":1}
        Buffer.from(`not json\n${lines.slice(10).join('\n')}\n`),
      ]),
      // The tagged copy's key in a record could forge another line's place (taggedCopy.ts).
      tagKey: `${lines.join('\n')}\n${stepLine(26).replace('{', '{"\\u0001":"000000000003:000000000000000:000000100",')}\n`,
    };
    for (const [name, text] of Object.entries(variants)) {
      const file = join(dir, `${name}.jsonl`);
      writeFileSync(file, text);
      const [viaSql, viaJs] = [await importWith(true, file), await importWith(false, file)];
      expect(comparable(viaSql), name).toEqual(comparable(viaJs));
      const extra = { tagKey: 1, garbage: 1 }[name] ?? 0;
      expect(viaSql.events.length, name).toBe(25 + extra);
      const quarantined = { torn: 1, gzip: 1, garbage: 3 }[name] ?? 0;
      expect(viaSql.quarantine.length, name).toBe(quarantined);
      expect(
        viaSql.events.every((e) => Number(e.row_id) === Number(e.entry_index) + 1),
        name,
      ).toBe(true);
    }
  });

  it('hands the JS path every line DuckDB left out, across several pages of them', async () => {
    // Ordinary lines first (detection reads the first of them), then 240k lines of
    // which two in three lack a run: more than one page (nativeJsonl.ts LEFT_OUT_PAGE) of
    // left-out lines, between lines DuckDB took.
    const lead = 20_000;
    const lines = Array.from({ length: lead }, (_, i) => stepLine(i + 1));
    const bad: number[] = [];
    for (let k = 0; k < 240_000; k++) {
      if (k % 3 === 0) lines.push(stepLine(lead + k));
      else {
        bad.push(lines.length);
        lines.push(`{"k":${k}}`);
      }
    }
    const file = join(dir, 'pages.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { report, quarantine, events } = await importWith(true, file);
    expect(report).toMatchObject({
      producer: 'runtime-steps',
      records: lead + 80_000,
      quarantined: bad.length,
    });
    expect(quarantine.map((q) => Number(q.entry_index))).toEqual(bad);
    expect(events.map((e) => Number(e.entry_index))).toEqual(
      [...lines.keys()].filter((e) => e < lead || (e - lead) % 3 === 0),
    );
  });

  it('detects the family from the same first records on both paths, however many the first read holds', async () => {
    // 3,000 lines fit in the first read (4 MiB); detection parses the first 1,000 of them.
    const file = join(dir, 'sampled.jsonl');
    writeFileSync(file, `${Array.from({ length: 3000 }, (_, i) => stepLine(i + 1)).join('\n')}\n`);
    const [viaSql, viaJs] = [await importWith(true, file), await importWith(false, file)];
    expect(viaSql.report.detection).toEqual(viaJs.report.detection);
    expect(viaSql.report.detection?.evidence[0]).toMatch(/^1000\/1000 sampled records: /);
  });

  it('keeps each record byte for byte', async () => {
    const file = join(dir, 'bytes.jsonl');
    const text = oddShapes();
    writeFileSync(file, text);
    const { events } = await importWith(true, file);
    const bytes = readFileSync(file);
    for (const e of events) {
      const offset = Number(e.byte_offset);
      const slice = bytes.subarray(offset, offset + Number(e.byte_length)).toString('utf8');
      expect(e.record).toBe(slice);
    }
  });
});

describe('a file already in the case', () => {
  it('is reported as a duplicate on the native path, with nothing inserted and no copy left', async () => {
    // Large enough that the hash is known while the tagged copy is still being written.
    const file = join(dir, 'twice.jsonl');
    const one = readFileSync(join(STEPS, 'tnt_driftwood.jsonl'), 'utf8');
    writeFileSync(file, one.repeat(60));
    const engine = testEngine({ nativeImport: true });
    const dispatch = createDispatcher(engine.handlers);
    const casePath = join(dir, 'twice.duckdb');
    try {
      expect((await dispatch('case.create', { path: casePath })).ok).toBe(true);
      const reports: ImportFileReport[] = [];
      for (let i = 0; i < 2; i++) {
        const r = (await dispatch('archive.import', { sources: [{ path: file }] })) as Result<{
          files: ImportFileReport[];
        }>;
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        reports.push(r.value.files[0] as ImportFileReport);
      }
      expect(reports[0]?.records).toBe(one.trimEnd().split('\n').length * 60);
      expect(reports[1]).toMatchObject({ records: 0, duplicateOf: file, sha256: reports[0]?.sha256 });
      const page = (await dispatch('events.page', { offset: 0, limit: 1 })) as Result<{ total: number }>;
      expect(page.ok && page.value.total).toBe(reports[0]?.records);
    } finally {
      await engine.close();
    }
    const left = (d: string): string[] => readdirSync(d).filter((n) => n.includes('tagged-'));
    expect(left(dir)).toEqual([]);
    if (existsSync('/dev/shm')) expect(left('/dev/shm')).toEqual([]);
  });
});
