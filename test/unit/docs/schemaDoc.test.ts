import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaMarkdown } from '../../../electron/engine/case/schemaDoc';
import { CANONICAL_COLUMNS } from '../../../shared/ingest/canonicalEvent';

describe('docs/schema.md', () => {
  it('documents every column the engine creates, and is up to date', () => {
    const text = schemaMarkdown();
    for (const c of CANONICAL_COLUMNS) expect(text).toContain(`| \`${c.name}\` |`);
    if (process.env.UPDATE_DOCS === '1') writeFileSync('docs/schema.md', text);
    expect(readFileSync('docs/schema.md', 'utf8')).toBe(text);
  });
});
