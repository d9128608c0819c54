/**
 * The import dialog's preview, computed in the renderer from the first bytes of a chosen file:
 * the first lines verbatim and a provisional family from the same detector the engine runs
 * (shared/ingest/detect). The engine's own detection, in the final report, is authoritative.
 */
import { parseJson } from '../../../shared/json/parse';
import { isJsonArray, isJsonObject, type JsonValue } from '../../../shared/json/value';
import { isParquetMagic, textShape } from '../../../shared/ingest/containerShape';
import { detectFamily, type Detection } from '../../../shared/ingest/detect';

export type PreviewContainer = 'jsonl' | 'json' | 'parquet' | 'unknown';

export interface FilePreview {
  name: string;
  size: number;
  container: PreviewContainer;
  gzip: boolean;
  /** The first lines of the (decompressed) text, cut to PREVIEW_LINE_CHARS. */
  lines: string[];
  /** Parsed first records, for detection and a suggested mapping. */
  sample: JsonValue[];
  /** null when the browser cannot read records from the head (Parquet, binary). */
  detection: Detection | null;
  note: string | null;
}

export const PREVIEW_LINES = 8;
export const PREVIEW_LINE_CHARS = 400;
const SAMPLE_RECORDS = 50;

/** Parses complete lines only: the last line of a truncated head is left out unless the file ended. */
function sampleJsonl(lines: string[]): JsonValue[] {
  const sample: JsonValue[] = [];
  for (const line of lines) {
    if (sample.length >= SAMPLE_RECORDS) break;
    if (line.trim() === '') continue;
    const parsed = parseJson(line.replace(/\r$/, ''), { allowNonFinite: true });
    if (parsed.ok) sample.push(parsed.value);
  }
  return sample;
}

/** A JSON document (array or `{..., "entries": [...]}` export) is sampled only when the head is all of it. */
function sampleJsonDocument(text: string): JsonValue[] {
  const parsed = parseJson(text, { allowNonFinite: true });
  if (!parsed.ok) return [];
  const value = parsed.value;
  if (isJsonArray(value)) return value.slice(0, SAMPLE_RECORDS);
  // An export document wraps its records in an array member (formats/agentmesh.md, export).
  if (isJsonObject(value)) {
    for (const member of Object.values(value))
      if (isJsonArray(member)) return member.slice(0, SAMPLE_RECORDS);
  }
  return [];
}

/**
 * A head that ends inside its first line cannot tell a JSON Lines file with a long first record
 * from a JSON document written on one line: the engine, which reads past it (sniff.ts), decides.
 */
function containerOf(text: string, complete: boolean): PreviewContainer {
  if (!complete && !text.includes('\n') && text.trimStart().startsWith('{')) return 'unknown';
  return textShape(text) ?? 'unknown';
}

export function previewFromText(
  name: string,
  size: number,
  gzip: boolean,
  text: string,
  complete: boolean,
): FilePreview {
  const trimmed = text.replace(/^\uFEFF/, '');
  const allLines = trimmed.split('\n');
  const wholeLines = complete ? allLines : allLines.slice(0, -1);
  const lines = allLines.slice(0, PREVIEW_LINES).map((l) => l.slice(0, PREVIEW_LINE_CHARS));
  const container = containerOf(trimmed, complete);
  let sample: JsonValue[] = [];
  if (container === 'jsonl') sample = sampleJsonl(wholeLines);
  else if (container === 'json') sample = complete ? sampleJsonDocument(trimmed) : [];
  let note: string | null = null;
  if (container === 'unknown' && trimmed.trimStart().startsWith('{'))
    note =
      'The first record is longer than this preview: JSON Lines or one JSON document, the engine will tell from the whole file.';
  else if (container === 'unknown')
    note = 'This does not look like JSON Lines, JSON or Parquet; the engine will check the whole file.';
  else if (sample.length === 0)
    note = 'No record could be read from the start of the file; the engine will read all of it.';
  const detection = sample.length > 0 && container !== 'unknown' ? detectFamily({ container, sample }) : null;
  return { name, size, container, gzip, lines, sample, detection, note };
}

export function previewOfBinary(name: string, size: number, head: Uint8Array): FilePreview | null {
  if (!isParquetMagic(head)) return null;
  return {
    name,
    size,
    container: 'parquet',
    gzip: false,
    lines: [],
    sample: [],
    detection: null,
    note: 'Parquet: columns and rows are read by the engine; its detection appears in the report.',
  };
}
