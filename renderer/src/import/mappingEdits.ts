/**
 * Pure edits of a field mapping for the mapping editor (issue #3): set a column's source path or
 * transform, rename, and which columns the editor shows. Every edit returns a new Mapping.
 */
import {
  fieldSpecOf,
  MAPPABLE_COLUMNS,
  type FieldSpec,
  type Mapping,
  type MappableColumn,
  type Transform,
} from '../../../shared/ingest/mapping';

/** The columns an investigator needs first: always shown, mapped or not. */
export const CORE_COLUMNS: readonly MappableColumn[] = [
  'ts',
  'event_id',
  'event_type',
  'agent_id',
  'run_id',
  'step',
  'phase',
  'action',
  'resource',
  'decision',
  'outcome',
  'reason',
];

/** One column as the editor shows it: where it comes from (path or constant) and its transform. */
export interface ColumnView {
  column: MappableColumn;
  path: string;
  value: string | undefined;
  transform: Transform | undefined;
}

/** Rebuilds the spec in its shortest form: a bare path string when there is no transform. */
function specOf(
  path: string | undefined,
  value: string | undefined,
  transform: Transform | undefined,
): FieldSpec {
  if (path !== undefined && transform === undefined) return path;
  const spec: { path?: string; value?: string; transform?: Transform } =
    path !== undefined ? { path } : { value: value ?? '' };
  if (transform !== undefined) spec.transform = transform;
  return spec;
}

function withFields(mapping: Mapping, fields: Mapping['fields']): Mapping {
  return { ...mapping, fields };
}

/** Sets where a column comes from; an empty path unmaps it. A transform already chosen is kept. */
export function withColumnPath(mapping: Mapping, column: MappableColumn, path: string): Mapping {
  const fields: Mapping['fields'] = { ...mapping.fields };
  const trimmed = path.trim();
  const before = fields[column];
  if (trimmed === '') {
    delete fields[column];
    return withFields(mapping, fields);
  }
  const transform = before === undefined ? undefined : fieldSpecOf(before).transform;
  fields[column] = specOf(trimmed, undefined, transform);
  return withFields(mapping, fields);
}

/** Sets or clears a mapped column's transform; an unmapped column has nothing to transform. */
export function withColumnTransform(
  mapping: Mapping,
  column: MappableColumn,
  transform: Transform | undefined,
): Mapping {
  const before = mapping.fields[column];
  if (before === undefined) return mapping;
  const { path, value } = fieldSpecOf(before);
  return withFields(mapping, { ...mapping.fields, [column]: specOf(path, value, transform) });
}

export function withMappingName(mapping: Mapping, name: string): Mapping {
  return { ...mapping, name };
}

/** The editor's rows in canonical column order: the core columns, every mapped one, and any added. */
export function visibleColumns(mapping: Mapping, added: readonly MappableColumn[]): MappableColumn[] {
  const shown = new Set<MappableColumn>([...CORE_COLUMNS, ...added]);
  for (const column of MAPPABLE_COLUMNS) if (mapping.fields[column] !== undefined) shown.add(column);
  return MAPPABLE_COLUMNS.filter((c) => shown.has(c));
}

/** Columns the "add column" picker still offers. */
export function addableColumns(mapping: Mapping, added: readonly MappableColumn[]): MappableColumn[] {
  const shown = new Set(visibleColumns(mapping, added));
  return MAPPABLE_COLUMNS.filter((c) => !shown.has(c));
}

export function columnView(mapping: Mapping, column: MappableColumn): ColumnView {
  const spec = mapping.fields[column];
  if (spec === undefined) return { column, path: '', value: undefined, transform: undefined };
  const { path, value, transform } = fieldSpecOf(spec);
  return { column, path: path ?? '', value, transform };
}

/** Narrows a select's value to a mappable column name. */
export function asMappableColumn(text: string): MappableColumn | undefined {
  return MAPPABLE_COLUMNS.find((c) => c === text);
}
