/**
 * Verifies meshguard files as one chain (formats/meshguard.md §4.4–§5): each event on its own,
 * then the files in link order with every link checked across file boundaries, then the per-file
 * anchors and the whole-log anchor `*`. Every finding is reported; checking goes on after a break.
 */
import { positionOf } from '../chain/position';
import { keyFingerprint } from '../keys/fingerprint';
import type { FileOutcome, VerifyContext } from '../profile';
import { NOTICE_KINDS, type ChainAnchor, type Finding } from '../types';
import { describeAnchor } from '../chain/anchorCheck';
import { anchorForPath, countAndHeadFindings } from './anchorCheck';
import { linkFile, type ExpectedFirstPrev } from './chain';
import { checkEvent, type EventCheck } from './eventCheck';
import { orderByLinks, type FileOrder } from './fileOrder';
import { foldWrapperFindings, type PreparedRecord } from './prepared';

/** One record as an adapter (JSONL, CloudEvents, Parquet) hands it over (prepared.ts). */
export type PreparedItem = PreparedRecord;

export interface PreparedFile {
  path: string;
  records: number;
  items: PreparedItem[];
  /** Stored fields outside every hash and signature (the CloudEvents envelope's `source`, …). */
  uncoveredFields: string[];
}

export const NEEDS_ANCHOR = {
  tail: 'tail truncation: events cut from the end of the log (no published count or head hash covers it)',
  resigned: 'an edit re-chained and re-signed with a stolen key (no published head hash covers it)',
  predecessor:
    'deletion before the first event: its prev names a predecessor that no given file or anchor confirms',
  rechained:
    'an edit followed by re-chaining: no Ed25519 public keys were given, so signatures were not checked',
} as const;

interface FileState {
  file: PreparedFile;
  checks: EventCheck[];
  findings: Finding[];
  needs: string[];
  anchorsUsed: string[];
}

function checkFile(file: PreparedFile, ctx: VerifyContext): FileState {
  const keys = ctx.keys.ed25519.length > 0 ? ctx.keys.ed25519 : null;
  const checks = file.items.map((item): EventCheck => {
    const at = positionOf(item);
    if (!item.ok) return { ...at, ok: false, findings: [item.finding] };
    const checked = checkEvent(item.event, at, ctx.hash, keys);
    return {
      ...checked,
      findings: [...item.findings, ...foldWrapperFindings(checked.findings, item.wrapperFindings ?? [])],
    };
  });
  // §5 step 1: the event after an unusable line cannot have its link checked; say so where the cause is.
  checks.forEach((c, i) => {
    const first = c.findings[0];
    if (!c.ok && first !== undefined && i + 1 < checks.length) {
      first.detail +=
        "; the next event's prev cannot be checked against it, so no chain_break is reported there";
    }
  });
  return { file, checks, findings: [], needs: [], anchorsUsed: [] };
}

function expectedFirst(previous: FileState | undefined, anchor: ChainAnchor | undefined): ExpectedFirstPrev {
  if (previous !== undefined) {
    const last = previous.checks[previous.checks.length - 1];
    if (last?.ok)
      return { kind: 'hash', value: last.hash, from: `the hash of the last event of ${previous.file.path}` };
    if (anchor?.firstPrev === undefined)
      return { kind: 'unknown', why: `the last line of ${previous.file.path} is unreadable` };
  }
  if (anchor?.firstPrev !== undefined)
    return {
      kind: 'hash',
      value: anchor.firstPrev,
      from: `the published first prev (${describeAnchor(anchor)})`,
    };
  return { kind: 'start' };
}

function readableCount(state: FileState): number {
  return state.checks.filter((c) => c.ok).length;
}

function lastHash(states: readonly FileState[]): string | null {
  for (let s = states.length - 1; s >= 0; s--) {
    const checks = states[s]?.checks ?? [];
    for (let i = checks.length - 1; i >= 0; i--) {
      const c = checks[i];
      if (c?.ok) return c.hash;
    }
  }
  return null;
}

function isClean(states: readonly FileState[]): boolean {
  return states.every((s) =>
    [...s.findings, ...s.checks.flatMap((c) => c.findings)].every((f) => NOTICE_KINDS.has(f.kind)),
  );
}

