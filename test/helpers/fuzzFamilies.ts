/**
 * The native families the differential fuzz test (nativeFuzz.test.ts) covers: an ordinary record
 * of each, and per member the values it usually holds and near misses.
 */
import fc from 'fast-check';
import { sinkLine } from './agentmeshSinkLine';
import { meshguardLine } from './meshguardLine';
import { meshguardSiemLine } from './meshguardSiemLine';
import { stepLine } from './runtimeStepLine';
import { stepCloudEventLine } from './stepCloudEventLine';
import { fuzzedLine } from './fuzzLines';
import { timestamp } from './fuzzJsonPieces';

const stepsTypical: Partial<Record<string, fc.Arbitrary<string>>> = {
  timestamp: timestamp(['Z', 'z', '+00:00', '-00:00', '+01:00', '', '+0000']),
  step_id: fc.oneof(
    fc.integer({ min: -5, max: 1_000_000 }).map(String),
    fc.constantFrom('"12"', '"0300"', '18446744073709551616', '1.0', '-0'),
  ),
  decision: fc.constantFrom(
    '"allow"',
    '"deny"',
    '"stop"',
    '"approval_required"',
    '"Allow"',
    '"DENY"',
    '"approval-required"',
    '"weird"',
    '""',
    'null',
  ),
  actor: fc.constantFrom('"agent:booker"', '"user:bob"', '"agent:"', '"operator:zoë"', '"agent:\\u00e9"'),
  phase: fc.constantFrom('"pre_exec"', '"post_exec"', '"approval"', '""', '"Approval"'),
  run_id: fc.constantFrom('"run_2"', '""', '"run\\u005f3"'),
};
/** AgentMesh sink values: decision words, delegation, and `data` with and without what the mapper reads. */
const sinkTypical: Partial<Record<string, fc.Arbitrary<string>>> = {
  timestamp: timestamp(['+00:00', 'Z', '', '+02:00']),
  policy_decision: fc.constantFrom(
    'null',
    '""',
    '"allow"',
    '"deny"',
    '"require_approval"',
    '"Deny"',
    '"weird"',
  ),
  action: fc.constantFrom('"allow"', '"deny"', '"warning"', '""', '"Allow"'),
  outcome: fc.constantFrom('"success"', '"denied"', '"error"', '""'),
  event_type: fc.constantFrom(
    '"tool_invocation"',
    '"tool_blocked"',
    '"policy_violation"',
    '"agent_invocation"',
    '"delegation"',
    '""',
  ),
  target_did: fc.constantFrom('null', '""', '"did:web:other.example"'),
  resource: fc.constantFrom('"tool://x"', '"agent://did:web:third.example"', '"agent://"', '""'),
  data: fc.constantFrom(
    '{}',
    '{"note": "n"}',
    '{"reason": "because"}',
    '{"reason": "", "severity": "high"}',
    '{"reason": null}',
    '{"reason": 5}',
    '{"reason": "a", "reason": "b"}',
    '{"severity": {"level": 1}}',
    '{"x": {"reason": "deep"}}',
    '{"delegation_chain": ["did:a", "did:b"], "delegation_depth": 2}',
    '{"delegation_depth": "3"}',
    '{"big": 717897987691852588770249, "f": 1.50}',
    '{"a": [1, ]}',
    '{"a": {"b": 1,}}',
    '{"a": nan, "b": NaN}',
    '{"a": -Infinity}',
    '{"a": -inf}',
    '"text"',
    '[1, 2]',
    'null',
  ),
};

/**
 * meshguard values: nested members in the shapes the SQL reads (formats/meshguard.md §2), with
 * repeated, misplaced and mistyped keys inside them.
 */
const hop = (id: string): string =>
  `{"agent_id":${id},"delegated_at":"2024-03-14T02:10:00.000Z","permissions_granted":[]}`;
