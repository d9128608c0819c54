/** Shared setup for the AgentMesh profile tests: fixture paths, the dev HMAC key, published anchors. */
import { readFileSync } from 'node:fs';
import { parseJson } from '../../../../shared/json/parse';
import type { JsonValue } from '../../../../shared/json/value';
import { agentmeshAnchorsFromPublished } from '../../../../shared/verify/agentmesh/anchorsFile';
import { nobleHash } from '../../../../shared/verify/hashNoble';
import type { VerifyContext } from '../../../../shared/verify/profile';
import type { ChainAnchor } from '../../../../shared/verify/types';

export const AM = 'test/fixtures/agentmesh';

/** The FileAuditSink key documented in the fixtures' MANIFEST ("Keys and anchors"). */
export const DEV_KEY = new TextEncoder().encode('dev-fixtures-agentmesh-hmac-2026-04-k7');

export function readJsonValue(path: string): JsonValue {
  const parsed = parseJson(readFileSync(path, 'utf8'), { allowNonFinite: true });
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error.message}`);
  return parsed.value;
}

/** The scenario's published anchors; the sink anchor is named after `sinkPath` (the file under test). */
export function scenarioAnchors(sinkPath?: string): ChainAnchor[] {
  const converted = agentmeshAnchorsFromPublished(
    readJsonValue(`${AM}/scenario/anchors.json`),
    sinkPath ? { sinkChain: sinkPath } : {},
  );
  if (!converted.ok) throw new Error(converted.reason);
  return converted.anchors;
}

export function context(options: { key?: boolean; anchors?: ChainAnchor[] } = {}): VerifyContext {
  return {
    hash: nobleHash,
    keys: { hmac: options.key ? [{ id: 'dev-fixtures', key: DEV_KEY }] : [], ed25519: [] },
    anchors: options.anchors ?? [],
  };
}
