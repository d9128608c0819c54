// The archives bench:import can generate, each with the explicit columns DuckDB's read_json
// baseline reads (../shared/perf/baseline.md §5 (b)): the flat runtime-steps events, their
// CloudEvents copy (the event as a STRUCT in `data`), and the nested meshguard events with the
// Parquet cold-tier schema of formats/meshguard.md §8.
const STEP_COLUMNS = {
  run_id: 'VARCHAR',
  step_id: 'BIGINT',
  tenant_id: 'VARCHAR',
  action: 'VARCHAR',
  action_key: 'VARCHAR',
  timestamp: 'TIMESTAMP',
  phase: 'VARCHAR',
  decision: 'VARCHAR',
  reason: 'VARCHAR',
  actor: 'VARCHAR',
  scope: 'VARCHAR',
  args_hash: 'VARCHAR',
  result: 'VARCHAR',
  prev: 'VARCHAR',
  hash: 'VARCHAR',
  sig: 'VARCHAR',
};

export const BENCH_FAMILIES = {
  'runtime-steps': {
    generator: 'scripts/bench/gen-archive.mjs',
    file: (n) => `.bench/events-${n}.jsonl`,
    columns: STEP_COLUMNS,
  },
  'runtime-steps-cloudevents': {
    generator: 'scripts/bench/gen-step-cloudevents.mjs',
    file: (n) => `.bench/step-cloudevents-${n}.jsonl`,
    columns: {
      specversion: 'VARCHAR',
      id: 'VARCHAR',
      source: 'VARCHAR',
      type: 'VARCHAR',
      subject: 'VARCHAR',
      time: 'TIMESTAMP',
      datacontenttype: 'VARCHAR',
      data: `STRUCT(${Object.entries(STEP_COLUMNS)
        .map(([name, type]) => `${name} ${type}`)
        .join(', ')})`,
    },
  },
  meshguard: {
    generator: 'scripts/bench/gen-meshguard.mjs',
    file: (n) => `.bench/meshguard-${n}.jsonl`,
    columns: {
      event_id: 'VARCHAR',
      timestamp: 'TIMESTAMP',
      event_type: 'VARCHAR',
      agent: 'STRUCT(id VARCHAR, name VARCHAR, trust_tier VARCHAR, tags VARCHAR[], session_id VARCHAR)',
      action: 'STRUCT(type VARCHAR, resource VARCHAR, parameters JSON)',
      decision:
        'STRUCT(effect VARCHAR, policy_id VARCHAR, rule_matched VARCHAR, evaluation_time_ms BIGINT, conditions_evaluated STRUCT(expression VARCHAR, result BOOLEAN)[])',
      context:
        'STRUCT(conversation_id VARCHAR, user_message VARCHAR, agent_reasoning VARCHAR, external_data_accessed VARCHAR[], data_classification VARCHAR, data_subject_id VARCHAR, purpose VARCHAR)',
      delegation:
        'STRUCT(chain STRUCT(agent_id VARCHAR, delegated_at VARCHAR, permissions_granted VARCHAR[])[], depth BIGINT, root_agent VARCHAR, chain_id VARCHAR)',
      result: 'STRUCT(status VARCHAR, duration_ms BIGINT)',
      anomaly: 'STRUCT(anomaly_type VARCHAR, severity VARCHAR, details JSON)',
      policy:
        'STRUCT(policy_id VARCHAR, version_to VARCHAR, changes JSON, updated_by VARCHAR, change_ticket VARCHAR, comment VARCHAR)',
      lifecycle:
        'STRUCT(agent_id VARCHAR, change_type VARCHAR, changed_by VARCHAR, from_tier VARCHAR, to_tier VARCHAR, reason VARCHAR)',
      metadata: 'STRUCT(client_ip VARCHAR, sdk_version VARCHAR, environment VARCHAR)',
      integrity: 'STRUCT(alg VARCHAR, prev VARCHAR, hash VARCHAR, sig VARCHAR, key_id VARCHAR)',
    },
  },
};
