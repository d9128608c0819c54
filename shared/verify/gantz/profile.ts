/**
 * `gantz`: the hand-rolled JSONL audit log (formats/gantz.md). Each line's event_hash must
 * recompute over its 6 covered fields (number tokens copied as Python wrote them) and link to
 * the previous line's stored event_hash (genesis null). No key: only an anchor reveals a
 * re-chained edit or a truncation.
 */
import { CoverageCollector } from '../chain/coverage';
import { walkChain } from '../chain/walk';
import { buildOutcome, emptyOutcome, TAIL_TRUNCATION, type AnchorNeed } from '../chain/outcome';
import { ChainLinker } from '../chain/links';
import { checkPythonHash, intKeyNotice } from '../chain/pythonHash';
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import type { Finding } from '../types';
import { GANTZ_LINE_MEMBERS, GANTZ_UNCOVERED_FIELDS, gantzHashInput } from './eventHash';

const RECHAINED: AnchorNeed = {
  text: 'an edit, insertion or deletion followed by re-chaining (gantz has no key or signature)',
  revealedBy: ['head'],
};

export function verifyGantzFile(source: VerifySource, ctx: VerifyContext): FileOutcome {
  const coverage = new CoverageCollector(GANTZ_UNCOVERED_FIELDS, GANTZ_LINE_MEMBERS);
  const linker = new ChainLinker(
    { value: null, segmentAllowed: false },
    { previous: 'previous_hash', own: 'event_hash' },
  );
  const { count, head, findings } = walkChain(
    source.records ?? [],
    linker,
    coverage,
    'event_hash',
    'previous_hash',
    (line, at) => {
      const stored = line.event_hash;
      const check = checkPythonHash(gantzHashInput(line), stored, ctx.hash, 'token');
      const own: Finding[] = check.viaIntKeyOrder ? [intKeyNotice(at, check, 'event_hash')] : [];
      if (!check.matches) {
        own.push({
          kind: 'hash_mismatch',
          ...at,
          field: 'event_hash',
          detail:
            typeof stored === 'string'
              ? 'the event_hash recomputed from event_id, event_type, timestamp, action, parameters and previous_hash differs from the stored one: one of them was changed'
              : 'event_hash is missing or not a string',
          ...(typeof stored === 'string' ? { expected: stored, actual: check.recomputed } : {}),
        });
      }
      return own;
    },
  );
  if (source.records === undefined)
    return emptyOutcome(source.path, [], 'a gantz log is JSONL, but no records were supplied');
  return buildOutcome(
    {
      path: source.path,
      findings,
      facts: { count, root: null, head, firstPrev: undefined },
      uncoveredFields: coverage.fields(),
      needs: [TAIL_TRUNCATION, RECHAINED],
      anchorApplies: true,
    },
    ctx,
  );
}

export const gantzProfile: Profile = {
  id: 'gantz',
  verify(sources: VerifySource[], ctx: VerifyContext): FileOutcome[] {
    return sources.map((s) => verifyGantzFile(s, ctx));
  },
};
