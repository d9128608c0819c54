/**
 * `gantz`: the hand-rolled JSONL audit log (formats/gantz.md). Each line's event_hash must
 * recompute over its 6 covered fields (number tokens copied as Python wrote them) and link to
 * the previous line's stored event_hash (genesis null). No key: only an anchor reveals a
 * re-chained edit or a truncation.
 */
import { isJsonObject } from '../../json/value';
import { anchorFindings, describeAnchor, selectAnchor } from '../chain/anchorCheck';
import { CoverageCollector } from '../chain/coverage';
import { ChainLinker } from '../chain/links';
import { checkPythonHash, intKeyNotice } from '../chain/pythonHash';
import { parseRecords } from '../chain/records';
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import type { Finding } from '../types';
import { GANTZ_LINE_MEMBERS, GANTZ_UNCOVERED_FIELDS, gantzHashInput } from './eventHash';

const NEEDS_ANCHOR = [
  'tail truncation',
  'an edit, insertion or deletion followed by re-chaining (gantz has no key or signature)',
];

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
    const at =
      rec.line === undefined
        ? { entryIndex: rec.entryIndex }
        : { entryIndex: rec.entryIndex, line: rec.line };
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
  const anchor = selectAnchor(ctx.anchors, source.path, () => true);
  const anchorsUsed: string[] = [];
  if (anchor) {
    findings.push(...anchorFindings(anchor, { count, root: null, head, firstPrev: undefined }));
    anchorsUsed.push(describeAnchor(anchor));
  }
  return {
    path: source.path,
    records: count,
    findings,
    merkleRoot: null,
    head,
    uncoveredFields: coverage.fields(),
    needsAnchorFor: NEEDS_ANCHOR,
    keysUsed: [],
    anchorsUsed,
    ...(source.records === undefined
      ? { unverifiableReason: 'a gantz log is JSONL, but no records were supplied' }
      : {}),
  };
}

export const gantzProfile: Profile = {
  id: 'gantz',
  verify(sources: VerifySource[], ctx: VerifyContext): FileOutcome[] {
    return sources.map((s) => verifyGantzFile(s, ctx));
  },
};
