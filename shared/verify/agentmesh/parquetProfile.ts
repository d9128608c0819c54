/**
 * `agentmesh-parquet`: the Parquet copies of an export (`export.parquet` with data as
 * MAP(VARCHAR, JSON), `export.data-json.parquet` with data as JSON). Rows are rebuilt by
 * agentmeshRowToEntry and then verified exactly like export entries (no header in Parquet).
 */
import { CoverageCollector } from '../chain/coverage';
import { parseRecords, type RecordResult } from '../chain/records';
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import { ENTRY_UNCOVERED_FIELDS } from './entryHash';
import { EXPORT_ENTRY_MEMBERS, exportEntryItem } from './exportEntry';
import { verifyMeshChain, type MeshItem } from './meshChain';
import { buildOutcome, emptyOutcome } from '../chain/outcome';
import { KEYLESS_NEEDS, windowNeed } from './needs';
import { agentmeshRowToEntry } from './parquetRow';
import { positionOf } from '../chain/position';

function* items(records: Iterable<RecordResult>, coverage: CoverageCollector): Generator<MeshItem> {
  for (const rec of records) {
    if (!rec.ok) {
      yield rec;
      continue;
    }
    const row = agentmeshRowToEntry(rec.value);
    if (!row.ok) {
      const at = positionOf(rec);
      yield {
        ok: false,
        ...at,
        finding: { kind: 'parse_error', ...at, detail: `row ${rec.entryIndex}: ${row.reason}` },
      };
      continue;
    }
    coverage.add(row.entry);
    yield exportEntryItem(row.entry, rec.entryIndex, rec.line);
  }
}

export function verifyAgentmeshParquet(source: VerifySource, ctx: VerifyContext): FileOutcome {
  if (source.records === undefined) return emptyOutcome(source.path, [], 'no Parquet rows were supplied');
  const coverage = new CoverageCollector(ENTRY_UNCOVERED_FIELDS, EXPORT_ENTRY_MEMBERS);
  // Numbers were already re-rendered with Python repr by agentmeshRowToEntry.
  const chain = verifyMeshChain(items(parseRecords(source.records), coverage), ctx.hash, 'token', {
    hash: 'entry_hash',
    previous: 'previous_hash',
  });
  const needs = [...KEYLESS_NEEDS];
  if (chain.segment)
    needs.push(
      windowNeed('the whole-log Merkle root (these rows are a window: the first previous_hash is not "")'),
    );
  return buildOutcome(
    {
      path: source.path,
      findings: chain.findings,
      facts: { count: chain.count, root: chain.root, head: chain.head, firstPrev: chain.firstPrev },
      uncoveredFields: coverage.fields(),
      needs,
      anchorApplies: !chain.segment,
    },
    ctx,
  );
}

export const agentmeshParquetProfile: Profile = {
  id: 'agentmesh-parquet',
  verify(sources: VerifySource[], ctx: VerifyContext): FileOutcome[] {
    return sources.map((s) => verifyAgentmeshParquet(s, ctx));
  },
};
