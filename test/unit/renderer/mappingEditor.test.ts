import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addableColumns,
  columnView,
  CORE_COLUMNS,
  visibleColumns,
  withColumnPath,
  withColumnTransform,
  withMappingName,
} from '../../../renderer/src/import/mappingEdits';
import { previewFromText } from '../../../renderer/src/import/previewRecords';
import { mappingFileName, mappingFileText, readMappingFile } from '../../../renderer/src/import/mappingFile';
import { parseJson } from '../../../shared/json/parse';
import type { JsonValue } from '../../../shared/json/value';
import { applyMapping } from '../../../shared/ingest/applyMapping';
import { MAPPABLE_COLUMNS, parseMapping, type Mapping } from '../../../shared/ingest/mapping';
import { suggestMapping } from '../../../shared/ingest/suggestMapping';

/** gantz records without their hash members: no signature matches, so they are an unknown producer. */
function unhashedGantz(): { lines: string[]; records: JsonValue[] } {
  const lines = readFileSync('test/fixtures/gantz/audit.jsonl', 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const o = JSON.parse(l) as Record<string, unknown>;
      delete o.previous_hash;
      delete o.event_hash;
      return JSON.stringify(o);
    });
  const records = lines.map((l) => {
    const parsed = parseJson(l);
    if (!parsed.ok) throw new Error('fixture line did not parse');
    return parsed.value;
  });
  return { lines, records };
}

describe('mapping edits', () => {
  const { lines, records } = unhashedGantz();
  const suggested = suggestMapping(records.slice(0, 50), 'gantz without hashes');

  it('start from an unknown producer', () => {
    const text = lines.join('\n');
    const preview = previewFromText('unhashed.jsonl', text.length, false, text, true);
    expect(preview.detection?.producer).toBe('mapped');
    expect(parseMapping(suggested).ok).toBe(true);
  });

  it('set a path, keep its transform, and unmap on an empty path', () => {
    const withTransform = withColumnTransform(
      withColumnPath(suggested, 'actor', 'user_id'),
      'actor',
      'uppercase',
    );
    expect(withTransform.fields.actor).toEqual({ path: 'user_id', transform: 'uppercase' });
    const moved = withColumnPath(withTransform, 'actor', '  session_id ');
    expect(moved.fields.actor).toEqual({ path: 'session_id', transform: 'uppercase' });
    expect(withColumnTransform(moved, 'actor', undefined).fields.actor).toBe('session_id');
    expect(withColumnPath(moved, 'actor', ' ').fields.actor).toBeUndefined();
    // The input mapping is never changed in place.
    expect(suggested.fields.actor).toBeUndefined();
  });

  it('ignore a transform on an unmapped column and keep a constant when its transform changes', () => {
    const base: Mapping = { name: 'c', version: 1, fields: { phase: { value: 'plan' } } };
    expect(withColumnTransform(base, 'reason', 'trim')).toBe(base);
    expect(withColumnTransform(base, 'phase', 'uppercase').fields.phase).toEqual({
      value: 'plan',
      transform: 'uppercase',
    });
    expect(columnView(base, 'phase')).toEqual({
      column: 'phase',
      path: '',
      value: 'plan',
      transform: undefined,
    });
  });

  it('produce a mapping whose edits reach the canonical columns of a real record', () => {
    const edited = withMappingName(
      withColumnTransform(withColumnPath(suggested, 'actor', 'user_id'), 'action', 'uppercase'),
      'gantz-unhashed',
    );
    expect(parseMapping(edited).ok).toBe(true);
    const result = applyMapping(edited, records[0] ?? null);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.event.actor).toBe('u-3108');
    expect(result.event.action).toBe('DATA.EXPORT');
    expect(result.event.producer).toBe('mapped');
  });

  it('show core, mapped and added columns in canonical order, and offer the rest', () => {
    const empty: Mapping = { name: 'e', version: 1, fields: { client_ip: 'ip' } };
    const shown = visibleColumns(empty, ['severity']);
    expect(shown).toEqual(
      MAPPABLE_COLUMNS.filter((c) => [...CORE_COLUMNS, 'severity', 'client_ip'].includes(c)),
    );
    const offered = addableColumns(empty, ['severity']);
    expect([...shown, ...offered].sort()).toEqual([...MAPPABLE_COLUMNS].sort());
    expect(offered).not.toContain('client_ip');
  });
});

describe('mapping files', () => {
  const mapping: Mapping = {
    name: 'Gantz / no hashes',
    version: 1,
    fields: { ts: { path: 'timestamp', transform: 'epoch-seconds' }, actor: 'user_id' },
  };

  it('round-trip through the exported text', () => {
    const text = mappingFileText(mapping);
    expect(text.endsWith('\n')).toBe(true);
    const back = readMappingFile(text, 'm.json');
    expect(back).toEqual({ ok: true, mapping });
  });

  it('name the download after the mapping, safely', () => {
    expect(mappingFileName(mapping)).toBe('Gantz-no-hashes.mapping.json');
    expect(mappingFileName({ ...mapping, name: '../..' })).toBe('mapping.mapping.json');
  });

  it('name the field of an invalid mapping and the file of one that is not JSON', () => {
    const bad = readMappingFile(
      JSON.stringify({ ...mapping, fields: { ts: { path: 'timestamp', transform: 'rot13' } } }),
      'bad.json',
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('INVALID_REQUEST');
    expect(bad.error.where).toEqual({ file: 'bad.json', field: 'fields.ts' });
    expect(bad.error.message).toMatch(/^not a valid mapping: fields\.ts: /);
    const unknownColumn = readMappingFile(JSON.stringify({ ...mapping, fields: { colour: 'x' } }), 'c.json');
    expect(unknownColumn.ok ? undefined : unknownColumn.error.message).toContain('fields');
    const notJson = readMappingFile('{"name": ', 'torn.json');
    expect(notJson.ok ? undefined : notJson.error.where).toEqual({ file: 'torn.json' });
  });
});