const meshguardTypical: Partial<Record<string, fc.Arbitrary<string>>> = {
  timestamp: timestamp(['Z', '+00:00', '', '+01:00']),
  event_type: fc.constantFrom(
    '"policy_decision"',
    '"delegation_start"',
    '"policy_update"',
    '"agent_lifecycle"',
    '""',
  ),
  agent: fc.constantFrom(
    '{"id":"agent_a","name":"A","trust_tier":"trusted","tags":[],"session_id":"s1"}',
    '{"id":"agent_a","id":"agent_b"}',
    '{"id":5}',
    '{"id":"a\\"b"}',
    '{"id":"zoë\u0001"}',
    '{"name":{"id":"x"}}',
    '{}',
    '"agent_a"',
    'null',
  ),
  delegation: fc.constantFrom(
    `{"chain":[${hop('"agent_r"')}],"depth":1,"root_agent":"agent_r","chain_id":"c1"}`,
    `{"chain":[${hop('"agent_r"')},${hop('"agent_s"')}],"depth":"2","root_agent":"agent_r","chain_id":"c1"}`,
    `{"chain":[${hop('"agent_r"')},${hop('null')}],"depth":2}`,
    `{"chain":[${hop('"agent_r"').replace('"agent_id":"agent_r"', '"agent_id":"agent_r","agent_id":"agent_x"')}],"depth":1}`,
    `{"chain":[{"delegated_at":"x","note":{"agent_id":"y"}}],"depth":1}`,
    `{"chain":[${hop('7')}],"depth":1.0}`,
    '{"chain":["agent_r"],"depth":-0}',
    '{"chain":[],"depth":0}',
    '{"chain":"x"}',
    '{"depth":true,"depth":2}',
    '{}',
    '"x"',
    'null',
  ),
  decision: fc.constantFrom(
    '{"effect":"deny","policy_id":"p","rule_matched":"r","evaluation_time_ms":3,"conditions_evaluated":[]}',
    '{"effect":"Allow"}',
    '{"effect":"allow","effect":"deny"}',
    '{"effect":null,"policy_id":5}',
    '{"conditions_evaluated":[{"expression":"x","result":true}],"effect":"allow"}',
  ),
  action: fc.constantFrom(
    '{"type":"read:x","resource":"r","parameters":{"type":"inner"}}',
    '{"type":"read:x","resource":"r","parameters":{"policy":"p","n":1.50}}',
    '{"type":"read:x","resource":"r","parameters":{"a":[1,],"b":nan}}',
    '{"type":"read:x","resource":"r","parameters":{"agent_id":"hidden"}}',
  ),
  result: fc.constantFrom('{"status":"completed","duration_ms":5}', '{"status":5}', '"done"'),
};

export interface FuzzFamily {
  producer: string;
  /** An ordinary plain record of the family. */
  ordinary(step: number): string;
  typical: Partial<Record<string, fc.Arbitrary<string>>>;
}

// runtime-steps, with a post_exec result.
const steps: FuzzFamily = {
  producer: 'runtime-steps',
  ordinary: (step) => stepLine(step, { result: '"ok"' }),
  typical: stepsTypical,
};

/** runtime-steps CloudEvents (§7): envelope values, and a random runtime-steps event as `data`. */
const stepCloudEventsTypical: Partial<Record<string, fc.Arbitrary<string>>> = {
  specversion: fc.constantFrom('"1.0"', '""', '1.0'),
  time: timestamp(['Z', '+00:00', '', '+01:00']),
  subject: fc.constantFrom('"run_1"', '""', 'null', '"run_\\u00e9"'),
  traceparent: fc.constantFrom('"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"', '"x"'),
  data: fc.oneof(
    { weight: 4, arbitrary: fuzzedLine(steps) },
    { weight: 1, arbitrary: fc.constantFrom('{}', 'null', '"x"') },
  ),
};

/** meshguard SIEM values (§6): the projection's nulls, and the event's fields as a random object. */
const siemTypical: Partial<Record<string, fc.Arbitrary<string>>> = {
  timestamp: timestamp(['Z', '+00:00', '', '+01:00']),
  severity: fc.constantFrom('"info"', '"warning"', 'null', '""'),
  source: fc.constantFrom('"meshguard"', 'null', '""'),
  tags: fc.constantFrom('[]', '["a","b"]', 'null', '[{"decision":"deny"}]', '"x"'),
  meshguard: fc.constantFrom(
    '{"event_id":"evt_1","agent_id":"a","agent_name":"A","trust_tier":"t","action":"x","resource":"r","decision":"allow","policy_id":null,"delegation_depth":0,"evaluation_time_ms":2}',
    '{"event_id":"evt_1","decision":"Deny","delegation_depth":"2"}',
    '{"event_id":"evt_1","delegation_depth":2.0}',
    '{"event_id":"evt_1","delegation_depth":-0,"agent_id":null}',
    '{"event_id":"evt_1","agent_id":5}',
    '{"event_id":"evt_1","event_id":"evt_2"}',
    '{"event_id":"","decision":"allow"}',
    '{"event_id":"evt_1","evaluation_time_ms":nan}',
    '{}',
    'null',
    '"evt_1"',
  ),
};

export const FAMILIES: FuzzFamily[] = [
  steps,
  { producer: 'agentmesh-sink', ordinary: (step) => sinkLine(step), typical: sinkTypical },
  { producer: 'meshguard', ordinary: (step) => meshguardLine(step), typical: meshguardTypical },
  {
    producer: 'runtime-steps-cloudevents',
    ordinary: (step) => stepCloudEventLine(step, {}, { result: '"ok"' }),
    typical: stepCloudEventsTypical,
  },
  { producer: 'meshguard-siem', ordinary: (i) => meshguardSiemLine(i), typical: siemTypical },
];
