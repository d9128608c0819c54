/**
 * The user-defined profile file (issue #4): a small JSON document naming which fields a hash
 * covers, how they are canonicalized, where the hash, the chain link and the signature live.
 * Enough to express all four known producers' JSONL chains (test/fixtures/profiles/*.json).
 * Parse errors come back as values naming the offending field.
 */
import { z } from 'zod';

/** A member, or a dotted path into nested objects (`integrity.hash`). */
const fieldPath = z
  .string()
  .regex(/^[^.\s]+(\.[^.\s]+)*$/, 'a field name, or a dotted path such as "integrity.hash"');

const GENESIS_ZEROS = '0'.repeat(64);

const chainSchema = z
  .object({
    /** Where each record names its predecessor's hash. */
    prevField: fieldPath,
    /** The first record's previous hash: null (gantz), "" (AgentMesh) or 64 zeros (meshguard, runtime-steps). */
    genesis: z.union([z.null(), z.literal(''), z.literal(GENESIS_ZEROS)]),
    /**
     * `covered`: the link is one of the covered fields (inside the canonical text).
     * `appended`: hash input = canonical ‖ "\n" ‖ previous hash (formats/meshguard.md §4.1).
     */
    linkInHash: z.enum(['covered', 'appended']).default('covered'),
    /** One chain through all the files, in the order given (meshguard daily files). */
    acrossFiles: z.boolean().default(false),
  })
  .strict();

const signatureSchema = z
  .object({
    scheme: z.enum(['hmac-sha256', 'ed25519']),
    field: fieldPath,
    /**
     * What is signed: `hash-hex` the stored hash's hex text (AgentMesh sink), `hash-bytes` its raw
     * bytes (meshguard), `canonical-with-hash` the canonical covered fields plus the hash field
     * (runtime-steps), `canonical` the canonical covered fields.
     */
    over: z.enum(['hash-hex', 'hash-bytes', 'canonical-with-hash', 'canonical']),
    encoding: z.enum(['hex', 'base64url', 'base64']).default('hex'),
    /** Where the record names its key; the key ring entry with that id is used. */
    keyIdField: fieldPath.optional(),
    /** A timestamp checked against the key's validity window. */
    timeField: fieldPath.optional(),
  })
  .strict();

export const customProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, ".", "_" or "-"'),
    description: z.string().optional(),
    format: z.literal('jsonl'),
    /** Covered members (dotted paths allowed), or every member except some. */
    coveredFields: z.union([
      z.array(fieldPath).min(1),
      z.object({ allExcept: z.array(fieldPath).min(1) }).strict(),
    ]),
    /** A listed covered field absent from a record is hashed as null (AgentMesh, gantz) instead of left out. */
    absentAsNull: z.boolean().default(false),
    canonicalization: z.enum(['python-json-sorted', 'jcs', 'raw-line']),
    /** python-json-sorted only: `token` copies number tokens; `python-repr` re-renders floats. */
    numbers: z.enum(['token', 'python-repr']).default('token'),
    hash: z.literal('sha256'),
    /** Where the record stores its own hash (lowercase hex); absent for raw-line chains. */
    hashField: fieldPath.optional(),
    chain: chainSchema.optional(),
    signature: signatureSchema.optional(),
    /** Records with the same value here form one chain each (runtime-steps runs). */
    groupBy: fieldPath.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const issue = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    if (p.canonicalization === 'raw-line' && p.hashField !== undefined) {
      issue(['hashField'], 'a raw-line hash is over the whole line, so the line cannot store it');
    }
    if (p.canonicalization !== 'raw-line' && p.hashField === undefined) {
      issue(['hashField'], 'required unless canonicalization is "raw-line"');
    }
    if (p.canonicalization === 'raw-line' && p.chain === undefined) {
      issue(['chain'], 'a raw-line hash is stored nowhere, so it can only be checked through a chain');
    }
    const over = p.signature?.over;
    if ((over === 'hash-hex' || over === 'hash-bytes' || over === 'canonical-with-hash') && !p.hashField) {
      issue(['signature', 'over'], `"${over}" needs a hashField`);
    }
    if (p.groupBy !== undefined && p.chain === undefined) issue(['groupBy'], 'groupBy needs a chain');
    if (p.groupBy !== undefined && p.chain?.acrossFiles) issue(['chain', 'acrossFiles'], 'not with groupBy');
    if (Array.isArray(p.coveredFields)) {
      if (p.hashField && p.coveredFields.includes(p.hashField)) {
        issue(['coveredFields'], `the hash field "${p.hashField}" cannot cover itself`);
      }
      const prev = p.chain?.prevField;
      if (prev && p.chain?.linkInHash === 'covered' && !p.coveredFields.includes(prev)) {
        issue(
          ['coveredFields'],
          `the link "${prev}" must be covered (or set chain.linkInHash to "appended")`,
        );
      }
    } else if (
      p.hashField &&
      !p.coveredFields.allExcept.some((x) => p.hashField === x || p.hashField?.startsWith(`${x}.`))
    ) {
      issue(
        ['coveredFields', 'allExcept'],
        `must exclude the hash field "${p.hashField}" (or a member containing it)`,
      );
    }
  });

export type CustomProfileSpec = z.infer<typeof customProfileSchema>;

export interface ProfileFieldError {
  /** Dotted location in the profile file (`signature.over`), or `(file)` for the document itself. */
  field: string;
  message: string;
}

export type CustomProfileParse =
  { ok: true; spec: CustomProfileSpec } | { ok: false; errors: ProfileFieldError[] };

/** Validates an already-parsed profile document. */
export function parseCustomProfile(doc: unknown): CustomProfileParse {
  const result = customProfileSchema.safeParse(doc);
  if (result.success) return { ok: true, spec: result.data };
  const where = (path: readonly PropertyKey[]): string => path.map(String).join('.');
  const errors = result.error.issues.flatMap((i): ProfileFieldError[] => {
    // A misspelt member is named itself, so the user sees which line of the file to fix.
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => ({ field: where([...i.path, k]), message: 'unknown field' }));
    }
    return [{ field: i.path.length === 0 ? '(file)' : where(i.path), message: i.message }];
  });
  return { ok: false, errors };
}

/** Parses and validates a profile file's text (plain JSON: profiles carry no numbers that need lossless parsing). */
export function parseCustomProfileText(text: string): CustomProfileParse {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ field: '(file)', message: `not valid JSON: ${message}` }] };
  }
  return parseCustomProfile(doc);
}
