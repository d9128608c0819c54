/** One entry point for the engine: the producer's mapper (or the user's mapping) over one record. */
import type { JsonValue } from '../json/value';
import { applyMapping } from './applyMapping';
import type { Mapping } from './mapping';
import { mapAgentMeshCloudEvent } from './normalize/agentmeshCloudEvent';
import { mapAgentMeshExportEntry, mapAgentMeshSinkLine } from './normalize/agentmeshEntry';
import { mapGenericCloudEvent } from './normalize/cloudEvents';
import { mapGantzEvent } from './normalize/gantz';
import { mapMeshguardCloudEvent, mapMeshguardEvent } from './normalize/meshguard';
import { mapMeshguardSiemRecord } from './normalize/meshguardSiem';
import { mapRuntimeStepsCloudEvent, mapRuntimeStepsEvent } from './normalize/runtimeSteps';
import { failure, type MapResult, type Mapper } from './normalize/types';
import type { ProducerId } from './producers';

export const FAMILY_MAPPERS: Readonly<Record<Exclude<ProducerId, 'mapped'>, Mapper>> = {
  'agentmesh-sink': mapAgentMeshSinkLine,
  'agentmesh-export': mapAgentMeshExportEntry,
  'agentmesh-cloudevents': mapAgentMeshCloudEvent,
  gantz: mapGantzEvent,
  meshguard: mapMeshguardEvent,
  'meshguard-cloudevents': mapMeshguardCloudEvent,
  'meshguard-siem': mapMeshguardSiemRecord,
  'runtime-steps': mapRuntimeStepsEvent,
  'runtime-steps-cloudevents': mapRuntimeStepsCloudEvent,
  cloudevents: mapGenericCloudEvent,
};

export interface NormalizeContext {
  entryIndex: number;
  /** Required for the `mapped` producer. */
  mapping?: Mapping;
}

/**
 * Normalizes one record. Mappers return failures as values; the catch is a last line of defence
 * so that a bug met by one hostile record quarantines that record instead of aborting the import.
 */
export function normalizeRecord(producer: ProducerId, record: JsonValue, ctx: NormalizeContext): MapResult {
  try {
    if (producer === 'mapped') {
      if (!ctx.mapping) return failure('', 'producer "mapped" needs a field mapping, and none was given');
      return applyMapping(ctx.mapping, record);
    }
    return FAMILY_MAPPERS[producer](record, { entryIndex: ctx.entryIndex });
  } catch (e: unknown) {
    return failure(
      '',
      `internal error while normalizing (please report): ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
