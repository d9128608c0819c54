/** The `meshguard` profile: daily audit JSONL files, one Ed25519-signed JCS SHA-256 chain through all of them (formats/meshguard.md). */
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import { prepareLines } from './prepared';
import { sourceRecords } from './records';
import { verifyMeshguardFiles, type PreparedFile } from './verifyFiles';

/** Audit lines as they are: each parsed line is the event (§1); a line that does not parse is a parse_error (§5 step 1). */
export function prepareAuditFile(source: VerifySource): PreparedFile {
  const records = sourceRecords(source);
  return { path: source.path, records: records.length, items: prepareLines(records), uncoveredFields: [] };
}

export function verifyMeshguard(sources: VerifySource[], ctx: VerifyContext): FileOutcome[] {
  return verifyMeshguardFiles(sources.map(prepareAuditFile), ctx);
}

export const meshguardProfile: Profile = { id: 'meshguard', verify: verifyMeshguard };
