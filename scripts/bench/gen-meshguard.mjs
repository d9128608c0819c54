// Deterministic synthetic meshguard audit log for the benchmarks (formats/meshguard.md): nested
// events in the gateway's member order (§2), one SHA-256 chain over RFC 8785 JSON (§4.1) and an
// Ed25519 signature over each hash (§4.2), signed with the public RFC 8032 §7.1 TEST 1 key (§11),
// never a real one. Mostly policy decisions, context access and delegations, a few policy
// updates, lifecycle changes and anomalies, as a busy gateway writes them.
// usage: node scripts/bench/gen-meshguard.mjs --n 1000000 --out .bench/meshguard-1000000.jsonl [--seed 42]
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { generatorArgs } from './generatorArgs.mjs';
import { seededRandom } from './random.mjs';

const { n: N, out, seed } = generatorArgs('meshguard');
const SEED_HEX = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410 §7).
const key = createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(SEED_HEX, 'hex')]),
  format: 'der',
  type: 'pkcs8',
});

const { rand, pick, hex } = seededRandom(seed);

// RFC 8785: keys sorted by UTF-16 code units at every level; JSON.stringify writes the numbers
// and strings exactly as JCS does (§3.3, §3.4).
function jcs(v) {
  if (Array.isArray(v)) return `[${v.map(jcs).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${jcs(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

const TIERS = ['anonymous', 'verified', 'trusted', 'privileged'];
const AGENTS = Array.from({ length: 60 }, (_, i) => ({
  id: `agent_${['refunds', 'support', 'triage', 'catalog', 'fraud', 'billing'][i % 6]}_${i}`,
  name: `Agent ${i}`,
  trust_tier: TIERS[i % 4],
  tags: i % 3 === 0 ? [] : ['payments', 'eu'].slice(0, 1 + (i % 2)),
}));
const ACTIONS = [
  [
    'read:catalog',
    'catalog/search',
    () => ({ query: pick(['allergy tablets', 'vitamin d', 'plasters']), page: 1 + Math.floor(rand() * 5) }),
  ],
  [
    'write:refund',
    'order',
    () => ({
      amount: Math.round(rand() * 50000) / 100,
      currency: 'EUR',
      reason_code: pick(['damaged', 'late', 'wrong_item']),
    }),
  ],
  [
    'fraud:score_transaction',
    'transaction',
    () => ({ model: 'gbm-v12', threshold: 0.85, features: 83, score: Math.round(rand() * 10000) / 10000 }),
  ],
  ['read:customer', 'customer', () => ({ fields: ['email', 'address'], purpose: 'support' })],
];
const RULES = ['public_read', 'refund_limit', 'fraud_scoring', 'insufficient_trust_tier', 'pii_access'];
const SDK = 'meshguard-node/0.9.1';

let prev = '0'.repeat(64);
let ms = Date.UTC(2024, 2, 14, 2, 14, 20, 79);
const chains = [];

function event(i) {
  ms += 1 + Math.floor(rand() * 60);
  const agent = pick(AGENTS);
  const r = rand();
  const type =
    r < 0.6
      ? 'policy_decision'
      : r < 0.75
        ? 'context_access'
        : r < 0.87
          ? 'delegation_start'
          : r < 0.99
            ? 'delegation_end'
            : pick(['policy_update', 'agent_lifecycle', 'anomaly_detected']);
  const e = { event_id: `evt_${hex(12)}`, timestamp: new Date(ms).toISOString(), event_type: type };
  if (type !== 'policy_update') e.agent = { ...agent, session_id: `sess_${hex(8)}` };
  if (type === 'policy_decision' || type === 'context_access') {
    const [atype, resource, params] = pick(ACTIONS);
    e.action = { type: atype, resource: `${resource}/${hex(10)}`, parameters: params() };
  }
  if (type === 'policy_decision' || type === 'delegation_start') {
    const deny = rand() < 0.08;
    e.decision = {
      effect: deny ? 'deny' : 'allow',
      policy_id: pick(['pol_default_v1', 'pol_refunds_v3', 'pol_data_access_v2']),
      rule_matched: pick(RULES),
      evaluation_time_ms: Math.floor(rand() * 40),
      conditions_evaluated: [{ expression: `agent.trust_tier IN ['trusted', 'privileged']`, result: !deny }],
    };
  }
  if (type === 'context_access' || (type === 'policy_decision' && rand() < 0.3))
    e.context = {
      conversation_id: `conv_${hex(8)}`,
      external_data_accessed: ['crm'],
      data_classification: pick(['public', 'internal', 'pii', 'phi']),
      data_subject_id: `ds_${hex(6)}`,
      purpose: 'support',
    };
  if (type.startsWith('delegation') || rand() < 0.2) {
    if (chains.length < 8 || rand() < 0.1) {
      const depth = 1 + Math.floor(rand() * 3);
      const hops = Array.from({ length: depth }, () => ({
        agent_id: pick(AGENTS).id,
        delegated_at: e.timestamp,
        permissions_granted: ['refund', 'read'].slice(0, 1 + Math.floor(rand() * 2)),
      }));
      chains.push({ chain: hops, depth, root_agent: hops[0].agent_id, chain_id: `chn_${hex(8)}` });
      if (chains.length > 16) chains.shift();
    }
    e.delegation = pick(chains);
  }
  if (type === 'delegation_end')
    e.result = {
      status: pick(['completed', 'completed', 'failed', 'revoked']),
      duration_ms: Math.floor(rand() * 9000),
    };
  if (type === 'anomaly_detected')
    e.anomaly = {
      anomaly_type: 'delegation_depth_exceeded',
      severity: pick(['low', 'high']),
      details: { depth: 6 },
    };
  if (type === 'policy_update')
    e.policy = {
      policy_id: 'pol_refunds_v3',
      version_to: 'pol_refunds_v4',
      changes: [{ op: 'replace', path: '/limit', old: 500, new: 250 }],
      updated_by: 'ops@larkspur.example',
      change_ticket: `CHG-${i}`,
      comment: 'tighten refunds',
    };
  if (type === 'agent_lifecycle')
    e.lifecycle = {
      agent_id: agent.id,
      change_type: 'trust_tier_changed',
      changed_by: 'ops@larkspur.example',
      from_tier: 'verified',
      to_tier: 'trusted',
      reason: 'review passed',
    };
  e.metadata = {
    client_ip: `10.0.${Math.floor(rand() * 4)}.${Math.floor(rand() * 250)}`,
    sdk_version: SDK,
    environment: 'production',
  };
  const hash = createHash('sha256')
    .update(`${jcs(e)}\n${prev}`)
    .digest();
  const sig = sign(null, hash, key).toString('base64url');
  e.integrity = { alg: 'sha256', prev, hash: hash.toString('hex'), sig, key_id: 'bench-rfc8032-test1' };
  prev = e.integrity.hash;
  return JSON.stringify(e);
}

mkdirSync(dirname(out), { recursive: true });
const fd = openSync(out, 'w');
let buf = [];
for (let i = 0; i < N; i++) {
  buf.push(event(i));
  if (buf.length >= 10000) {
    writeSync(fd, `${buf.join('\n')}\n`);
    buf = [];
  }
}
if (buf.length) writeSync(fd, `${buf.join('\n')}\n`);
closeSync(fd);
console.log(JSON.stringify({ out, events: N }));
