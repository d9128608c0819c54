/**
 * Detects an archive's family from its content, never its file name (issue #3): each sampled
 * record is matched against the family signatures, Parquet column names and key-value metadata
 * add their vote, and the evidence says what was seen so the user can check or override it.
 */
import { isJsonObject, type JsonValue } from '../json/value';
import { signatureOfColumns, signatureOfRecord, SIGNATURES, type Signature } from './familySignatures';
import { isProducerId, type ProducerId } from './producers';
import { normalizeTimeText } from './time';

export { PRODUCER_IDS, isProducerId, type ProducerId } from './producers';

export interface DetectInput {
  container: 'jsonl' | 'json' | 'parquet';
  /** The first records, parsed (records that did not parse are left out). */
  sample: JsonValue[];
  parquetColumns?: string[];
  parquetKvMetadata?: Record<string, string>;
}

export interface Detection {
  producer: ProducerId;
  /** `unknown` always comes with producer `mapped`: the UI opens the mapping dialog. */
  confidence: 'certain' | 'likely' | 'unknown';
  evidence: string[];
}

export function detectFamily(input: DetectInput): Detection {
  const evidence: string[] = [];
  const objects = input.sample.filter(isJsonObject);
  const votes = new Map<Signature, number>();
  for (const record of objects) {
    const sig = signatureOfRecord(record);
    if (sig) votes.set(sig, (votes.get(sig) ?? 0) + 1);
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  const [rowSig, rowCount] = ranked[0] ?? [undefined, 0];
  if (rowSig) evidence.push(`${rowCount}/${objects.length} sampled records: ${rowSig.describe}`);
  for (const [sig, n] of ranked.slice(1))
    evidence.push(`${n}/${objects.length} sampled records look like ${sig.producer} instead`);
  if (input.sample.length > objects.length)
    evidence.push(`${input.sample.length - objects.length} sampled records are not JSON objects`);

  if (input.container === 'parquet') return withTimeEvidence(detectParquet(input, rowSig, evidence), objects);
  if (!rowSig) return unknown(evidence, objects.length);
  if (rowCount === objects.length)
    return withTimeEvidence({ producer: rowSig.producer, confidence: 'certain', evidence }, objects);
  if (rowCount * 2 >= objects.length)
    return withTimeEvidence({ producer: rowSig.producer, confidence: 'likely', evidence }, objects);
  return unknown(evidence, objects.length);
}

/** Columns, KV metadata and rows vote; two that agree make it certain, one alone makes it likely. */
function detectParquet(input: DetectInput, rowSig: Signature | undefined, evidence: string[]): Detection {
  const columnSig = signatureOfColumns(input.parquetColumns ?? []);
  if (columnSig) evidence.push(`Parquet columns ${columnSig.members.join(', ')}: ${columnSig.describe}`);
  const kv = input.parquetKvMetadata ?? {};
  const kvWord = Object.hasOwn(kv, 'producer') ? kv.producer : undefined;
  const kvProducer = kvWord !== undefined && isProducerId(kvWord) && kvWord !== 'mapped' ? kvWord : undefined;
  if (kvWord !== undefined) {
    const schema = Object.hasOwn(kv, 'schema') ? `, schema=${kv.schema}` : '';
    evidence.push(
      `Parquet key-value metadata producer=${kvWord}${schema}${kvProducer ? '' : ' (not a known family id)'}`,
    );
  }
  // The rows refine a generic CloudEvents column set into the family whose events sit in `data`.
  const fromColumns =
    columnSig?.producer === 'cloudevents' && rowSig?.members.includes('specversion')
      ? rowSig.producer
      : columnSig?.producer;
  const voters = [fromColumns, kvProducer, rowSig?.producer].filter(
    (p): p is Exclude<ProducerId, 'mapped'> => p !== undefined,
  );
  if (voters.length === 0) return unknown(evidence, input.sample.length);
  const tally = new Map<ProducerId, number>();
  for (const p of voters) tally.set(p, (tally.get(p) ?? 0) + 1);
  const [producer, count] = [...tally.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['mapped', 0];
  if (tally.size > 1) evidence.push(`the Parquet signals disagree: ${voters.join(' / ')}`);
  return { producer, confidence: count >= 2 ? 'certain' : 'likely', evidence };
}

function unknown(evidence: string[], sampled: number): Detection {
  evidence.push(
    sampled === 0
      ? 'no readable JSON object in the sample'
      : `none of the ${SIGNATURES.length} known family signatures matched; map the fields by hand (a mapping is suggested from the sample)`,
  );
  return { producer: 'mapped', confidence: 'unknown', evidence };
}

/** Says how the time is rendered when it matters to the investigator (non-RFC-3339, Python str(), naive). */
function withTimeEvidence(d: Detection, objects: readonly JsonValue[]): Detection {
  const first = objects.find(isJsonObject);
  if (!first || d.producer === 'mapped') return d;
  const member =
    typeof first.time === 'string' ? 'time' : typeof first.timestamp === 'string' ? 'timestamp' : undefined;
  const text = member === 'time' ? first.time : member === 'timestamp' ? first.timestamp : undefined;
  if (typeof text !== 'string') return d;
  const t = normalizeTimeText(text);
  if (!t.ok) d.evidence.push(`${member} ${JSON.stringify(text.slice(0, 40))} is not a readable timestamp`);
  else if (t.style === 'offset-then-z')
    d.evidence.push(
      `${member} is written …+00:00Z: not RFC 3339, accepted and read as UTC (formats/agentmesh.md §6)`,
    );
  else if (t.style === 'space-separated')
    d.evidence.push(
      `${member} uses a space separator (Python str(), e.g. json.dumps(default=str)); read as ISO 8601`,
    );
  else if (t.style === 'naive') d.evidence.push(`${member} has no UTC offset; read as UTC`);
  return d;
}
