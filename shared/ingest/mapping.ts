/**
 * A user-defined field mapping for an unknown producer (issue #3; like Timesketch's upload dialog,
 * field/anchors.md A1): which source path feeds each canonical column, saved as a JSON file and
 * reused. This module is the file format; applyMapping.ts and suggestMapping.ts use it.
 */
import { z } from 'zod';
import { CANONICAL_COLUMNS, type CanonicalColumnName } from './canonicalEvent';
import { DECISIONS } from './decision';
import { parsePath } from './jsonPath';

/** Columns a mapping may fill: all but `producer` (always `mapped`) and `ts_raw` (taken with `ts`). */
export const MAPPABLE_COLUMNS = CANONICAL_COLUMNS.map((c) => c.name).filter(
  (n): n is Exclude<CanonicalColumnName, 'producer' | 'ts_raw'> => n !== 'producer' && n !== 'ts_raw',
);
export type MappableColumn = (typeof MAPPABLE_COLUMNS)[number];

export const TRANSFORMS = [
  'iso', // ISO 8601 / RFC 3339 text in any rendering time.ts reads
  'epoch-seconds',
  'epoch-millis',
  'epoch-micros',
  'epoch-nanos',
  'lowercase',
  'uppercase',
  'trim',
] as const;
export type Transform = (typeof TRANSFORMS)[number];

const sourcePath = z
  .string()
  .min(1)
  .max(500)
  .refine((p) => parsePath(p).ok, {
    message: 'not a readable source path (e.g. data.agent.id, $.x, items[0])',
  });

const fieldSpec = z.union([
  sourcePath,
  z
    .strictObject({
      path: sourcePath.optional(),
      /** A constant, for a column the source lacks (Timesketch's "create with a default value"). */
      value: z.string().max(1000).optional(),
      transform: z.enum(TRANSFORMS).optional(),
    })
    .refine((f) => (f.path === undefined) !== (f.value === undefined), {
      message: 'give exactly one of path or value',
    }),
]);
export type FieldSpec = z.infer<typeof fieldSpec>;

export const mappingSchema = z.strictObject({
  name: z.string().min(1).max(200),
  version: z.literal(1),
  /** Records lacking any of these paths are quarantined instead of half-mapped. */
  match: z.strictObject({ requiredFields: z.array(sourcePath).max(50) }).optional(),
  fields: z.partialRecord(z.enum(MAPPABLE_COLUMNS as [MappableColumn, ...MappableColumn[]]), fieldSpec),
  /** Source words → canonical decisions; words not listed fall back to the built-in vocabulary. */
  decisionMap: z.record(z.string().max(200), z.enum(DECISIONS)).optional(),
});
export type Mapping = z.infer<typeof mappingSchema>;

export type ParsedMapping = { ok: true; mapping: Mapping } | { ok: false; errors: string[] };

/** Validates a mapping read from a file (already JSON-parsed); every problem is listed with its path. */
export function parseMapping(input: unknown): ParsedMapping {
  const result = mappingSchema.safeParse(input);
  if (result.success) return { ok: true, mapping: result.data };
  return {
    ok: false,
    errors: result.error.issues.map(
      (i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`,
    ),
  };
}

/** The spec of one column in object form, whatever shorthand the file used. */
export function fieldSpecOf(spec: FieldSpec): { path?: string; value?: string; transform?: Transform } {
  return typeof spec === 'string' ? { path: spec } : spec;
}
