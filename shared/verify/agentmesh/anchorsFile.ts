/**
 * Reads AgentMesh's published anchor file (`anchors.json`: `in_memory_chain` with entry_count,
 * merkle_root and last_entry_hash; `file_sink` with path, line_count and head_content_hash) into
 * Casefile's ChainAnchor list, so the file can be passed as it is published.
 */
import { isJsonObject, JsonNumber, type JsonValue } from '../../json/value';
import type { ChainAnchor } from '../types';

export interface AgentmeshAnchorOptions {
  /** Chain name for the in-memory log anchor (export, CloudEvents, Parquet copies); default `*`. */
  logChain?: string;
  /** Chain name for the sink anchor; default the published `file_sink.path`. */
  sinkChain?: string;
}

export type AnchorsFileResult = { ok: true; anchors: ChainAnchor[] } | { ok: false; reason: string };

function count(v: JsonValue | undefined): number | undefined {
  return v instanceof JsonNumber && v.isInteger && Number.isSafeInteger(v.toDouble())
    ? v.toDouble()
    : undefined;
}

function text(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function anchorOf(
  chain: string,
  count: number | undefined,
  root: string | undefined,
  head: string | undefined,
): ChainAnchor {
  const anchor: ChainAnchor = { chain };
  if (count !== undefined) anchor.count = count;
  if (root !== undefined) anchor.root = root;
  if (head !== undefined) anchor.head = head;
  return anchor;
}

/** True when the document has AgentMesh's published-anchor layout. */
export function isAgentmeshAnchorsFile(doc: JsonValue): boolean {
  return isJsonObject(doc) && (isJsonObject(doc.in_memory_chain) || isJsonObject(doc.file_sink));
}

/**
 * The in-memory chain becomes the `*` anchor (count, Merkle root, head = last entry_hash); the
 * sink becomes an anchor named after its file (count, head = last content_hash; the sink has no
 * root). Published checkpoint roots are not converted: a ChainAnchor has no prefix form.
 */
export function agentmeshAnchorsFromPublished(
  doc: JsonValue,
  options: AgentmeshAnchorOptions = {},
): AnchorsFileResult {
  if (!isAgentmeshAnchorsFile(doc) || !isJsonObject(doc))
    return { ok: false, reason: 'not an AgentMesh anchors file (no in_memory_chain or file_sink)' };
  const anchors: ChainAnchor[] = [];
  const log = doc.in_memory_chain;
  if (isJsonObject(log)) {
    anchors.push(
      anchorOf(
        options.logChain ?? '*',
        count(log.entry_count),
        text(log.merkle_root),
        text(log.last_entry_hash),
      ),
    );
  }
  const sink = doc.file_sink;
  if (isJsonObject(sink)) {
    const chain = options.sinkChain ?? text(sink.path);
    if (chain === undefined)
      return { ok: false, reason: 'file_sink has no path; pass the sink file name explicitly' };
    anchors.push(anchorOf(chain, count(sink.line_count), undefined, text(sink.head_content_hash)));
  }
  return { ok: true, anchors };
}
