/**
 * The walk every line-per-record chain shares (agentmesh sink, gantz): parse each record, report
 * an unreadable one and skip it in the chain, collect the fields present, let the profile check
 * the line, then link it to its predecessor and track the head.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../json/value';
import type { VerifyRecord } from '../profile';
import type { Finding } from '../types';
import type { CoverageCollector } from './coverage';
import type { ChainLinker } from './links';
import { positionOf, type Position } from './position';
import { parseRecords } from './records';

export interface ChainWalk {
  count: number;
  head: string | null;
  findings: Finding[];
}

/** `check` answers the line's own findings; `own` is the member holding its stored hash. */
export function walkChain(
  records: Iterable<VerifyRecord>,
  linker: ChainLinker,
  coverage: CoverageCollector,
  own: string,
  previous: string,
  check: (line: JsonObject, at: Position) => Finding[],
): ChainWalk {
  const findings: Finding[] = [];
  let count = 0;
  let head: string | null = null;
  for (const rec of parseRecords(records)) {
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
    findings.push(...check(line, at));
    const stored: JsonValue | undefined = line[own];
    const link = linker.link(at, line[previous], stored);
    if (link) findings.push(link);
    head = typeof stored === 'string' ? stored : null;
  }
  return { count, head, findings };
}
