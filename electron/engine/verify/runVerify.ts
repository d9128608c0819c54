/**
 * Verifies files as their producers hashed and signed them: reads each file, detects (or takes)
 * its family, groups files of one profile so daily or rotated files form one chain, and returns
 * one FileReport per file. Used by `casefile verify` and the app's integrity panel alike.
 */
import { detectFamily } from '../../../shared/ingest/detect';
import type { Profile, ResolvedKeys, VerifySource } from '../../../shared/verify/profile';
import { profileById, profileIdFor } from '../../../shared/verify/registry';
import { unverifiableReports, verifyArchive } from '../../../shared/verify/run/verifyArchive';
import type { ChainAnchor, FileReport } from '../../../shared/verify/types';
import { nodeHash } from './nodeHash';
import { readVerifySource } from './readSources';

export interface VerifyRequest {
  paths: string[];
  /** `auto` (default) detects each file's family from its content. */
  producer?: string;
  keys: ResolvedKeys;
  anchors: ChainAnchor[];
  /** A user-defined profile (--profile FILE): verifies every file, whatever its detected family. */
  profile?: Profile;
}

export async function runVerify(req: VerifyRequest): Promise<FileReport[]> {
  const groups = new Map<string, { sources: VerifySource[]; sha: Record<string, string>; producer: string }>();
  const reports: FileReport[] = [];
  const order = new Map(req.paths.map((p, i) => [p, i]));
  for (const path of req.paths) {
    const read = await readVerifySource(path);
    if (!read.ok) {
      reports.push(...unverifiableReports([path], { sha256ByPath: { [path]: read.sha256 }, producer: 'unknown' }, read.reason));
      continue;
    }
    const { source, sha256, sample, parquetColumns } = read.read;
    const producer =
      req.producer && req.producer !== 'auto'
        ? req.producer
        : detectFamily({ container: source.container, sample, ...(parquetColumns ? { parquetColumns } : {}) }).producer;
    const profileId = req.profile ? req.profile.id : profileIdFor(producer, source.container);
    const group = groups.get(profileId) ?? { sources: [], sha: {}, producer };
    group.sources.push(source);
    group.sha[path] = sha256;
    groups.set(profileId, group);
  }
  for (const [profileId, group] of groups) {
    const profile = req.profile ?? profileById(profileId);
    const meta = { sha256ByPath: group.sha, producer: group.producer };
    if (!profile) {
      const why = group.producer === 'mapped' ? 'unknown producer: no profile matches this archive (give --producer or a --profile file)' : `no verification profile for ${profileId}`;
      reports.push(...unverifiableReports(group.sources.map((s) => s.path), meta, why));
      continue;
    }
    reports.push(...verifyArchive(group.sources, profile, { hash: nodeHash, keys: req.keys, anchors: req.anchors }, meta));
  }
  // One entry per file, in the order the user named them.
  return reports.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
}
