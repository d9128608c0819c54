import { describe, expect, it } from 'vitest';
import { renderStepTimestamp, stepRowToEvent } from '../../../../shared/verify/runtimeSteps/parquetRow';
import { verifyRuntimeStepsParquet } from '../../../../shared/verify/runtimeSteps/parquetProfile';
import {
  stepEnvelopeFindings,
  verifyRuntimeStepsCloudEvents,
} from '../../../../shared/verify/runtimeSteps/cloudEvents';
import { parseJson } from '../../../../shared/json/parse';
import { isJsonObject } from '../../../../shared/json/value';
import { jsonlRecords, loadJsonlSource, truthFor } from '../helpers';
import { loadParquetSource } from '../meshguard/parquetRows';
import { expectTruth } from '../meshguard/truth';
import { RS, TENANTS, context } from './fixtures';
import { readFileSync } from 'node:fs';

const OUT_OF_ORDER_RUN = 'run_d2013cf5fc8dc87b2ce3'; // MANIFEST: the one run written out of order

describe('runtime-steps CloudEvents', () => {
  it('the four intact files verify with the per-run anchors: only the out-of-order notice', () => {
    const out = verifyRuntimeStepsCloudEvents(
      TENANTS.map((t) => loadJsonlSource(`${RS}/cloudevents/${t}.jsonl`)),
      context(),
    );
    expect(out.flatMap((o) => o.findings.map((f) => [f.kind, f.chain]))).toEqual([
      ['out_of_order', OUT_OF_ORDER_RUN],
    ]);
    expect(out.map((o) => o.records)).toEqual([956, 784, 1183, 294]);
    expect(out[0]?.uncoveredFields).toEqual(['source (the prefix before the tenant id)']);
  });

  it('cloudevents-tnt_ember.edit-data.jsonl: matches its truth', () => {
    const path = `${RS}/tampered/cloudevents-tnt_ember.edit-data.jsonl`;
    const out = verifyRuntimeStepsCloudEvents([loadJsonlSource(path)], context());
    expectTruth(
      (out[0]?.findings ?? []).filter((f) => f.chain !== OUT_OF_ORDER_RUN || f.kind !== 'out_of_order'),
      truthFor(path),
    );
  });

  it('names each envelope member that disagrees with data', () => {
    const line = readFileSync(`${RS}/cloudevents/tnt_ember.jsonl`, 'utf8').split('\n')[0] ?? '';
    const edited = line
      .replace('"type":"io.agentruntime.step.pre_exec"', '"type":"io.agentruntime.step.approval"')
      .replace('"source":"//runtime.nimbus-dev.example/tenants/tnt_ember"', '"source":"//x/tnt_bluefin"');
    const p = parseJson(edited);
    if (!p.ok || !isJsonObject(p.value) || !isJsonObject(p.value.data)) throw new Error('line');
    expect(
      stepEnvelopeFindings(p.value, p.value.data, { entryIndex: 0, line: 1 }).map((f) => f.field),
    ).toEqual(['type', 'source']);
    const out = verifyRuntimeStepsCloudEvents(
      [{ path: 'x.jsonl', container: 'jsonl', records: jsonlRecords(edited) }],
      context([]),
    );
    expect(out[0]?.findings.map((f) => [f.kind, f.field, f.line])).toEqual([
      ['envelope_mismatch', 'type', 1],
      ['envelope_mismatch', 'source', 1],
    ]);
  });
});

describe('runtime-steps Parquet copy', () => {
  it('re-renders DuckDB timestamps with exactly three fraction digits', () => {
    expect(renderStepTimestamp('2025-02-11 08:01:35.625')).toBe('2025-02-11T08:01:35.625Z');
    expect(renderStepTimestamp('2025-02-11 08:01:35')).toBe('2025-02-11T08:01:35.000Z');
    expect(renderStepTimestamp('2025-02-11 08:01:35.5')).toBe('2025-02-11T08:01:35.500Z');
    expect(renderStepTimestamp('2025-02-11 08:01:35.625000')).toBe('2025-02-11T08:01:35.625Z');
    expect(renderStepTimestamp('2025-02-11 08:01:35.625001')).toBeNull();
    expect(renderStepTimestamp('11/02/2025')).toBeNull();
    const row = parseJson('{"run_id":"r","timestamp":"2025-02-11 08:01:35","result":null}');
    const rebuilt = row.ok ? stepRowToEvent(row.value) : null;
    expect(rebuilt?.ok && Object.keys(rebuilt.event)).toEqual(['run_id', 'timestamp']);
  });

  it('the intact copy verifies against every per-run anchor: only the out-of-order notice, by run', async () => {
    const out = verifyRuntimeStepsParquet(
      [await loadParquetSource(`${RS}/parquet/steps.parquet`)],
      context(),
    );
    expect(out[0]?.records).toBe(3217);
    expect(out[0]?.findings.map((f) => [f.kind, f.chain])).toEqual([['out_of_order', OUT_OF_ORDER_RUN]]);
    expect(out[0]?.anchorsUsed).toEqual(['200 per-run anchors (event count, head hash)']);
  });

  it('steps.edit-row.parquet: the edited row is reported by row index', async () => {
    const path = `${RS}/tampered/steps.edit-row.parquet`;
    const out = verifyRuntimeStepsParquet([await loadParquetSource(path, 'value')], context());
    const findings = (out[0]?.findings ?? []).filter(
      (f) => f.chain !== OUT_OF_ORDER_RUN || f.kind !== 'out_of_order',
    );
    expectTruth(findings, truthFor(path));
    expect(findings.every((f) => f.line === undefined)).toBe(true);
  });
});
