/**
 * A mapping as a JSON file: the text the editor exports (the same file `casefile import --mapping`
 * reads) and the reading of such a file back, validated by shared/ingest/mapping's parseMapping.
 */
import type { CasefileError } from '../../../shared/contract/result';
import { parseMapping, type Mapping } from '../../../shared/ingest/mapping';

export type MappingFileResult = { ok: true; mapping: Mapping } | { ok: false; error: CasefileError };

/** Pretty JSON with a final newline, so the file diffs well when kept next to a case. */
export function mappingFileText(mapping: Mapping): string {
  return `${JSON.stringify(mapping, null, 2)}\n`;
}

/** A download name from the mapping's name: letters, digits, dot, dash and underscore only. */
export function mappingFileName(mapping: Mapping): string {
  const stem = mapping.name
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 80);
  return `${stem === '' ? 'mapping' : stem}.mapping.json`;
}

/** parseMapping's messages read "fields.ts: …"; the part before the colon is the field. */
function fieldOf(message: string): string | undefined {
  const colon = message.indexOf(': ');
  return colon > 0 ? message.slice(0, colon) : undefined;
}

/** Reads a mapping file's text; every schema problem is listed, the first one's field located. */
export function readMappingFile(text: string, fileName: string): MappingFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : 'not JSON';
    return {
      ok: false,
      error: {
        code: 'INVALID_REQUEST',
        message: `not a JSON mapping file: ${reason}`,
        where: { file: fileName },
      },
    };
  }
  const parsed = parseMapping(json);
  if (parsed.ok) return parsed;
  const field = parsed.errors[0] === undefined ? undefined : fieldOf(parsed.errors[0]);
  return {
    ok: false,
    error: {
      code: 'INVALID_REQUEST',
      message: `not a valid mapping: ${parsed.errors.join('; ')}`,
      where: field === undefined ? { file: fileName } : { file: fileName, field },
    },
  };
}
