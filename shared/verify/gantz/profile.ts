/**
 * `gantz`: the hand-rolled JSONL audit log (formats/gantz.md). Each line's event_hash must
 * recompute over its 6 covered fields (number tokens copied as Python wrote them) and link to
 * the previous line's stored event_hash (genesis null). No key: only an anchor reveals a
 * re-chained edit or a truncation.
 */
import { isJsonObject } from '../../json/value';
import { CoverageCollector } from '../chain/coverage';
import { buildOutcome, emptyOutcome, TAIL_TRUNCATION, type AnchorNeed } from '../chain/outcome';
import { ChainLinker } from '../chain/links';
import { checkPythonHash, intKeyNotice } from '../chain/pythonHash';
import { parseRecords } from '../chain/records';
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import type { Finding } from '../types';
import { GANTZ_LINE_MEMBERS, GANTZ_UNCOVERED_FIELDS, gantzHashInput } from './eventHash';
import { positionOf } from '../chain/position';

const RECHAINED: AnchorNeed = {
  text: 'an edit, insertion or deletion followed by re-chaining (gantz has no key or signature)',
  revealedBy: ['head'],
};

export function verifyGantzFile(source: VerifySource, ctx: VerifyContext): FileOutcome {
  const findings: Finding[] = [];
  const coverage = new CoverageCollector(GANTZ_UNCOVERED_FIELDS, GANTZ_LINE_MEMBERS);
  const linker = new ChainLinker(
    { value: null, segmentAllowed: false },
    { previous: 'previous_hash', own: 'event_hash' },
  );
  let count = 0;
  let head: string | null = null;
  for (const rec of parseRecords(source.records ?? [])) {
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
    const stored = line.event_hash;
    const check = checkPythonHash(gantzHashInput(line), stored, ctx.hash, 'token');
    if (check.viaIntKeyOrder) findings.push(intKeyNotice(at, check, 'event_hash'));
    if (!check.matches) {
      findings.push({
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
    const link = linker.link(at, line.previous_hash, stored);
    if (link) findings.push(link);
    head = typeof stored === 'string' ? stored : null;
  }
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
