/**
 * Turns what the user supplied (CLI flags, or the app's verify dialog) into keys and anchors for
 * the profiles. Key material is decoded in memory only: never logged, stored or exported.
 */
import { readFileSync } from 'node:fs';
import { parseJson } from '../../../shared/json/parse';
import { z } from 'zod';
import {
  agentmeshAnchorsFromPublished,
  isAgentmeshAnchorsFile,
} from '../../../shared/verify/agentmesh/anchorsFile';
import { gantzAnchorsFromPublished, isGantzAnchorsFile } from '../../../shared/verify/gantz/anchorsFile';
import { parseEd25519PublicKey } from '../../../shared/verify/keys/ed25519Key';
import { keyFingerprint } from '../../../shared/verify/keys/fingerprint';
import { parseHmacKey } from '../../../shared/verify/keys/hmacKey';
import { parseKeyRing } from '../../../shared/verify/keys/keyRing';
import { isMeshguardAnchors, meshguardAnchors } from '../../../shared/verify/meshguard/anchorsFile';
import type { ResolvedKeys } from '../../../shared/verify/profile';
import { checkpointAnchor, verifyCheckpoint } from '../../../shared/verify/standards/checkpoint';
import { parseVerifierKey } from '../../../shared/verify/standards/signedNote';
import { isRuntimeStepsAnchors, runtimeStepsAnchors } from '../../../shared/verify/runtimeSteps/anchorsFile';
import type { ChainAnchor } from '../../../shared/verify/types';
import { nodeHash } from './nodeHash';

/** Key material as text (the CLI reads files first; the app passes what the user pasted). */
export interface KeyInputs {
  hmacText?: string;
  hmacHex?: string;
  /** The contents of a file holding hex. */
  hmacFileText?: string;
  /** Ed25519 public keys: hex, base64url, JWK or PEM text, each with a label for errors. */
  publicKeys?: { label: string; text: string }[];
  /** Key ring JSON text. */
  keyring?: { label: string; text: string };
}

/** A C2SP checkpoint (signed note) and the note verifier keys trusted to have signed it. */
export interface CheckpointInput {
  label: string;
  text: string;
  verifierKeys: string[];
}

export interface AnchorInputs {
  checkpoint?: CheckpointInput;
  /** Anchors JSON text: {"chains":[…]} or a producer's published anchors file. */
  anchors?: { label: string; text: string };
  expectCount?: number;
  expectRoot?: string;
  expectHead?: string;
  expectFirstPrev?: string;
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; message: string };

