/**
 * The `meshguard-siem` profile (formats/meshguard.md §6). The SIEM projection carries no hash,
 * chain or signature: on its own nothing in it can be verified, and the outcome says so. When
 * audit files are given in the same call they are verified as meshguard, and each SIEM record is
 * compared with the projection of the audit event with the same `event_id`.
 */
import { isJsonObject, type JsonObject } from '../../json/value';
import type { FileOutcome, Profile, VerifyContext, VerifySource } from '../profile';
import type { Finding } from '../types';
import { verifyMeshguard } from './profile';
import { describeValue, readRecord, sourceRecords, stringMember } from './records';
import { positionOf, type Position } from '../chain/position';
import { projectionDifferences, siemProjection } from './siemProjection';

interface SiemRecord extends Position {
  record: JsonObject;
}

interface SiemFile {
  source: VerifySource;
  records: number;
  rows: SiemRecord[];
  findings: Finding[];
}

interface AuditEvent {
  event: JsonObject;
  path: string;
}

function isAuditSource(records: ReturnType<typeof readRecord>[]): boolean {
  const first = records.find((r) => r.ok);
  return first?.ok === true && isJsonObject(first.value) && isJsonObject(first.value.integrity);
}

function readSiem(source: VerifySource, records: ReturnType<typeof readRecord>[]): SiemFile {
  const file: SiemFile = { source, records: records.length, rows: [], findings: [] };
  for (const r of records) {
    if (!r.ok) file.findings.push(r.finding);
    else if (!isJsonObject(r.value))
      file.findings.push({
        kind: 'parse_error',
        ...positionOf(r),
        detail: 'schema_error: a SIEM record must be a JSON object',
      });
    else file.rows.push({ ...positionOf(r), record: r.value });
  }
  return file;
}

function mismatch(
  at: Position | Record<string, never>,
  field: string,
  detail: string,
  expected?: string,
  actual?: string,
): Finding {
  return {
    kind: 'envelope_mismatch',
    ...at,
    field,
    detail,
    ...(expected === undefined ? {} : { expected }),
    ...(actual === undefined ? {} : { actual }),
  };
}

/** Compares every SIEM record with its audit event; unmatched audit events are `siem_missing` on the SIEM file covering their date. */
function crossCheck(files: SiemFile[], audit: Map<string, AuditEvent>): void {
  const matched = new Set<string>();
  for (const file of files) {
    for (const row of file.rows) {
      const id = stringMember(row.record.meshguard, 'event_id');
      const source = id === undefined ? undefined : audit.get(id);
      if (id === undefined || source === undefined) {
        file.findings.push(
          mismatch(
            row,
            'meshguard.event_id',
            `siem_orphan: no audit event has the id ${describeValue(id)}: the SIEM record was added or its id was changed`,
          ),
        );
        continue;
      }
      matched.add(id);
      for (const d of projectionDifferences(siemProjection(source.event), row.record)) {
        file.findings.push(
          mismatch(
            row,
            d.field,
            `siem_projection_mismatch: ${d.field} is ${describeValue(d.actual)}, the audit event ${id} in ${source.path} projects to ${describeValue(d.expected)}`,
            describeValue(d.expected),
            describeValue(d.actual),
          ),
        );
      }
    }
  }
  const dates = files.map((f) => new Set(f.rows.map((r) => String(r.record.timestamp ?? '').slice(0, 10))));
  for (const [id, { event, path }] of audit) {
    if (matched.has(id)) continue;
    const date = String(event.timestamp ?? '').slice(0, 10);
    const file = files.find((_, i) => dates[i]?.has(date));
    file?.findings.push(
      mismatch(
        {},
        'meshguard.event_id',
        `siem_missing: the audit event ${id} (${path}, ${date}) has no SIEM record: it was deleted from the projection`,
      ),
    );
  }
}

function siemOutcome(file: SiemFile, crossChecked: string | null): FileOutcome {
  const fields = new Set<string>();
  for (const row of file.rows)
    for (const k of Object.keys(row.record)) fields.add(isJsonObject(row.record[k]) ? `${k}.*` : k);
  const outcome: FileOutcome = {
    path: file.source.path,
    records: file.records,
    findings: file.findings.sort((a, b) => (a.entryIndex ?? Infinity) - (b.entryIndex ?? Infinity)),
    merkleRoot: null,
    head: null,
    uncoveredFields: crossChecked === null ? [...fields].sort() : [],
    needsAnchorFor:
      crossChecked === null
        ? [
            'any edit, insertion or deletion: the SIEM projection carries no integrity data (give the audit files to cross-check it)',
          ]
        : [],
    keysUsed: [],
    anchorsUsed: crossChecked === null ? [] : [crossChecked],
  };
  if (crossChecked === null)
    outcome.unverifiableReason =
      'the SIEM projection carries no hash, chain or signature (formats/meshguard.md §6): nothing in it can be verified on its own';
  return outcome;
}

export function verifyMeshguardSiem(sources: VerifySource[], ctx: VerifyContext): FileOutcome[] {
  const read = sources.map((s) => sourceRecords(s).map(readRecord));
  const auditIndexes = sources.map((_, i) => i).filter((i) => isAuditSource(read[i] ?? []));
  const auditSources = auditIndexes.map((i) => sources[i]).filter((s): s is VerifySource => s !== undefined);
  const auditOutcomes = verifyMeshguard(auditSources, ctx);
  const audit = new Map<string, AuditEvent>();
  auditIndexes.forEach((i) => {
    for (const r of read[i] ?? []) {
      const id = r.ok ? stringMember(r.value, 'event_id') : undefined;
      if (r.ok && isJsonObject(r.value) && id !== undefined)
        audit.set(id, { event: r.value, path: sources[i]?.path ?? '' });
    }
  });
  const siemFiles = new Map<number, SiemFile>();
  sources.forEach((s, i) => {
    if (!auditIndexes.includes(i)) siemFiles.set(i, readSiem(s, read[i] ?? []));
  });
  const crossChecked =
    auditSources.length === 0
      ? null
      : `cross-checked against ${audit.size} audit events of ${auditSources.map((s) => s.path).join(', ')}`;
  if (crossChecked !== null) crossCheck([...siemFiles.values()], audit);
  const outcomes = new Map<number, FileOutcome>();
  auditIndexes.forEach((sourceIndex, k) => {
    const outcome = auditOutcomes[k];
    if (outcome !== undefined) outcomes.set(sourceIndex, outcome);
  });
  for (const [i, siem] of siemFiles) outcomes.set(i, siemOutcome(siem, crossChecked));
  return sources.flatMap((_, i) => outcomes.get(i) ?? []);
}

export const meshguardSiemProfile: Profile = { id: 'meshguard-siem', verify: verifyMeshguardSiem };
