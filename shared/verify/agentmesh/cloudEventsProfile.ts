/**
 * `agentmesh-cloudevents`: `export_cloudevents()` as a JSON array or one envelope per line
 * (formats/agentmesh.md §6). Each envelope's agentmeshentryhash must recompute from the envelope,
 * agentmeshprevioushash must link to the hash before it; root, checkpoints and anchor as for exports.
 */
import { isJsonObject } from '../../json/value';
import { CoverageCollector } from '../chain/coverage';
import { documentRecords, parseDocument, parseRecords, type RecordResult } from '../chain/records';
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import { CE_ENVELOPE_MEMBERS, cloudEventItem } from './cloudEvent';
import { verifyMeshChain, type MeshItem } from './meshChain';
import { buildOutcome, emptyOutcome } from '../chain/outcome';
import { KEYLESS_NEEDS, windowNeed } from './needs';

/** Envelope members outside agentmeshentryhash (formats/agentmesh.md §8). */
const ENVELOPE_UNCOVERED = ['traceid', 'sessionid'];
const DATA_UNCOVERED = [
  'policy_decision',
  'matched_rule',
  'policy_version',
  'arguments_hash',
  'approver_did',
  'issued_at',
  'completed_at',
];

function* items(
  records: Iterable<RecordResult>,
  top: CoverageCollector,
  data: CoverageCollector,
): Generator<MeshItem> {
  for (const rec of records) {
    if (!rec.ok) {
      yield rec;
      continue;
    }
    top.add(rec.value);
    if (isJsonObject(rec.value)) data.add(rec.value.data);
    yield cloudEventItem(rec.value, rec.entryIndex, rec.line);
  }
}

export function verifyAgentmeshCloudEvents(source: VerifySource, ctx: VerifyContext): FileOutcome {
  let records: Iterable<RecordResult>;
  if (source.document !== undefined) {
    const doc = parseDocument(source.document);
    if (!doc.ok) return emptyOutcome(source.path, [doc.finding]);
    records = documentRecords(doc);
  } else if (source.records !== undefined) {
    records = parseRecords(source.records);
  } else {
    return emptyOutcome(source.path, [], 'no CloudEvents document or records were supplied');
  }
  const top = new CoverageCollector(ENVELOPE_UNCOVERED, CE_ENVELOPE_MEMBERS);
  const data = new CoverageCollector(DATA_UNCOVERED, 'all', 'data.');
  const chain = verifyMeshChain(items(records, top, data), ctx.hash, 'token', {
    hash: 'agentmeshentryhash',
    previous: 'agentmeshprevioushash',
  });
  const needs = [...KEYLESS_NEEDS];
  if (chain.segment)
    needs.push(
      windowNeed('the whole-log Merkle root (this is a window: its first agentmeshprevioushash is not "")'),
    );
  return buildOutcome(
    {
      path: source.path,
      findings: chain.findings,
      facts: { count: chain.count, root: chain.root, head: chain.head, firstPrev: chain.firstPrev },
      uncoveredFields: [...top.fields(), ...data.fields()],
      needs,
      anchorApplies: !chain.segment,
    },
    ctx,
  );
}

export const agentmeshCloudEventsProfile: Profile = {
  id: 'agentmesh-cloudevents',
  verify(sources: VerifySource[], ctx: VerifyContext): FileOutcome[] {
    return sources.map((s) => verifyAgentmeshCloudEvents(s, ctx));
  },
};
