/**
 * `agentmesh-export`: an `AuditLog.export()` document (formats/agentmesh.md §6) written with
 * `json.dumps(default=str)` or `pydantic_core.to_json`. Checks every entry_hash, the chain, the
 * header against the records, in-chain checkpoints and, for whole-log exports, the anchor.
 */
import { CoverageCollector } from '../chain/coverage';
import { parseDocument } from '../chain/records';
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import { ENTRY_UNCOVERED_FIELDS } from './entryHash';
import { EXPORT_ENTRY_MEMBERS, exportEntryItem, exportNumberMode } from './exportEntry';
import { exportHeaderFindings } from './exportHeader';
import { verifyMeshChain } from './meshChain';
import { buildOutcome, emptyOutcome } from '../chain/outcome';
import { KEYLESS_NEEDS, windowNeed } from './needs';

/** The producer keeps only the newest 10,000 entries in an export (formats/agentmesh.md §6). */
const EXPORT_LIMIT = 10_000;

export function verifyAgentmeshExport(source: VerifySource, ctx: VerifyContext): FileOutcome {
  if (source.document === undefined)
    return emptyOutcome(source.path, [], 'an export is a JSON document, but no document text was supplied');
  const doc = parseDocument(source.document, 'entries');
  if (!doc.ok) return emptyOutcome(source.path, [doc.finding]);
  const values = doc.elements.map((e) => e.value);
  const coverage = new CoverageCollector(ENTRY_UNCOVERED_FIELDS, EXPORT_ENTRY_MEMBERS);
  const items = doc.elements.map((e, i) => {
    coverage.add(e.value);
    return exportEntryItem(e.value, i, e.line);
  });
  const chain = verifyMeshChain(items, ctx.hash, exportNumberMode(values), {
    hash: 'entry_hash',
    previous: 'previous_hash',
  });
  const header = exportHeaderFindings(doc.root, {
    count: chain.count,
    root: chain.root,
    segment: chain.segment,
  });
  const needs = [...KEYLESS_NEEDS];
  if (chain.segment) {
    needs.push(
      windowNeed(
        `the header merkle_root/chain_root (this is a window of a longer log: its first previous_hash is not "", and the header root covers the whole log${
          chain.count === EXPORT_LIMIT
            ? `; exactly ${EXPORT_LIMIT} entries suggests the producer's silent cut to the newest ${EXPORT_LIMIT}`
            : ''
        })`,
      ),
    );
  }
  return buildOutcome(
    {
      path: source.path,
      findings: [...chain.findings, ...header],
      facts: { count: chain.count, root: chain.root, head: chain.head, firstPrev: chain.firstPrev },
      uncoveredFields: coverage.fields(),
      needs,
      anchorApplies: !chain.segment,
    },
    ctx,
  );
}

export const agentmeshExportProfile: Profile = {
  id: 'agentmesh-export',
  verify(sources: VerifySource[], ctx: VerifyContext): FileOutcome[] {
    return sources.map((s) => verifyAgentmeshExport(s, ctx));
  },
};
