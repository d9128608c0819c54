/**
 * Test support: what each tampered fixture's diagnosis must say, cross-checked against the
 * words of its truth file's `tamper`, so the expectation table cannot drift from the truth.
 */
import { expect } from 'vitest';
import type { DiagnosisKind, FileReport } from '../../../../shared/verify/types';
import { truthFor } from '../helpers';

/** Words a truth file's `tamper` uses for each kind of tampering. */
const TAMPER_WORDS: Record<DiagnosisKind, RegExp> = {
  edit: /changed|edited|cut to|trailing comma/,
  deletion: /deleted/,
  insertion: /inserted/,
  reordering: /swapped/,
  truncation: /removed|last line .*cut|cut to its first .* no trailing newline/,
  forgery: /wrong key|wrong HMAC key|not in the keyring|replaced by/,
};

export interface Expected {
  /** The diagnoses, in location order; empty when the tamper is undetectable by design. */
  what: DiagnosisKind[];
  /** Where the first diagnosis points (0-based entry index), when the tamper is at one record. */
  entryIndex?: number;
  /** Fields the truth says were edited, which must be reported as uncovered. */
  uncovered?: string[];
}

/** Asserts the truth's tamper text names what we expect, then that the report diagnoses it. */
export function expectDiagnosis(path: string, report: FileReport, expected: Expected): void {
  const truth = truthFor(path);
  const tamper = String(truth.tamper);
  for (const what of expected.what)
    expect(tamper, `${path}: tamper text vs ${what}`).toMatch(TAMPER_WORDS[what]);
  expect(
    report.diagnosis.map((d) => d.what),
    `${path}: ${report.unverifiableReason ?? ''} ${JSON.stringify(report.diagnosis)}`,
  ).toEqual(expected.what);
  if (expected.entryIndex !== undefined) expect(report.diagnosis[0]?.entryIndex).toBe(expected.entryIndex);
  for (const d of report.diagnosis) expect(d.reasoning.length).toBeGreaterThan(40);
  if (expected.what.length === 0) {
    // Undetectable by design: the report must not call it tampered, and must name the unprotected fields.
    expect(truth.expected_result).toMatch(/^VALID/);
    expect(report.verdict).not.toBe('tampered');
    for (const field of expected.uncovered ?? []) expect(report.coverage.uncoveredFields).toContain(field);
  } else {
    const invalid = /INVALID/.test(String(truth.expected_result));
    expect(report.verdict, String(truth.expected_result)).toBe(invalid ? 'tampered' : 'intact');
  }
}
