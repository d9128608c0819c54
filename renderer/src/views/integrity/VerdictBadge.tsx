/** The verdict as a coloured badge: intact green, tampered red, unverifiable amber, not verified grey. */
import type { ReactNode } from 'react';
import type { Verdict } from '../../../../shared/verify/types';

export function VerdictBadge({ verdict }: { verdict: Verdict | null }): ReactNode {
  const name = verdict ?? 'not-verified';
  return (
    <span className={`verdict-badge verdict-${name}`} data-testid="verdict-badge" data-verdict={name}>
      {verdict ?? 'not verified yet'}
    </span>
  );
}
