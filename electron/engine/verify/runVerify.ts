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
import { defaultStepWorkerFile, precheckedFiles } from './precheckSteps';
import { readVerifySource } from './readSources';
import { anchorsFor } from './verifyOptions';

export interface VerifyRequest {
  paths: string[];
  /** `auto` (default) detects each file's family from its content. */
  producer?: string;
  keys: ResolvedKeys;
  anchors: ChainAnchor[];
  /** A user-defined profile (--profile FILE): verifies every file, whatever its detected family. */
  profile?: Profile;
}

/** Profiles that check their files against another family's files given in the same call. */
const COMPANIONS: Record<string, string> = { 'meshguard-siem': 'meshguard' };

async function settled(shas: Record<string, Promise<string>>): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all(Object.entries(shas).map(async ([p, s]) => [p, await s])));
}

export async function runVerify(req: VerifyRequest): Promise<FileReport[]> {
  const groups = new Map<
    string,
    { sources: VerifySource[]; sha: Record<string, Promise<string>>; producer: string; files: string[] }
  >();
  const reports: FileReport[] = [];
  const order = new Map(req.paths.map((p, i) => [p, i]));
  for (const path of req.paths) {
    const read = await readVerifySource(path);
    if (!read.ok) {
      reports.push(
        ...unverifiableReports(
          [path],
          { sha256ByPath: { [path]: read.sha256 }, producer: 'unknown' },
          read.reason,
        ),
      );
      continue;
    }
    const { source, sha256, sample, parquetColumns, jsonlFile } = read.read;
    const producer =
      req.producer && req.producer !== 'auto'
        ? req.producer
        : detectFamily({ container: source.container, sample, ...(parquetColumns ? { parquetColumns } : {}) })
            .producer;
    const profileId = req.profile ? req.profile.id : profileIdFor(producer, source.container);
    const group = groups.get(profileId) ?? { sources: [], sha: {}, producer, files: [] };
    group.sources.push(source);
    if (jsonlFile) group.files.push(path);
    group.sha[path] = sha256;
    groups.set(profileId, group);
  }
  for (const [profileId, group] of groups) {
    // A SIEM projection has no integrity data of its own: it is cross-checked against the audit
    // files verified in the same call (formats/meshguard.md §6), whose reports come from their group.
    const companion = COMPANIONS[profileId];
    const extra = companion ? (groups.get(companion)?.sources ?? []) : [];
    if (extra.length > 0 && !req.profile) {
      const own = new Set(group.sources.map((s) => s.path));
      const all = verifyArchive(
        [...group.sources, ...extra],
        profileById(profileId) as Profile,
        { hash: nodeHash, keys: req.keys, anchors: anchorsFor(req.anchors, group.producer) },
        { sha256ByPath: await settled(group.sha), producer: group.producer },
      );
      reports.push(...all.filter((r) => own.has(r.path)));
      continue;
    }
    const profile = req.profile ?? profileById(profileId);
    if (!profile) {
      const meta = { sha256ByPath: await settled(group.sha), producer: group.producer };
      const why =
        group.producer === 'mapped'
          ? 'unknown producer: no profile matches this archive (give --producer or a --profile file)'
          : `no verification profile for ${profileId}`;
      reports.push(
        ...unverifiableReports(
          group.sources.map((s) => s.path),
          meta,
          why,
        ),
      );
      continue;
    }
    // Runtime-steps events are checked on their own on worker threads first (both cores), while
    // this thread finishes the files' SHA-256.
    const prechecked =
      profileId === 'runtime-steps' && !req.profile
        ? await precheckedFiles(group.files, req.keys.hmac, defaultStepWorkerFile(import.meta.url))
        : undefined;
    const meta = { sha256ByPath: await settled(group.sha), producer: group.producer };
    reports.push(
      ...verifyArchive(
        group.sources,
        profile,
        {
          hash: nodeHash,
          keys: req.keys,
          anchors: anchorsFor(req.anchors, group.producer),
          ...(prechecked ? { prechecked } : {}),
        },
        meta,
      ),
    );
  }
  // One entry per file, in the order the user named them.
  return reports.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
}
