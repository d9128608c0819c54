/**
 * Which profile verifies which archive: producer family (from detection or --producer) plus the
 * container picks the profile. Pure, so a browser or worker verifier uses the same table.
 */
import { agentmeshCloudEventsProfile } from './agentmesh/cloudEventsProfile';
import { agentmeshExportProfile } from './agentmesh/exportProfile';
import { agentmeshParquetProfile } from './agentmesh/parquetProfile';
import { agentmeshSinkProfile } from './agentmesh/sinkProfile';
import { gantzProfile } from './gantz/profile';
import { meshguardCloudEventsProfile } from './meshguard/cloudEvents';
import { meshguardProfile } from './meshguard/profile';
import { meshguardParquetProfile } from './meshguard/parquetProfile';
import { meshguardSiemProfile } from './meshguard/siemProfile';
import type { Container, Profile } from './profile';
import { runtimeStepsCloudEventsProfile } from './runtimeSteps/cloudEvents';
import { runtimeStepsParquetProfile } from './runtimeSteps/parquetProfile';
import { runtimeStepsProfile } from './runtimeSteps/profile';

const PROFILES: readonly Profile[] = [
  agentmeshSinkProfile,
  agentmeshExportProfile,
  agentmeshCloudEventsProfile,
  agentmeshParquetProfile,
  gantzProfile,
  meshguardProfile,
  meshguardCloudEventsProfile,
  meshguardSiemProfile,
  meshguardParquetProfile,
  runtimeStepsProfile,
  runtimeStepsCloudEventsProfile,
  runtimeStepsParquetProfile,
];

const BY_ID = new Map(PROFILES.map((p) => [p.id, p]));

export const PROFILE_IDS: readonly string[] = PROFILES.map((p) => p.id);

export function profileById(id: string): Profile | undefined {
  return BY_ID.get(id);
}

/** Parquet copies are verified by the family's Parquet profile (rows rebuilt, numbers re-rendered). */
export function profileIdFor(producer: string, container: Container): string {
  if (container !== 'parquet') return producer;
  if (producer === 'agentmesh-export' || producer === 'agentmesh-sink') return 'agentmesh-parquet';
  return `${producer}-parquet`;
}