function outcome(state: FileState, ctx: VerifyContext): FileOutcome {
  const checked = state.checks.flatMap((c) => c.findings);
  const used = new Map<string, string>();
  for (const c of state.checks)
    if (c.ok && c.verifiedBy)
      used.set(
        c.verifiedBy.id,
        `${c.verifiedBy.id} (sha256 ${keyFingerprint(c.verifiedBy.publicKey, ctx.hash)})`,
      );
  const noKeys = ctx.keys.ed25519.length === 0;
  const result: FileOutcome = {
    path: state.file.path,
    records: state.file.records,
    findings: [...checked, ...state.findings].sort(
      (a, b) => (a.entryIndex ?? Infinity) - (b.entryIndex ?? Infinity),
    ),
    merkleRoot: null,
    head: lastHash([state]),
    uncoveredFields: state.file.uncoveredFields,
    needsAnchorFor: [...state.needs, ...(noKeys ? [NEEDS_ANCHOR.rechained] : [])],
    keysUsed: [...used.values()],
    anchorsUsed: state.anchorsUsed,
  };
  if (noKeys)
    result.unverifiableReason =
      'no Ed25519 public key was given: hashes and links were checked, signatures were not';
  else if (state.file.records === 0) result.unverifiableReason = 'the file holds no events';
  return result;
}

/** What a file's first event must continue: its link predecessor, else the file before it in chain order (a gap is a missing file), else its anchor. */
function previousOf(
  index: number,
  position: number,
  ordered: readonly number[],
  order: FileOrder,
  states: readonly FileState[],
): FileState | undefined {
  const linked = order.predecessor.get(index);
  if (linked !== undefined) return states[linked];
  if (position === 0 || order.parallel.has(index)) return undefined;
  const before = ordered[position - 1];
  return before === undefined ? undefined : states[before];
}

/** Verifies the files as one chain; outcomes come back in the input order. */
export function verifyMeshguardFiles(files: readonly PreparedFile[], ctx: VerifyContext): FileOutcome[] {
  const states = files.map((f) => checkFile(f, ctx));
  const ends = states.map((s) => {
    const first = s.checks[0];
    const last = s.checks[s.checks.length - 1];
    return {
      path: s.file.path,
      firstPrev: first?.ok ? first.prev : undefined,
      lastHash: last?.ok ? last.hash : undefined,
    };
  });
  const order = orderByLinks(ends);
  let startsAtGenesis = false;
  order.order.forEach((index, position) => {
    const state = states[index];
    if (state === undefined) return;
    const notice = order.notices.get(index);
    if (notice) state.findings.push(notice);
    const anchor = anchorForPath(ctx.anchors, state.file.path);
    const linked = linkFile(
      state.checks,
      expectedFirst(previousOf(index, position, order.order, order, states), anchor),
    );
    state.findings.push(...linked.findings);
    if (position === 0) startsAtGenesis = linked.startsAtGenesis;
    if (linked.unanchoredStart) state.needs.push(NEEDS_ANCHOR.predecessor);
    if (anchor !== undefined) {
      state.anchorsUsed.push(describeAnchor(anchor));
      const facts = { count: readableCount(state), head: lastHash([state]), clean: isClean([state]) };
      state.findings.push(...countAndHeadFindings(anchor, facts, state.file.path));
    }
  });
  const ordered = order.order.flatMap((i) => states[i] ?? []);
  const tail = ordered[ordered.length - 1];
  const star = ctx.anchors.find((a) => a.chain === '*');
  // The whole-log anchor applies to one linear chain from genesis (formats/meshguard.md §9), not to copies side by side.
  const firstPrevs = ends.flatMap((e) => (e.firstPrev === undefined ? [] : [e.firstPrev]));
  const linear = new Set(firstPrevs).size === firstPrevs.length;
  if (tail !== undefined && star !== undefined && startsAtGenesis && linear) {
    tail.anchorsUsed.push(`${describeAnchor(star)} over ${ordered.length} file(s)`);
    const facts = {
      count: ordered.reduce((n, s) => n + readableCount(s), 0),
      head: lastHash(ordered),
      clean: isClean(ordered),
    };
    tail.findings.push(...countAndHeadFindings(star, facts, `the log (${ordered.length} file(s))`));
  }
  // A file no given file continues ends a chain: only an anchor shows whether events were cut after it.
  const continued = new Set(order.predecessor.values());
  states.forEach((s, i) => {
    if (!continued.has(i) && s.anchorsUsed.length === 0)
      s.needs.push(NEEDS_ANCHOR.tail, NEEDS_ANCHOR.resigned);
  });
  return states.map((s) => outcome(s, ctx));
}
