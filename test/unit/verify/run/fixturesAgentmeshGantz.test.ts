/** Orchestrator end to end on the real AgentMesh and gantz tampered fixtures: verdict, coverage and diagnosis per truth file. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../../shared/json/parse';
import { agentmeshCloudEventsProfile } from '../../../../shared/verify/agentmesh/cloudEventsProfile';
import { agentmeshExportProfile } from '../../../../shared/verify/agentmesh/exportProfile';
import { agentmeshSinkProfile } from '../../../../shared/verify/agentmesh/sinkProfile';
import { gantzAnchorsFromPublished } from '../../../../shared/verify/gantz/anchorsFile';
import { gantzProfile } from '../../../../shared/verify/gantz/profile';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import type { Profile, VerifySource } from '../../../../shared/verify/profile';
import { verdictExitCode } from '../../../../shared/verify/run/verdict';
import { verifyArchive } from '../../../../shared/verify/run/verifyArchive';
import type { ChainAnchor, FileReport } from '../../../../shared/verify/types';
import { context, scenarioAnchors } from '../agentmesh/context';
import { loadDocumentSource, loadJsonlSource } from '../helpers';
import { expectDiagnosis, type Expected } from './truthDiagnosis';

const AMT = 'test/fixtures/agentmesh/tampered';
const GT = 'test/fixtures/gantz/tampered';

function gantzAnchors(): ChainAnchor[] {
  const doc = parseJson(readFileSync('test/fixtures/gantz/anchors.json', 'utf8'));
  if (!doc.ok) throw new Error(doc.error.message);
  const converted = gantzAnchorsFromPublished(doc.value);
  if (!converted.ok) throw new Error(converted.reason);
  return converted.anchors;
}

function agentmeshReport(file: string): FileReport {
  const path = `${AMT}/${file}`;
  const [profile, source]: [Profile, VerifySource] = file.startsWith('sink.')
    ? [agentmeshSinkProfile, loadJsonlSource(path)]
    : file.startsWith('export.')
      ? [agentmeshExportProfile, loadDocumentSource(path)]
      : [agentmeshCloudEventsProfile, loadJsonlSource(path)];
  const anchors = scenarioAnchors(file.startsWith('sink.') ? path : undefined);
  const reports = verifyArchive([source], profile, context({ key: true, anchors }), {
    sha256ByPath: { [path]: 'f'.repeat(64) },
    producer: 'agentmesh',
  });
  expect(reports).toHaveLength(1);
  return reports[0] as FileReport;
}

const AGENTMESH: Record<string, Expected> = {
  'cloudevents.edit-field.jsonl': { what: ['edit'], entryIndex: 318 },
  'cloudevents.insert-entry.jsonl': { what: ['insertion'], entryIndex: 463 },
  'cloudevents.swap-entries.jsonl': { what: ['reordering'], entryIndex: 257 },
  'export.edit-field.json': { what: ['edit'], entryIndex: 318 },
  'export.edit-uncovered-field.json': {
    what: [],
    uncovered: ['target_did', 'policy_decision', 'matched_rule'],
  },
  'export.insert-rechained.json': { what: ['insertion'] },
  'export.invalid-json.json': { what: ['edit'] },
  'export.truncated.json': { what: ['truncation'] },
  'sink.delete-entry.jsonl': { what: ['deletion'], entryIndex: 388 },
  'sink.edit-field.jsonl': { what: ['edit'], entryIndex: 318 },
  'sink.edit-uncovered-field.jsonl': { what: [], uncovered: ['sandbox_id', 'environment'] },
  'sink.forged-hmac-rechain.jsonl': { what: ['forgery'], entryIndex: 422 },
  'sink.forged-hmac-single.jsonl': { what: ['forgery'], entryIndex: 422 },
  'sink.insert-entry.jsonl': { what: ['insertion'], entryIndex: 463 },
  'sink.invalid-json-line.jsonl': { what: ['edit'], entryIndex: 205 },
  'sink.truncated.jsonl': { what: ['truncation'] },
};

const GANTZ: Record<string, Expected> = {
  'audit.delete-line.jsonl': { what: ['deletion'], entryIndex: 163 },
  'audit.edit-parameters.jsonl': { what: ['edit'], entryIndex: 137 },
  'audit.edit-rechained.jsonl': { what: ['edit'] },
  'audit.edit-unhashed-fields.jsonl': { what: [], uncovered: ['user_id', 'severity', 'ip_address'] },
  'audit.truncated.jsonl': { what: ['truncation'] },
};

describe('orchestrator on the AgentMesh tampered fixtures (key + published anchors)', () => {
  for (const [file, expected] of Object.entries(AGENTMESH)) {
    it(`${file}: ${expected.what.join(', ') || 'undetectable, reported as uncovered'}`, () => {
      expectDiagnosis(`${AMT}/${file}`, agentmeshReport(file), expected);
    });
  }

  it('sink.insert-entry vs an edit: the successor links past the inserted line to its own predecessor', () => {
    const report = agentmeshReport('sink.insert-entry.jsonl');
    expect(report.diagnosis[0]?.reasoning).toMatch(/links past it to that same predecessor/);
    expect(report.diagnosis[0]?.line).toBe(464);
  });
});

describe('orchestrator on the gantz tampered fixtures (published anchor)', () => {
  for (const [file, expected] of Object.entries(GANTZ)) {
    it(`${file}: ${expected.what.join(', ') || 'undetectable, reported as uncovered'}`, () => {
      const path = `${GT}/${file}`;
      const reports = verifyArchive(
        [loadJsonlSource(path)],
        gantzProfile,
        {
          hash: nobleHash,
          keys: { hmac: [], ed25519: [] },
          anchors: gantzAnchors(),
        },
        { sha256ByPath: {}, producer: 'gantz' },
      );
      expectDiagnosis(path, reports[0] as FileReport, expected);
    });
  }

  it('the re-chained edit is tampered only because of the anchor; without it the file is self-consistent', () => {
    const path = `${GT}/audit.edit-rechained.jsonl`;
    const bare = verifyArchive(
      [loadJsonlSource(path)],
      gantzProfile,
      {
        hash: nobleHash,
        keys: { hmac: [], ed25519: [] },
        anchors: [],
      },
      { sha256ByPath: {}, producer: 'gantz' },
    )[0] as FileReport;
    expect(bare.verdict).toBe('intact');
    expect(bare.verifiedAgainst).toEqual({ keys: [], anchors: [] });
    expect(bare.coverage.needsAnchorFor.join(' ')).toMatch(/re-chaining/);
    expect(bare.coverage.needsAnchorFor.join(' ')).toMatch(/truncation/);
    expect(verdictExitCode([bare])).toBe(0);
  });
});
