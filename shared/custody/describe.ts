/**
 * Plain words per custody entry, for the CLI and the app: what was done and to what — a headline
 * and, for an import, one item per file (the CLI joins them on one line, the app lists them).
 * The entry's detail is the JSON the engine logged (electron/engine/case/custody.ts callers);
 * anything unexpected (an older case, an analyst's own entry) falls back to its members.
 */

type Detail = Record<string, unknown>;

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export interface CustodyDescription {
  headline: string;
  items: string[];
}

function files(d: Detail): CustodyDescription | null {
  if (!Array.isArray(d.files)) return null;
  const list = d.files as Detail[];
  const items = list.map((f) => {
    const sha = typeof f.sha256 === 'string' ? `, sha256 ${f.sha256.slice(0, 12)}…` : '';
    const records = typeof f.records === 'number' ? count(f.records, 'record') : '? records';
    return `${String(f.path)} (${records}${sha})`;
  });
  return { headline: list.length === 0 ? 'no files' : count(list.length, 'file'), items };
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

export function describeCustodyEntry(action: string, detailText: string): CustodyDescription {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detailText);
  } catch {
    return { headline: detailText, items: [] };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return { headline: detailText, items: [] };
  const d = parsed as Detail;
  const line = (headline: string): CustodyDescription => ({ headline, items: [] });
  switch (action) {
    case 'archive.import':
      return files(d) ?? line(members(d));
    case 'verify.run':
      return line(verdicts(d) ?? members(d));
    case 'case.create':
      return line(
        typeof d.path === 'string' ? `${d.path}${d.demo === true ? ' (the demo case)' : ''}` : members(d),
      );
    case 'mapping.save':
      return line(typeof d.name === 'string' ? `mapping “${d.name}”` : members(d));
    default:
      return line(members(d));
  }
}

/** The description on one line, as the CLI prints it. */
export function custodyEntryLine(action: string, detailText: string): string {
  const { headline, items } = describeCustodyEntry(action, detailText);
  return items.length > 0 ? `${headline}: ${items.join('; ')}` : headline;
}
