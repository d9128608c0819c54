/**
 * One record under a user-defined profile: parse it, recompute its hash, check its signature,
 * note its coverage, and return what the chain checks need (its hash, its link, its group).
 */
import { isJsonObject } from '../../json/value';
import { parseRecord } from '../chain/records';
import type { VerifyContext, VerifyRecord } from '../profile';
import type { Finding } from '../types';
import type { UncoveredFields } from './coverage';
import { getPath } from './fieldPath';
import { canonicalText, coveredObject, recomputeHash } from './recordHash';
import type { CustomProfileSpec } from './schema';
import { checkRecordSignature } from './signature';

export interface CheckedRecord {
  entryIndex: number;
  line?: number;
  readable: boolean;
  /** The record's own hash: the stored one, or the recomputed one for raw-line chains. */
  own?: string;
  /** The link to the predecessor as stored (any JSON value). */
  prev?: unknown;
  /** The value of `groupBy`, as text. */
  group?: string;
  /** The whole record's canonical text: equal texts are an exact duplicate. */
  whole?: string;
}

export interface RecordCheck {
  record: CheckedRecord;
  findings: Finding[];
  /** Id of the key whose signature verified. */
  keyUsed?: string;
  /** True when the signature could not be checked for want of a key. */
  signatureUnchecked: boolean;
}

export function checkRecord(
  spec: CustomProfileSpec,
  input: VerifyRecord,
  ctx: VerifyContext,
  coverage: UncoveredFields,
): RecordCheck {
  const at =
    input.line === undefined
      ? { entryIndex: input.entryIndex }
      : { entryIndex: input.entryIndex, line: input.line };
  const parsed = parseRecord(input);
  if (!parsed.ok || !isJsonObject(parsed.value)) {
    const finding = parsed.ok
      ? { kind: 'parse_error' as const, ...at, detail: 'the record is not a JSON object' }
      : parsed.finding;
    return { record: { ...at, readable: false }, findings: [finding], signatureUnchecked: false };
  }
  const value = parsed.value;
  const covered = coveredObject(spec, value);
  coverage.add(value, covered);
  const group = spec.groupBy === undefined ? undefined : getPath(value, spec.groupBy);
  const groupName = group === undefined ? undefined : typeof group === 'string' ? group : String(group);
  // Findings of a grouped record name its chain, so the diagnosis can pair them with its links.
  const where = groupName === undefined ? at : { ...at, chain: groupName };
  const findings: Finding[] = [];
  const hashed = recomputeHash(spec, value, covered, input.text, ctx.hash);
  const field = spec.hashField ?? '(line)';
  if (!hashed.ok) {
    findings.push({
      kind: 'hash_mismatch',
      ...where,
      field,
      detail: `the hash cannot be checked: ${hashed.reason}`,
    });
  } else if (!hashed.matches) {
    findings.push({
      kind: 'hash_mismatch',
      ...where,
      field,
      detail: `the hash recomputed from the covered fields differs from the stored ${field}: a covered field was changed`,
      ...(hashed.stored === undefined ? {} : { expected: hashed.stored }),
      actual: hashed.recomputed,
    });
  }
  const own = hashed.ok ? (hashed.stored ?? hashed.recomputed) : undefined;
  const sig = checkRecordSignature(spec, value, hashed.ok ? hashed.stored : undefined, ctx.keys, ctx.hash);
  if (sig.ok === false) {
    findings.push({
      kind: 'signature_invalid',
      ...where,
      field: spec.signature?.field ?? 'signature',
      detail: sig.reason,
    });
  }

  // Only grouped chains look for exact duplicates, so only they need the whole record's canonical text.
  const whole =
    spec.groupBy === undefined
      ? undefined
      : spec.canonicalization === 'raw-line'
        ? input.text
        : canonicalText(spec, value);
  const record: CheckedRecord = {
    ...at,
    readable: true,
    ...(own === undefined ? {} : { own }),
    ...(spec.chain ? { prev: getPath(value, spec.chain.prevField) } : {}),
    ...(groupName === undefined ? {} : { group: groupName }),
    ...(typeof whole === 'string' ? { whole } : whole?.ok ? { whole: whole.text } : {}),
  };
  return {
    record,
    findings,
    ...(sig.ok === true ? { keyUsed: sig.keyId } : {}),
    signatureUnchecked: sig.ok === null && spec.signature !== undefined,
  };
}
