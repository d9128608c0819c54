/** What the diagnosis must say for each meshguard and runtime-steps tampered fixture (checked against the truth's tamper text). */
import type { Expected } from './truthDiagnosis';

export const MG = 'test/fixtures/meshguard/tampered';
export const RS = 'test/fixtures/runtime-steps/tampered';

export const MESHGUARD_CASES: Record<string, Expected> = {
  [`${MG}/2024-03-16.delete-event.jsonl`]: { what: ['deletion'], entryIndex: 17 },
  [`${MG}/2024-03-16.edit-field.jsonl`]: { what: ['edit'], entryIndex: 15 },
  [`${MG}/2024-03-16.edit-rehashed.jsonl`]: { what: ['edit'], entryIndex: 95 },
  [`${MG}/2024-03-16.forged-rechain.jsonl`]: { what: ['forgery'], entryIndex: 138 },
  [`${MG}/2024-03-16.forged-sig.jsonl`]: { what: ['forgery'], entryIndex: 116 },
  [`${MG}/2024-03-16.insert-event.jsonl`]: { what: ['insertion'], entryIndex: 12 },
  [`${MG}/2024-03-16.swap-events.jsonl`]: { what: ['reordering'], entryIndex: 139 },
  [`${MG}/2024-03-16.torn-line.jsonl`]: { what: ['truncation'], entryIndex: 154 },
  [`${MG}/2024-03-16.truncated.jsonl`]: { what: ['truncation'] },
  [`${MG}/cloudevents-2024-03-16.edit-data.jsonl`]: { what: ['edit'], entryIndex: 120 },
  [`${MG}/cloudevents-2024-03-16.edit-envelope.jsonl`]: { what: ['edit'], entryIndex: 56 },
};

export const RUNTIME_STEPS_CASES: Record<string, Expected> = {
  [`${RS}/cloudevents-tnt_ember.edit-data.jsonl`]: { what: ['edit'], entryIndex: 258 },
  [`${RS}/tnt_ember.delete-event.jsonl`]: { what: ['deletion'], entryIndex: 140 },
  [`${RS}/tnt_ember.duplicated-line.jsonl`]: { what: [] },
  [`${RS}/tnt_ember.edit-field.jsonl`]: { what: ['edit'], entryIndex: 220 },
  [`${RS}/tnt_ember.edit-rehashed.jsonl`]: { what: ['edit'], entryIndex: 87 },
  [`${RS}/tnt_ember.forged-hmac.jsonl`]: { what: ['forgery'], entryIndex: 249 },
  [`${RS}/tnt_ember.insert-event.jsonl`]: { what: ['insertion'], entryIndex: 244 },
  [`${RS}/tnt_ember.swap-events.jsonl`]: { what: ['reordering'] },
  [`${RS}/tnt_ember.torn-line.jsonl`]: { what: ['edit'], entryIndex: 226 },
  [`${RS}/tnt_ember.truncated.jsonl`]: { what: ['truncation', 'truncation', 'truncation'] },
};