export function readText(path: string, what: string): Loaded<string> {
  try {
    return { ok: true, value: readFileSync(path, 'utf8') };
  } catch (thrown) {
    return {
      ok: false,
      message: `${what} ${path}: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
    };
  }
}

export function loadKeys(inputs: KeyInputs): Loaded<ResolvedKeys> {
  const keys: ResolvedKeys = { hmac: [], ed25519: [], entries: [] };
  const hmacGiven = [inputs.hmacText, inputs.hmacHex, inputs.hmacFileText].filter((v) => v !== undefined);
  if (hmacGiven.length > 1)
    return { ok: false, message: 'give one HMAC key: as text, as hex, or as a file holding hex' };
  if (hmacGiven.length === 1) {
    const key = parseHmacKey({
      ...(inputs.hmacText !== undefined ? { text: inputs.hmacText } : {}),
      ...(inputs.hmacHex !== undefined ? { hex: inputs.hmacHex } : {}),
      ...(inputs.hmacFileText !== undefined ? { fileText: inputs.hmacFileText } : {}),
    });
    if (!key.ok) return { ok: false, message: key.error };
    keys.hmac.push({ id: `hmac:${keyFingerprint(key.value, nodeHash)}`, key: key.value });
  }
  for (const { label, text } of inputs.publicKeys ?? []) {
    const key = parseEd25519PublicKey(text);
    if (!key.ok) return { ok: false, message: `${label}: ${key.error}` };
    keys.ed25519.push({ id: `ed25519:${keyFingerprint(key.value, nodeHash)}`, publicKey: key.value });
  }
  if (inputs.keyring) {
    const ring = parseKeyRing(inputs.keyring.text);
    if (!ring.ok) return { ok: false, message: `${inputs.keyring.label}: ${ring.error}` };
    keys.hmac.push(...ring.value.hmac);
    keys.ed25519.push(...ring.value.ed25519);
    keys.entries?.push(...(ring.value.entries ?? []));
  }
  return { ok: true, value: keys };
}

const hex64 = z.string().regex(/^[0-9a-fA-F]{64}$/, '64 hex digits');
/** The issue's anchors format: {"chains":[{"chain","count"?,"root"?,"head"?,"firstPrev"?}]}. */
const anchorsSchema = z.strictObject({
  chains: z.array(
    z.strictObject({
      chain: z.string().min(1),
      count: z.number().int().min(0).optional(),
      root: hex64.optional(),
      head: hex64.optional(),
      firstPrev: z.string().optional(),
    }),
  ),
});

function genericAnchors(text: string, file: string): Loaded<ChainAnchor[]> | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof doc !== 'object' || doc === null || !('chains' in doc)) return null;
  const checked = anchorsSchema.safeParse(doc);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return {
      ok: false,
      message: `${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid anchors'}`,
    };
  }
  return {
    ok: true,
    value: checked.data.chains.map((c) => ({
      ...c,
      ...(c.root ? { root: c.root.toLowerCase() } : {}),
      ...(c.head ? { head: c.head.toLowerCase() } : {}),
    })),
  };
}

/** The generic `{"chains":[…]}` form, or a producer's published anchors file as it is. */
export function loadAnchors(inputs: AnchorInputs): Loaded<ChainAnchor[]> {
  const anchors: ChainAnchor[] = [];
  if (inputs.anchors) {
    const { label, text } = inputs.anchors;
    const generic = genericAnchors(text, label);
    const parsed = parseJson(text);
    if (!parsed.ok) return { ok: false, message: `${label}: not JSON (${parsed.error.message})` };
    const doc = parsed.value;
    if (generic) {
      if (!generic.ok) return generic;
      anchors.push(...generic.value);
    } else if (isAgentmeshAnchorsFile(doc)) {
      const r = agentmeshAnchorsFromPublished(doc);
      if (!r.ok) return { ok: false, message: `${label}: ${r.reason}` };
      anchors.push(...r.anchors.map((a) => ({ ...a, family: 'agentmesh' as const })));
    } else if (isGantzAnchorsFile(doc)) {
      const r = gantzAnchorsFromPublished(doc);
      if (!r.ok) return { ok: false, message: `${label}: ${r.reason}` };
      anchors.push(...r.anchors.map((a) => ({ ...a, family: 'gantz' as const })));
    } else if (isMeshguardAnchors(doc)) {
      const r = meshguardAnchors(doc);
      if (!r.ok) return { ok: false, message: `${label}: ${r.error}` };
      anchors.push(...r.anchors.map((a) => ({ ...a, family: 'meshguard' as const })));
    } else if (isRuntimeStepsAnchors(doc)) {
      const r = runtimeStepsAnchors(doc);
      if (!r.ok) return { ok: false, message: `${label}: ${r.error}` };
      anchors.push(...r.anchors.map((a) => ({ ...a, family: 'runtime-steps' as const })));
    } else
      return {
        ok: false,
        message: `${label}: not an anchors file (expected {"chains":[…]} or a producer's published anchors)`,
      };
  }
  if (inputs.checkpoint) {
    const anchor = checkpointToAnchor(inputs.checkpoint);
    if (!anchor.ok) return anchor;
    anchors.push(anchor.value);
  }
  const one: ChainAnchor = { chain: '*' };
  if (inputs.expectCount !== undefined) one.count = inputs.expectCount;
  if (inputs.expectRoot !== undefined) one.root = inputs.expectRoot.toLowerCase();
  if (inputs.expectHead !== undefined) one.head = inputs.expectHead.toLowerCase();
  if (inputs.expectFirstPrev !== undefined) one.firstPrev = inputs.expectFirstPrev.toLowerCase();
  if (Object.keys(one).length > 1) anchors.push(one);
  return { ok: true, value: anchors };
}

/** A verified checkpoint becomes the whole-log anchor (count = tree size, root = its root hash). */
function checkpointToAnchor(input: CheckpointInput): Loaded<ChainAnchor> {
  const keys = [];
  for (const text of input.verifierKeys) {
    const key = parseVerifierKey(text.trim());
    if (!key.ok)
      return { ok: false, message: `checkpoint key ${JSON.stringify(text.slice(0, 40))}: ${key.reason}` };
    keys.push(key.value);
  }
  if (keys.length === 0)
    return {
      ok: false,
      message: `${input.label}: a checkpoint is only an anchor when its signature verifies: give --checkpoint-key`,
    };
  const verified = verifyCheckpoint(input.text, keys);
  if (!verified.ok) return { ok: false, message: `${input.label}: ${verified.reason}` };
  const anchor = checkpointAnchor(verified.value, '*', 'agentmesh');
  if (!anchor.ok) return { ok: false, message: `${input.label}: ${anchor.reason}` };
  return { ok: true, value: anchor.value.anchor };
}

/** The anchors that apply to archives of `producer`: untagged ones, and those of its own family. */
export function anchorsFor(anchors: readonly ChainAnchor[], producer: string): ChainAnchor[] {
  return anchors.filter(
    (a) => a.family === undefined || producer === a.family || producer.startsWith(`${a.family}-`),
  );
}
