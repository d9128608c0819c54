/**
 * The per-line checks of a FileAuditSink line (formats/agentmesh.md §5): the content_hash over
 * the 14 covered members, and the HMAC over the STORED content_hash hex text. A content edit
 * therefore shows as a hash mismatch only; the untouched signature still verifies (the
 * producer's verifier also prints "HMAC signature invalid" there, which is misleading).
 */
import type { JsonObject } from '../../json/value';
import type { Position } from '../chain/position';
import { checkPythonHash, intKeyNotice } from '../chain/pythonHash';
import type { HashProvider } from '../profile';
import type { Finding } from '../types';
import { sinkPayload } from './sinkPayload';
import type { SinkSignatureChecker } from './sinkSignature';

export function sinkContentFindings(line: JsonObject, at: Position, hash: HashProvider): Finding[] {
  const stored = line.content_hash;
  const check = checkPythonHash(sinkPayload(line), stored, hash, 'token');
  if (check.viaIntKeyOrder) return [intKeyNotice(at, check, 'content_hash')];
  if (check.matches) return [];
  if (typeof stored !== 'string') {
    return [
      {
        kind: 'hash_mismatch',
        ...at,
        field: 'content_hash',
        detail: 'content_hash is missing or not a string',
      },
    ];
  }
  return [
    {
      kind: 'hash_mismatch',
      ...at,
      field: 'content_hash',
      detail:
        'the content_hash recomputed from the 14 covered fields differs from the stored one: a covered field was changed after the line was written',
      expected: stored,
      actual: check.recomputed,
    },
  ];
}

export function sinkSignatureFindings(
  line: JsonObject,
  at: Position,
  signatures: SinkSignatureChecker,
): Finding[] {
  const sig = signatures.check(line.content_hash, line.signature, line.timestamp);
  if (!sig.ok) return [{ kind: 'signature_invalid', ...at, field: 'signature', detail: sig.reason }];
  if (sig.outsideValidity === undefined) return [];
  return [
    {
      kind: 'signature_invalid',
      ...at,
      field: 'signature',
      detail: `valid HMAC, but the entry is dated ${sig.outsideValidity}`,
    },
  ];
}
