/**
 * What a verdict rests on and what it cannot show: the keys and anchors it was checked against,
 * fields no hash covers, tampering only a published anchor could reveal, and the recomputed
 * Merkle root and head to compare with a published one.
 */
import type { ReactNode } from 'react';
import type { FileReport } from '../../../../shared/verify/types';

function ListOrNone({
  items,
  none,
  testId,
}: {
  items: readonly string[];
  none: string;
  testId: string;
}): ReactNode {
  if (items.length === 0)
    return (
      <dd className="muted" data-testid={testId} data-empty="true">
        {none}
      </dd>
    );
  return (
    <dd data-testid={testId}>
      <ul className="plain-list mono">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </dd>
  );
}

export function VerifiedAgainst({ report }: { report: FileReport }): ReactNode {
  const against = report.verifiedAgainst ?? { keys: [], anchors: [] };
  return (
    <dl className="kv trust-kv" data-testid="verified-against">
      <dt>Keys</dt>
      <ListOrNone
        items={against.keys}
        none="none: no key was checked (signatures and HMACs, if the format has them, were not verified)"
        testId="verified-keys"
      />
      <dt>Anchors</dt>
      <ListOrNone
        items={against.anchors}
        none="none: nothing was compared with a published count, root or head"
        testId="verified-anchors"
      />
      <dt>Merkle root</dt>
      <dd className="mono wrap" data-testid="report-merkle-root">
        {report.merkleRoot ?? '— (this producer has none)'}
      </dd>
      <dt>Head</dt>
      <dd className="mono wrap" data-testid="report-head">
        {report.head ?? '—'}
      </dd>
    </dl>
  );
}

export function CoverageNotes({ report }: { report: FileReport }): ReactNode {
  const { uncoveredFields, needsAnchorFor } = report.coverage;
  if (uncoveredFields.length === 0 && needsAnchorFor.length === 0)
    return (
      <p className="muted" data-testid="coverage">
        Every stored field is covered by a hash or signature, and nothing is left that only a published anchor
        could reveal.
      </p>
    );
  return (
    <div className="coverage" data-testid="coverage">
      {uncoveredFields.length > 0 && (
        <p data-testid="coverage-uncovered">
          <strong>Not covered by any hash or signature</strong> (an edit there is undetectable, whatever the
          verdict): <span className="mono">{uncoveredFields.join(', ')}</span>
        </p>
      )}
      {needsAnchorFor.length > 0 && (
        <div data-testid="coverage-needs-anchor">
          <strong>Only a published anchor could reveal:</strong>
          <ul className="plain-list bullets">
            {needsAnchorFor.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
