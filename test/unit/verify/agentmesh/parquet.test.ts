import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJson } from '../../../../shared/json/parse';
import { isJsonObject, JsonNumber, type JsonValue } from '../../../../shared/json/value';
import { exportEntryItem } from '../../../../shared/verify/agentmesh/exportEntry';
import { verifyMeshChain } from '../../../../shared/verify/agentmesh/meshChain';
import { agentmeshParquetProfile } from '../../../../shared/verify/agentmesh/parquetProfile';
import { agentmeshRowToEntry } from '../../../../shared/verify/agentmesh/parquetRow';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import type { VerifyRecord } from '../../../../shared/verify/profile';
import { AM, context, readJsonValue, scenarioAnchors } from './context';

const FILES = ['export.parquet', 'export.data-json.parquet'];
const PUBLISHED_ROOT = (
  (readJsonValue(`${AM}/scenario/anchors.json`) as Record<string, JsonValue>).in_memory_chain as Record<
    string,
    JsonValue
  >
).merkle_root;

let db: DuckDBConnection;
beforeAll(async () => {
  db = await (await DuckDBInstance.create(':memory:')).connect();
});

function value(text: string): JsonValue {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** Rows as the engine renders them: DuckDB `to_json(row)` text, parsed losslessly. */
async function toJsonRecords(file: string): Promise<VerifyRecord[]> {
  const reader = await db.runAndReadAll(
    `SELECT to_json(t)::VARCHAR AS j FROM read_parquet('${AM}/scenario/${file}') t`,
  );
  return reader.getRowObjectsJson().map((r, i) => ({ entryIndex: i, value: value(String(r.j)) }));
}

/** Rows as node-api row objects: MAP as a list of {key, value} with JSON text values, a JSON column as text. */
async function rowObjectRecords(file: string): Promise<VerifyRecord[]> {
  const reader = await db.runAndReadAll(`SELECT * FROM read_parquet('${AM}/scenario/${file}')`);
  return reader.getRowObjectsJson().map((r, i) => ({ entryIndex: i, value: value(JSON.stringify(r)) }));
}

describe('agentmesh-parquet', () => {
  for (const file of FILES) {
    it(`${file} via to_json rows: 600 rows, no findings, root = published anchor`, async () => {
      const [out] = agentmeshParquetProfile.verify(
        [{ path: file, container: 'parquet', records: await toJsonRecords(file) }],
        context({ anchors: scenarioAnchors() }),
      );
      expect(out?.findings).toEqual([]);
      expect(out?.records).toBe(600);
      expect(out?.merkleRoot).toBe(PUBLISHED_ROOT);
      expect(out?.anchorsUsed).toHaveLength(1);
    });

    it(`${file} via node-api row objects: the same result`, async () => {
      const [out] = agentmeshParquetProfile.verify(
        [{ path: file, container: 'parquet', records: await rowObjectRecords(file) }],
        context(),
      );
      expect(out?.findings).toEqual([]);
      expect(out?.merkleRoot).toBe(PUBLISHED_ROOT);
    });

    it(`${file}: hashing DuckDB's numbers as written fails 23 entries (why rows are re-rendered)`, async () => {
      const items = (await toJsonRecords(file)).map((r) => exportEntryItem(r.value ?? null, r.entryIndex));
      const chain = verifyMeshChain(items, nobleHash, 'token', {
        hash: 'entry_hash',
        previous: 'previous_hash',
      });
      expect(chain.findings.filter((f) => f.kind === 'hash_mismatch')).toHaveLength(23);
    });
  }

  it('agentmeshRowToEntry: Python repr for floats, exact big ints, str() timestamps kept, data from any shape', () => {
    const row = value(
      '{"entry_id":"a","timestamp":"2026-04-06 03:44:02.486903+00:00","data":[{"key":"cost_usd","value":"0.000031"},' +
        '{"key":"big","value":"6675360591620833567"},{"key":"n","value":"{\\"x\\":10000000000000000.0,\\"y\\":2.0}"}]}',
    );
    const result = agentmeshRowToEntry(row);
    if (!result.ok) throw new Error(result.reason);
    expect(result.entry.timestamp).toBe('2026-04-06 03:44:02.486903+00:00');
    const data = result.entry.data;
    if (!isJsonObject(data)) throw new Error('data is not an object');
    expect((data.cost_usd as JsonNumber).token).toBe('3.1e-05');
    expect((data.big as JsonNumber).token).toBe('6675360591620833567');
    expect(((data.n as Record<string, JsonValue>).x as JsonNumber).token).toBe('1e+16');
    expect(((data.n as Record<string, JsonValue>).y as JsonNumber).token).toBe('2.0');
    expect(agentmeshRowToEntry(value('{"data":"{not json"}')).ok).toBe(false);
    expect(agentmeshRowToEntry(value('[1]')).ok).toBe(false);
  });
});
