/** Producer family ids: a stable CLI contract (`casefile import --producer <id>`, issue #3). */

export const PRODUCER_IDS = [
  'agentmesh-sink',
  'agentmesh-export',
  'agentmesh-cloudevents',
  'gantz',
  'meshguard',
  'meshguard-cloudevents',
  'meshguard-siem',
  'runtime-steps',
  'runtime-steps-cloudevents',
  'cloudevents',
  'mapped',
] as const;

export type ProducerId = (typeof PRODUCER_IDS)[number];

const KNOWN: ReadonlySet<string> = new Set(PRODUCER_IDS);

export function isProducerId(value: string): value is ProducerId {
  return KNOWN.has(value);
}
