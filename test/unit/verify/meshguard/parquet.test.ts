import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jcs } from '../../../../shared/canon/jcs';
import { parseJson } from '../../../../shared/json/parse';
import { meshguardRowToEvent } from '../../../../shared/verify/meshguard/parquetRow';
import { verifyMeshguardParquet } from '../../../../shared/verify/meshguard/parquetProfile';
import { truthFor } from '../helpers';
import { DAYS, MG, context } from './fixtures';
import { loadParquetSource, parquetRowTexts } from './parquetRows';
import { expectTruth } from './truth';

function canonical(text: string): string {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const c = jcs(parsed.value);
  if (!c.ok) throw new Error(c.reason);
  return c.text;
}

describe('meshguard Parquet copy', () => {
  it('every row rebuilds to the audit event of the same position (canonically equal)', async () => {
    const rows = await parquetRowTexts(`${MG}/parquet/meshguard-audit.parquet`);
    const lines = DAYS.flatMap((d) =>
      readFileSync(`${MG}/audit/${d}.jsonl`, 'utf8')
        .split('\n')
        .filter((l) => l !== ''),
    );
    expect(rows.length).toBe(lines.length);
    rows.forEach((row, i) => {
      const parsed = parseJson(row);
      const rebuilt = parsed.ok ? meshguardRowToEvent(parsed.value) : { ok: false as const, reason: 'parse' };
      if (!rebuilt.ok) throw new Error(`row ${i}: ${rebuilt.reason}`);
      const c = jcs(rebuilt.event);
      expect(c.ok && c.text, `row ${i}`).toBe(canonical(lines[i] ?? ''));
    });
  });

  it('the intact copy verifies as one chain from genesis to the published head, with zero findings', async () => {
    const out = verifyMeshguardParquet(
      [await loadParquetSource(`${MG}/parquet/meshguard-audit.parquet`)],
      context(),
    );
    expect(out[0]?.records).toBe(1453);
    expect(out[0]?.findings).toEqual([]);
    expect(out[0]?.anchorsUsed).toEqual(['anchor chain "*" (count, head, firstPrev) over 1 file(s)']);
  });

  it('the edited row is reported by row index, without a line', async () => {
    const path = `${MG}/tampered/meshguard-audit.edit-row.parquet`;
    const out = verifyMeshguardParquet([await loadParquetSource(path, 'value')], context());
    expectTruth(out[0]?.findings ?? [], truthFor(path));
    expect(out[0]?.findings.map((f) => [f.kind, f.entryIndex, f.line])).toEqual([
      ['hash_mismatch', 733, undefined],
    ]);
  });

  it('drops SQL NULL members but keeps nulls inside the JSON columns', () => {
    const row = parseJson(
      '{"event_id":"e","context":null,"agent":{"id":"a","tags":null},"action":{"type":"t","parameters":{"x":null}}}',
    );
    const rebuilt = row.ok ? meshguardRowToEvent(row.value) : null;
    const c = rebuilt?.ok ? jcs(rebuilt.event) : null;
    expect(c?.ok && c.text).toBe(
      '{"action":{"parameters":{"x":null},"type":"t"},"agent":{"id":"a"},"event_id":"e"}',
    );
    expect(meshguardRowToEvent([]).ok).toBe(false);
  });
});
