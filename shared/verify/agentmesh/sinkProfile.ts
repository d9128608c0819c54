/**
 * `agentmesh-sink`: FileAuditSink JSONL (formats/agentmesh.md §5). Every line: content_hash
 * recomputes, previous_hash links to the STORED content_hash before it (genesis `""`), the HMAC
 * verifies under a supplied key. Rotated files each restart at `""` and are checked one by one.
 */
import { CoverageCollector } from '../chain/coverage';
import { ChainLinker } from '../chain/links';
import { walkChain } from '../chain/walk';
import { selectAnchor } from '../chain/anchorCheck';
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import type { ChainAnchor } from '../types';
import { buildOutcome, emptyOutcome, TAIL_TRUNCATION } from '../chain/outcome';
import { RECHAINED_UNKEYED_SINK, ROTATED_FILE_REMOVED } from './needs';
import { sinkContentFindings, sinkSignatureFindings } from './sinkLine';
import { rotationOrder, SINK_LINE_MEMBERS, SINK_UNCOVERED_FIELDS } from './sinkPayload';
import { SinkSignatureChecker } from './sinkSignature';

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
  const { count, head, findings } = walkChain(
    source.records,
    linker,
    coverage,
    'content_hash',
    'previous_hash',
    (line, at) => [
      ...sinkContentFindings(line, at, ctx.hash),
      ...(keyed ? sinkSignatureFindings(line, at, signatures) : []),
    ],
  );
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
