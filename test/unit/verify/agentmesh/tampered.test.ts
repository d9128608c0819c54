import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agentmeshCloudEventsProfile } from '../../../../shared/verify/agentmesh/cloudEventsProfile';
import { agentmeshExportProfile } from '../../../../shared/verify/agentmesh/exportProfile';
import { agentmeshSinkProfile } from '../../../../shared/verify/agentmesh/sinkProfile';
import type { FileOutcome, Profile, VerifySource } from '../../../../shared/verify/profile';
import type { Finding, FindingKind } from '../../../../shared/verify/types';
import { loadDocumentSource, loadJsonlSource, mapTruthKind, truthFor, type TruthItem } from '../helpers';
import { AM, context, scenarioAnchors } from './context';

const T = `${AM}/tampered`;
const files = readdirSync(T).filter((f) => !f.endsWith('.truth.json'));

/** Kinds that are evidence about single records; every one of them must be explained by the truth. */
const RECORD_KINDS = new Set<FindingKind>([
  'parse_error',
  'hash_mismatch',
  'chain_break',
  'signature_invalid',
  'checkpoint_mismatch',
  'envelope_mismatch',
]);

function profileFor(file: string): { profile: Profile; source: VerifySource } {
  const path = `${T}/${file}`;
  if (file.startsWith('sink.')) return { profile: agentmeshSinkProfile, source: loadJsonlSource(path) };
  if (file.startsWith('export.'))
    return { profile: agentmeshExportProfile, source: loadDocumentSource(path) };
  return { profile: agentmeshCloudEventsProfile, source: loadJsonlSource(path) };
}

function run(file: string): FileOutcome {
  const { profile, source } = profileFor(file);
  // The published anchors, with the sink anchor aimed at the file under test (the CLI does this for one sink file).
  const sinkChain = file.startsWith('sink.') ? source.path : undefined;
  const outs = profile.verify([source], context({ key: true, anchors: scenarioAnchors(sinkChain) }));
  expect(outs).toHaveLength(1);
  return outs[0] as FileOutcome;
}

/** Does finding `f` satisfy truth item `t` (kind mapped; location as the truth gives it)? */
function satisfies(f: Finding, t: TruthItem): boolean {
  if (f.kind !== mapTruthKind(t.kind.split(' ')[0] as string)) return false;
  if (t.entry_index !== undefined && f.entryIndex !== t.entry_index) return false;
  if (t.line_number !== undefined && f.line !== t.line_number) return false;
  if (t.line !== undefined && f.line !== t.line) return false;
  if (
    typeof t.checkpoint_checked_entry_count === 'number' &&
    !f.detail.includes(`entries_checked=${t.checkpoint_checked_entry_count}`)
  )
    return false;
  if (typeof t.column === 'number' && !f.detail.includes(`column ${t.column}`)) return false;
  return true;
}

/** A truth item expanded: an `entry_index_range` stands for one item per index. */
function expand(t: TruthItem): TruthItem[] {
  if (!t.entry_index_range) return [t];
  const [from, to] = t.entry_index_range;
  return Array.from({ length: to - from + 1 }, (_, i) => ({
    kind: t.kind,
    entry_index: from + i,
    line_number: from + i + 1,
  }));
}

describe('agentmesh tampered copies: every must_report found, nothing unexplained', () => {
  it('covers all 16 tampered files', () => expect(files).toHaveLength(16));

  for (const file of files) {
    const truth = truthFor(`${T}/${file}`);
    it(`${file}: ${truth.tamper ?? ''}`.slice(0, 150), () => {
      const out = run(file);
      const must = truth.must_report.flatMap(expand);
      const may = (truth.may_also_report ?? []).flatMap(expand);
      for (const t of must) {
        expect(
          out.findings.some((f) => satisfies(f, t)),
          `missing ${JSON.stringify(t)}`,
        ).toBe(true);
      }
      if (typeof t_count(truth.must_report) === 'number') {
        expect(out.findings.filter((f) => f.kind === 'signature_invalid')).toHaveLength(
          t_count(truth.must_report) as number,
        );
      }
      const unexplained = out.findings.filter(
        (f) =>
          RECORD_KINDS.has(f.kind) &&
          ![...must, ...may].some((t) => satisfies(f, t)) &&
          !laterCheckpoint(f, must),
      );
      expect(unexplained).toEqual([]);
      if (truth.must_report.length === 0) expect(out.findings).toEqual([]);
    });
  }
});

/**
 * A checkpoint logged after a reported insertion or reordering legitimately disagrees with the
 * file (its prefix root covers the moved entries); the truth files list only the export's ones.
 */
function laterCheckpoint(f: Finding, must: TruthItem[]): boolean {
  if (f.kind !== 'checkpoint_mismatch' || f.entryIndex === undefined) return false;
  const at = f.entryIndex;
  return must.some((t) => t.kind === 'chain_break' && t.entry_index !== undefined && t.entry_index < at);
}

function t_count(items: TruthItem[]): number | undefined {
  const c = items.find((t) => typeof t.count === 'number')?.count;
  return typeof c === 'number' ? c : undefined;
}
