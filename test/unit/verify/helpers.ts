/** Test helpers: load fixture archives as VerifySource values and read their ground truth. */
import { readFileSync } from 'node:fs';
import type { Container, VerifyRecord, VerifySource } from '../../../shared/verify/profile';
import type { Finding, FindingKind } from '../../../shared/verify/types';

/** Splits JSONL text into non-blank records with 1-based line numbers (blank lines keep their number). */
export function jsonlRecords(text: string): VerifyRecord[] {
  const records: VerifyRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    records.push({ entryIndex: records.length, line: i + 1, text: line });
  }
  return records;
}

/** A JSONL fixture as a VerifySource (records in file order). */
export function loadJsonlSource(path: string, sourcePath: string = path): VerifySource {
  return { path: sourcePath, container: 'jsonl', records: jsonlRecords(readFileSync(path, 'utf8')) };
}

/** A JSON document fixture (export, CloudEvents array) as a VerifySource. */
export function loadDocumentSource(path: string, container: Container = 'json'): VerifySource {
  return { path, container, document: readFileSync(path, 'utf8') };
}

/** One `must_report` / `may_also_report` item of a `*.truth.json` file (fields vary by producer). */
export interface TruthItem {
  kind: string;
  entry_index?: number;
  line_index?: number;
  line_number?: number;
  line?: number;
  entry_index_range?: [number, number];
  [key: string]: unknown;
}

export interface Truth {
  tamper?: string;
  expected_result?: string;
  must_report: TruthItem[];
  may_also_report?: TruthItem[];
  must_not_report?: unknown;
  [key: string]: unknown;
}

/** The ground truth next to a tampered fixture (`X` → `X.truth.json`). */
export function truthFor(path: string): Truth {
  return JSON.parse(readFileSync(`${path}.truth.json`, 'utf8')) as Truth;
}

/** The producers' words in the truth files → Casefile finding kinds. */
export const TRUTH_KIND_MAP: Record<string, FindingKind> = {
  parse_error: 'parse_error',
  chain_break: 'chain_break',
  entry_hash_mismatch: 'hash_mismatch',
  content_hash_mismatch: 'hash_mismatch',
  event_hash_mismatch: 'hash_mismatch',
  hash_mismatch: 'hash_mismatch',
  hmac_signature_invalid: 'signature_invalid',
  sig_invalid: 'signature_invalid',
  signature_invalid: 'signature_invalid',
  checkpoint_mismatch: 'checkpoint_mismatch',
  merkle_root_differs_from_published_anchor: 'anchor_root_mismatch',
  entry_count_differs_from_published_anchor: 'anchor_count_mismatch',
  truncation_vs_anchor: 'anchor_count_mismatch',
  head_hash_differs_from_anchor: 'anchor_head_mismatch',
};

/** Casefile kind for a truth word; throws in tests so an unmapped word is noticed at once. */
export function mapTruthKind(word: string): FindingKind {
  const kind = TRUTH_KIND_MAP[word];
  if (!kind) throw new Error(`no Casefile kind mapped for truth word "${word}"`);
  return kind;
}

/** Findings of a kind at a 0-based entry index. */
export function findingsAt(findings: Finding[], kind: FindingKind, entryIndex?: number): Finding[] {
  return findings.filter((f) => f.kind === kind && (entryIndex === undefined || f.entryIndex === entryIndex));
}
