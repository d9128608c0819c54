import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../../shared/json/value';
import { agentmeshAnchorsFromPublished } from '../../../../shared/verify/agentmesh/anchorsFile';
import { MerkleAccumulator } from '../../../../shared/verify/agentmesh/merkle';
import { agentmeshSinkProfile } from '../../../../shared/verify/agentmesh/sinkProfile';
import { agentmeshExportProfile } from '../../../../shared/verify/agentmesh/exportProfile';
import { anchorFindings, selectAnchor } from '../../../../shared/verify/chain/anchorCheck';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import { loadDocumentSource, loadJsonlSource } from '../helpers';
import { AM, context, readJsonValue } from './context';

const published = readJsonValue(`${AM}/scenario/anchors.json`) as JsonObject;
const log = published.in_memory_chain as JsonObject;
const sink = published.file_sink as JsonObject;

describe('agentmesh anchors.json', () => {
  it('converts to a * anchor (count, root, head) and a sink anchor named after its file', () => {
    const converted = agentmeshAnchorsFromPublished(published);
    expect(converted).toEqual({
      ok: true,
      anchors: [
        { chain: '*', count: 600, root: log.merkle_root, head: log.last_entry_hash },
        { chain: 'audit_trail.jsonl', count: 600, head: sink.head_content_hash },
      ],
    });
    expect(agentmeshAnchorsFromPublished(published, { sinkChain: 'x.jsonl', logChain: 'run' })).toMatchObject(
      {
        ok: true,
        anchors: [{ chain: 'run' }, { chain: 'x.jsonl' }],
      },
    );
    expect(agentmeshAnchorsFromPublished(readJsonValue('test/fixtures/gantz/anchors.json')).ok).toBe(false);
  });

  it('the published count, root and head equal what export.json and the sink recompute', () => {
    const [exp] = agentmeshExportProfile.verify(
      [loadDocumentSource(`${AM}/scenario/export.json`)],
      context(),
    );
    expect(exp?.records).toBe(600);
    expect(exp?.merkleRoot).toBe(log.merkle_root);
    expect(exp?.head).toBe(log.last_entry_hash);
    const [s] = agentmeshSinkProfile.verify([loadJsonlSource(`${AM}/scenario/audit_trail.jsonl`)], context());
    expect(s?.records).toBe(600);
    expect(s?.head).toBe(sink.head_content_hash);
  });

  it('every published checkpoint root is the prefix root recomputed from export.json', () => {
    const entries = (readJsonValue(`${AM}/scenario/export.json`) as JsonObject).entries as JsonValue[];
    const roots = new Map<number, string | null>();
    const acc = new MerkleAccumulator(nobleHash);
    for (const e of entries) {
      roots.set(acc.count, acc.root());
      if (isJsonObject(e)) acc.push(e.entry_hash as string);
    }
    const checkpoints = (log.checkpoints_logged_in_chain as JsonValue[]).filter(isJsonObject);
    expect(checkpoints).toHaveLength(8);
    for (const c of checkpoints) expect(roots.get(Number(String(c.checked_entry_count)))).toBe(c.merkle_root);
  });

  it('a sink ignores a * anchor that carries a Merkle root (that one describes the in-memory chain)', () => {
    const src = () => loadJsonlSource(`${AM}/scenario/audit_trail.jsonl`);
    const star = context({ anchors: [{ chain: '*', count: 600, root: log.merkle_root as string }] });
    expect(agentmeshSinkProfile.verify([src()], star)[0]?.anchorsUsed).toEqual([]);
    const short = context({ anchors: [{ chain: '*', count: 599 }] });
    expect(agentmeshSinkProfile.verify([src()], short)[0]?.findings.map((f) => f.kind)).toEqual([
      'anchor_count_mismatch',
    ]);
  });

  it('selectAnchor prefers the exact path, then a trailing path, then *', () => {
    const anchors = [{ chain: '*' }, { chain: 'b/c.jsonl' }, { chain: 'a/b/c.jsonl' }];
    expect(selectAnchor(anchors, 'a/b/c.jsonl', () => true)?.chain).toBe('a/b/c.jsonl');
    expect(selectAnchor(anchors, 'z/b/c.jsonl', () => true)?.chain).toBe('b/c.jsonl');
    expect(selectAnchor(anchors, 'other.jsonl', () => true)?.chain).toBe('*');
    expect(selectAnchor(anchors, 'other.jsonl', () => false)).toBeUndefined();
  });

  it('anchorFindings reports count, root, head and first link separately', () => {
    const kinds = anchorFindings(
      { chain: '*', count: 3, root: 'r', head: 'h', firstPrev: '' },
      { count: 2, root: 'x', head: 'y', firstPrev: 'z' },
    ).map((f) => f.kind);
    expect(kinds).toEqual([
      'anchor_count_mismatch',
      'anchor_root_mismatch',
      'anchor_head_mismatch',
      'chain_break',
    ]);
    expect(
      anchorFindings(
        { chain: '*', count: 2, root: 'x', head: 'y' },
        { count: 2, root: 'x', head: 'y', firstPrev: '' },
      ),
    ).toEqual([]);
  });
});
