/**
 * Casefile's decision vocabulary: exactly allow / deny / stop / approval_required (issue #3). The
 * producer's own word always stays in `decision_raw`; this only says which of the four it means.
 */

export const DECISIONS = ['allow', 'deny', 'stop', 'approval_required'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Words producers use, folded to lower case with `-`/space as `_`. */
export const DECISION_WORDS: ReadonlyMap<string, Decision> = new Map<string, Decision>([
  ...[
    'allow',
    'allowed',
    'permit',
    'permitted',
    'accept',
    'accepted',
    'approve',
    'approved',
    'granted',
    'pass',
  ].map((w): [string, Decision] => [w, 'allow']),
  ...[
    'deny',
    'denied',
    'block',
    'blocked',
    'reject',
    'rejected',
    'refuse',
    'refused',
    'forbid',
    'forbidden',
    'drop',
  ].map((w): [string, Decision] => [w, 'deny']),
  ...[
    'stop',
    'stopped',
    'halt',
    'halted',
    'abort',
    'aborted',
    'kill',
    'killed',
    'terminate',
    'terminated',
  ].map((w): [string, Decision] => [w, 'stop']),
  ...[
    'approval_required',
    'require_approval',
    'requires_approval',
    'needs_approval',
    'pending_approval',
    'ask',
    'escalate',
  ].map((w): [string, Decision] => [w, 'approval_required']),
]);

export function isDecision(value: string): value is Decision {
  return (DECISIONS as readonly string[]).includes(value);
}

/** The canonical decision a producer word stands for, or undefined when it is not a decision word. */
export function decisionFromWord(word: string): Decision | undefined {
  return DECISION_WORDS.get(
    word
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
}
