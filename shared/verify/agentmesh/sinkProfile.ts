/**
 * `agentmesh-sink`: FileAuditSink JSONL (formats/agentmesh.md §5). Every line: content_hash
 * recomputes, previous_hash links to the STORED content_hash before it (genesis `""`), the HMAC
 * verifies under a supplied key. Rotated files each restart at `""` and are checked one by one.
 */
import { isJsonObject } from '../../json/value';
import { CoverageCollector } from '../chain/coverage';
import { ChainLinker } from '../chain/links';
import { parseRecords } from '../chain/records';
import { selectAnchor } from '../chain/anchorCheck';
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import type { ChainAnchor, Finding } from '../types';
import { buildOutcome, emptyOutcome, TAIL_TRUNCATION } from '../chain/outcome';
import { RECHAINED_UNKEYED_SINK, ROTATED_FILE_REMOVED } from './needs';
import { sinkContentFindings, sinkSignatureFindings } from './sinkLine';
import { rotationOrder, SINK_LINE_MEMBERS, SINK_UNCOVERED_FIELDS } from './sinkPayload';
import { SinkSignatureChecker } from './sinkSignature';
import { positionOf } from '../chain/position';

function verifySinkFile(
  source: VerifySource,
  ctx: VerifyContext,
  acceptStar: (a: ChainAnchor) => boolean,
): FileOutcome {
  if (source.records === undefined)
    return emptyOutcome(source.path, [], 'a sink file is JSONL, but no records were supplied');
  const anchor = selectAnchor(ctx.anchors, source.path, acceptStar);
  const linker = new ChainLinker(
    { value: anchor?.firstPrev ?? '', segmentAllowed: false },
    { previous: 'previous_hash', own: 'content_hash' },
  );
  const signatures = new SinkSignatureChecker(ctx.keys.hmac, ctx.hash);
  const keyed = ctx.keys.hmac.length > 0;
  const coverage = new CoverageCollector(SINK_UNCOVERED_FIELDS, SINK_LINE_MEMBERS);
  const findings: Finding[] = [];
  let count = 0;
  let head: string | null = null;
  for (const rec of parseRecords(source.records)) {
    count++;
    const at = positionOf(rec);
    if (!rec.ok || !isJsonObject(rec.value)) {
      findings.push(
        rec.ok ? { kind: 'parse_error', ...at, detail: 'the line is not a JSON object' } : rec.finding,
      );
      linker.skipUnreadable(rec.entryIndex);
      head = null;
      continue;
    }
    const line = rec.value;
    coverage.add(line);
    const stored = line.content_hash;
    findings.push(...sinkContentFindings(line, at, ctx.hash));
    if (keyed) findings.push(...sinkSignatureFindings(line, at, signatures));
    const link = linker.link(at, line.previous_hash, stored);
    if (link) findings.push(link);
    head = typeof stored === 'string' ? stored : null;
  }
  const needs = [TAIL_TRUNCATION, ROTATED_FILE_REMOVED, ...(keyed ? [] : [RECHAINED_UNKEYED_SINK])];
  // With an anchored firstPrev the linker already compared the first link; do not report it twice.
  const firstPrev = anchor?.firstPrev === undefined ? linker.firstPrevious : undefined;
  return buildOutcome(
    {
      path: source.path,
      findings,
      facts: {
        count,
        root: null,
        head,
        firstPrev: typeof firstPrev === 'string' || firstPrev === null ? firstPrev : undefined,
      },
      uncoveredFields: coverage.fields(),
      needs,
      keysUsed: signatures.keysUsed,
      anchorApplies: true,
      acceptStar,
      ...(keyed
        ? {}
        : {
            unverifiableReason:
              'no HMAC key supplied: content hashes and chain links were checked, the HMAC signatures were not',
          }),
    },
    ctx,
  );
}

/**
 * A `*` anchor applies to a sink only when it is the sole file and the anchor carries no Merkle
 * root: a root-bearing anchor describes the in-memory chain, whose hashes differ from the sink's.
 */
function starRule(sources: readonly VerifySource[]): (a: ChainAnchor) => boolean {
  return (a) => sources.length === 1 && a.root === undefined;
}

export const agentmeshSinkProfile: Profile = {
  id: 'agentmesh-sink',
  verify(sources: VerifySource[], ctx: VerifyContext): FileOutcome[] {
    const acceptStar = starRule(sources);
    return rotationOrder(sources).map((s) => verifySinkFile(s, ctx, acceptStar));
  },
};
