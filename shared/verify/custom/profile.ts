/**
 * A `Profile` built from a user-defined profile file (issue #4: "verifies producers we have
 * never seen"): every record's hash and signature, then its chain — in file order (one chain per
 * file, or one through all files), or per group resolved by hash — then the published anchors.
 */
import { anchorFindings, describeAnchor, selectAnchor } from '../chain/anchorCheck';
import { ChainLinker } from '../chain/links';
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import type { ChainAnchor, Finding } from '../types';
import { checkRecord, type CheckedRecord } from './checkRecord';
import { UncoveredFields } from './coverage';
import { checkGroup } from './groupedChains';
import type { CustomProfileSpec } from './schema';

interface FileState {
  source: VerifySource;
  findings: Finding[];
  records: CheckedRecord[];
  keysUsed: Set<string>;
  unchecked: boolean;
  coverage: UncoveredFields;
}

function readFile(spec: CustomProfileSpec, source: VerifySource, ctx: VerifyContext): FileState {
  const state: FileState = {
    source,
    findings: [],
    records: [],
    keysUsed: new Set(),
    unchecked: false,
    coverage: new UncoveredFields(spec),
  };
  for (const input of source.records ?? []) {
    const check = checkRecord(spec, input, ctx, state.coverage);
    state.records.push(check.record);
    state.findings.push(...check.findings);
    if (check.keyUsed) state.keysUsed.add(check.keyUsed);
    if (check.signatureUnchecked) state.unchecked = true;
  }
  return state;
}

function needsAnchorFor(spec: CustomProfileSpec, ctx: VerifyContext, files: number): string[] {
  const keyed =
    spec.signature !== undefined &&
    (spec.signature.scheme === 'hmac-sha256' ? ctx.keys.hmac : ctx.keys.ed25519).length > 0;
  const out = ['tail truncation'];
  out.push(
    keyed
      ? 'a rewrite re-chained and re-signed with the real signing key (a stolen or misused key)'
      : 'an edit, insertion or deletion followed by re-chaining (no key protects this chain)',
  );
  if (spec.groupBy) out.push(`a ${spec.groupBy} chain removed whole`);
  if (spec.chain && !spec.chain.acrossFiles && !spec.groupBy && files > 1)
    out.push('a whole file removed (each file starts its own chain)');
  return out;
}

/** Linear chains in file order: one per file, or one through all files (`acrossFiles`); then each file's anchor. */
function linkLinear(
  spec: CustomProfileSpec,
  files: FileState[],
  ctx: VerifyContext,
  anchorsUsed: Map<FileState, string[]>,
): void {
  const chain = spec.chain;
  let linker: ChainLinker | undefined;
  files.forEach((file, k) => {
    const anchor = selectAnchor(ctx.anchors, file.source.path, () => files.length === 1);
    if (chain && (!linker || !chain.acrossFiles)) {
      // A later file verified alone starts where its anchor says the previous file ended (formats/meshguard.md §5).
      const genesis =
        k === 0 && chain.acrossFiles && anchor?.firstPrev !== undefined ? anchor.firstPrev : chain.genesis;
      linker = new ChainLinker(
        { value: genesis, segmentAllowed: false },
        { previous: chain.prevField, own: spec.hashField ?? 'line hash' },
      );
    }
    let head: string | null = null;
    for (const r of file.records) {
      const where =
        r.line === undefined ? { entryIndex: r.entryIndex } : { entryIndex: r.entryIndex, line: r.line };
      if (!r.readable) {
        linker?.skipUnreadable(r.entryIndex);
        head = null;
        continue;
      }
      const broken = linker?.link(where, r.prev, r.own);
      if (broken) file.findings.push(broken);
      head = r.own ?? null;
    }
    if (anchor) {
      const first = file.records[0]?.prev;
      const firstPrev = first === null || typeof first === 'string' ? first : undefined;
      file.findings.push(
        ...anchorFindings(anchor, { count: file.records.length, root: null, head, firstPrev }),
      );
      anchorsUsed.set(file, [describeAnchor(anchor)]);
    }
  });
}

