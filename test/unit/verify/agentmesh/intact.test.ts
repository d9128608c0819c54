import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject } from '../../../../shared/json/value';
import { agentmeshCloudEventsProfile } from '../../../../shared/verify/agentmesh/cloudEventsProfile';
import { exportEntryItem, exportNumberMode } from '../../../../shared/verify/agentmesh/exportEntry';
import { agentmeshExportProfile } from '../../../../shared/verify/agentmesh/exportProfile';
import { verifyMeshChain } from '../../../../shared/verify/agentmesh/meshChain';
import { agentmeshSinkProfile } from '../../../../shared/verify/agentmesh/sinkProfile';
import { parseDocument } from '../../../../shared/verify/chain/records';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import { loadDocumentSource, loadJsonlSource } from '../helpers';
import { AM, context, readJsonValue, scenarioAnchors } from './context';

const anchorsDoc = readJsonValue(`${AM}/scenario/anchors.json`) as JsonObject;
const published = anchorsDoc.in_memory_chain as JsonObject;
const PUBLISHED_ROOT = published.merkle_root as string;
const SINK = `${AM}/scenario/audit_trail.jsonl`;

describe('agentmesh-sink on the intact scenario', () => {
  it('with the dev key: 600 lines, no findings, head and count match the published sink anchor', () => {
    const [out] = agentmeshSinkProfile.verify(
      [loadJsonlSource(SINK)],
      context({ key: true, anchors: scenarioAnchors() }),
    );
    expect(out?.findings).toEqual([]);
    expect(out?.records).toBe(600);
    expect(out?.unverifiableReason).toBeUndefined();
    expect(out?.keysUsed).toEqual(['dev-fixtures']);
    expect(out?.anchorsUsed).toEqual(['anchor chain "audit_trail.jsonl" (count, head)']);
    expect(out?.head).toBe((anchorsDoc.file_sink as JsonObject).head_content_hash);
    expect(out?.uncoveredFields).toEqual(['sandbox_id', 'environment', 'compute_driver']);
    // The sink anchor covers a cut tail; nothing covers a missing rotated file.
    expect(out?.needsAnchorFor).toEqual([
      'removal of a whole rotated file (each rotated sink file restarts its chain at "")',
    ]);
  });

  it('without a key: hashes and links are clean, but the file says the HMAC was not checked', () => {
    const [out] = agentmeshSinkProfile.verify([loadJsonlSource(SINK)], context());
    expect(out?.findings).toEqual([]);
    expect(out?.unverifiableReason).toMatch(/HMAC/);
    expect(out?.keysUsed).toEqual([]);
    expect(out?.needsAnchorFor.join(' ')).toMatch(/re-chaining/);
  });

  it('with a wrong key only: every line is reported, not just the first', () => {
    const ctx = context();
    ctx.keys.hmac.push({ id: 'wrong', key: new TextEncoder().encode('forger-wrong-key-0xBAD') });
    const [out] = agentmeshSinkProfile.verify([loadJsonlSource(SINK)], ctx);
    expect(out?.findings).toHaveLength(600);
    expect(new Set(out?.findings.map((f) => f.kind))).toEqual(new Set(['signature_invalid']));
  });

  it('a key ring with several keys: the right one is found and reported as used', () => {
    const ctx = context({ key: true });
    ctx.keys.hmac.unshift({ id: 'old', key: new TextEncoder().encode('some-older-key') });
    const [out] = agentmeshSinkProfile.verify([loadJsonlSource(SINK)], ctx);
    expect(out?.findings).toEqual([]);
    expect(out?.keysUsed).toEqual(['dev-fixtures']);
  });
});

describe('agentmesh-export on the intact scenario', () => {
  for (const name of ['export.json', 'export.pydantic.json']) {
    it(`${name}: no findings, root = header = published anchor, all 8 checkpoints hold`, () => {
      const [out] = agentmeshExportProfile.verify(
        [loadDocumentSource(`${AM}/scenario/${name}`)],
        context({ anchors: scenarioAnchors() }),
      );
      expect(out?.findings).toEqual([]);
      expect(out?.records).toBe(600);
      expect(out?.merkleRoot).toBe(PUBLISHED_ROOT);
      expect(out?.head).toBe(published.last_entry_hash);
      expect(out?.anchorsUsed).toEqual(['anchor chain "*" (count, root, head)']);
      expect(out?.uncoveredFields).toContain('target_did');
      expect(out?.uncoveredFields).toHaveLength(13);
    });
  }

  it('export.pydantic.json needs the Python-repr numbers: with tokens as written, 23 entries mismatch', () => {
    const doc = parseDocument(
      loadDocumentSource(`${AM}/scenario/export.pydantic.json`).document as string,
      'entries',
    );
    if (!doc.ok) throw new Error(doc.finding.detail);
    const entries = doc.elements.map((e) => e.value);
    expect(exportNumberMode(entries)).toBe('python-repr');
    const items = doc.elements.map((e, i) => exportEntryItem(e.value, i, e.line));
    const asWritten = verifyMeshChain(items, nobleHash, 'token', {
      hash: 'entry_hash',
      previous: 'previous_hash',
    });
    expect(asWritten.findings.filter((f) => f.kind === 'hash_mismatch')).toHaveLength(23);
  });

  it('export.window.json: a clean segment; the whole-log header root and anchor are not applied, and it says so', () => {
    const src = loadDocumentSource(`${AM}/scenario/export.window.json`);
    const [out] = agentmeshExportProfile.verify([src], context({ anchors: scenarioAnchors() }));
    expect(out?.findings).toEqual([]);
    expect(out?.records).toBe(118);
    expect(out?.merkleRoot).toBeNull();
    expect(out?.anchorsUsed).toEqual([]);
    expect(out?.needsAnchorFor.join(' ')).toMatch(/window/);
    expect(out?.needsAnchorFor.join(' ')).toMatch(/was not applied/);
  });
});

describe('agentmesh-cloudevents on the intact scenario', () => {
  it('cloudevents.jsonl and cloudevents.json: no findings, the same chain, root = published anchor', () => {
    const ctx = context({ anchors: scenarioAnchors() });
    const [lines] = agentmeshCloudEventsProfile.verify(
      [loadJsonlSource(`${AM}/scenario/cloudevents.jsonl`)],
      ctx,
    );
    const [array] = agentmeshCloudEventsProfile.verify(
      [loadDocumentSource(`${AM}/scenario/cloudevents.json`)],
      ctx,
    );
    for (const out of [lines, array]) {
      expect(out?.findings).toEqual([]);
      expect(out?.records).toBe(600);
      expect(out?.merkleRoot).toBe(PUBLISHED_ROOT);
      expect(out?.head).toBe(published.last_entry_hash);
    }
    expect(lines?.uncoveredFields).toEqual(array?.uncoveredFields);
    expect(lines?.uncoveredFields).toContain('traceid');
  });

  it('array records carry the line where each envelope starts', () => {
    const doc = parseDocument(loadDocumentSource(`${AM}/scenario/cloudevents.json`).document as string);
    if (!doc.ok) throw new Error(doc.finding.detail);
    expect(doc.elements[0]?.line).toBe(2);
    expect(isJsonObject(doc.elements[599]?.value ?? null)).toBe(true);
  });
});
