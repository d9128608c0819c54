/**
 * One line of plain words per custody entry, for the CLI and the app: what was done and to what.
 * The entry's detail is the JSON the engine logged (electron/engine/case/custody.ts callers);
 * anything unexpected (an older case, an analyst's own entry) falls back to its members.
 */

type Detail = Record<string, unknown>;

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function files(d: Detail): string | null {
  if (!Array.isArray(d.files)) return null;
  const list = d.files as Detail[];
  const shown = list.map((f) => {
    const sha = typeof f.sha256 === 'string' ? `, sha256 ${f.sha256.slice(0, 12)}…` : '';
    const records = typeof f.records === 'number' ? count(f.records, 'record') : '? records';
    return `${String(f.path)} (${records}${sha})`;
  });
  return list.length === 0 ? 'no files' : `${count(list.length, 'file')}: ${shown.join('; ')}`;
}

function verdicts(d: Detail): string | null {
  if (!Array.isArray(d.verdicts)) return null;
  const tally = new Map<string, number>();
  for (const v of d.verdicts as Detail[]) {
    const verdict = String(v.verdict);
    tally.set(verdict, (tally.get(verdict) ?? 0) + 1);
  }
  const parts = [...tally].map(([verdict, n]) => `${n} ${verdict}`);
  const keys = Array.isArray(d.keyFingerprints) ? d.keyFingerprints.length : 0;
  const trigger =
    typeof d.trigger === 'string' ? ` (${d.trigger === 'import' ? 'on import' : d.trigger})` : '';
  return `${count(d.verdicts.length, 'archive')}: ${parts.join(', ') || 'none'}; ${count(keys, 'key')}${trigger}`;
}

function members(d: Detail): string {
  return Object.entries(d)
    .map(([k, v]) => `${k} ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
}

export function describeCustodyEntry(action: string, detailText: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detailText);
  } catch {
    return detailText;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return detailText;
  const d = parsed as Detail;
  switch (action) {
    case 'archive.import':
      return files(d) ?? members(d);
    case 'verify.run':
      return verdicts(d) ?? members(d);
    case 'case.create':
      return typeof d.path === 'string'
        ? `${d.path}${d.demo === true ? ' (the demo case)' : ''}`
        : members(d);
    case 'mapping.save':
      return typeof d.name === 'string' ? `mapping “${d.name}”` : members(d);
    default:
      return members(d);
  }
}