/**
 * A group anchor names a chain that is neither the whole log nor a file path. When the anchor
 * also says which file it was published for (runtime-steps `runs[].file`), it applies only to
 * that file, so verifying one tenant's file does not report every other tenant's runs missing.
 */
function isGroupAnchorFor(a: ChainAnchor, files: FileState[]): boolean {
  if (a.chain === '*' || files.some((f) => selectAnchor([a], f.source.path, () => false) !== undefined))
    return false;
  const file: unknown = (a as { file?: unknown }).file;
  return (
    typeof file !== 'string' ||
    files.some((f) => f.source.path === file || f.source.path.endsWith(`/${file}`))
  );
}

function linkGroups(
  spec: CustomProfileSpec,
  files: FileState[],
  ctx: VerifyContext,
  anchorsUsed: Map<FileState, string[]>,
): void {
  const genesis = spec.chain?.genesis;
  const seen = new Set<string>();
  for (const file of files) {
    const groups = new Map<string, CheckedRecord[]>();
    for (const r of file.records.filter((x) => x.readable)) {
      const g = r.group ?? '(no group)';
      groups.set(g, [...(groups.get(g) ?? []), r]);
    }
    const used: string[] = [];
    for (const [group, records] of groups) {
      seen.add(group);
      const result = checkGroup(group, records, genesis);
      file.findings.push(...result.findings);
      const anchor = ctx.anchors.find((a) => a.chain === group);
      if (anchor) {
        file.findings.push(
          ...anchorFindings(anchor, {
            count: result.count,
            root: null,
            head: result.head,
            firstPrev: undefined,
          }),
        );
        used.push(describeAnchor(anchor));
      }
    }
    anchorsUsed.set(file, used);
  }
  const first = files[0];
  if (!first) return;
  for (const a of ctx.anchors.filter((x) => isGroupAnchorFor(x, files) && !seen.has(x.chain))) {
    first.findings.push({
      kind: 'anchor_chain_missing',
      chain: a.chain,
      detail: `the published anchor lists ${spec.groupBy} ${a.chain}${a.count === undefined ? '' : ` with ${a.count} records`}, but none of the files holds any of its records`,
    });
    (anchorsUsed.get(first) ?? []).push(describeAnchor(a));
  }
}

function outcomeOf(
  spec: CustomProfileSpec,
  file: FileState,
  ctx: VerifyContext,
  files: number,
  anchors: string[],
): FileOutcome {
  const reason =
    file.source.records === undefined
      ? `profile ${spec.id} reads JSONL records, but none were supplied`
      : file.unchecked
        ? `signed with ${spec.signature?.scheme} but no ${spec.signature?.scheme} key was supplied: signatures were not checked`
        : undefined;
  return {
    path: file.source.path,
    records: file.records.length,
    findings: file.findings,
    merkleRoot: null,
    head: [...file.records].reverse().find((r) => r.readable)?.own ?? null,
    uncoveredFields: file.coverage.fields(),
    needsAnchorFor: needsAnchorFor(spec, ctx, files),
    keysUsed: [...file.keysUsed],
    anchorsUsed: anchors,
    ...(reason === undefined ? {} : { unverifiableReason: reason }),
  };
}

export function createCustomProfile(spec: CustomProfileSpec): Profile {
  return {
    id: spec.id,
    verify(sources: VerifySource[], ctx: VerifyContext): FileOutcome[] {
      const files = sources.map((s) => readFile(spec, s, ctx));
      const anchorsUsed = new Map<FileState, string[]>();
      if (spec.groupBy) linkGroups(spec, files, ctx, anchorsUsed);
      else linkLinear(spec, files, ctx, anchorsUsed);
      return files.map((f) => outcomeOf(spec, f, ctx, files.length, anchorsUsed.get(f) ?? []));
    },
  };
}
