import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PREVIEW_LINES, previewFromText, previewOfBinary } from '../../../renderer/src/import/previewRecords';
import { readPreview } from '../../../renderer/src/import/readPreview';

const fixture = (p: string): Buffer => readFileSync(`test/fixtures/${p}`);

describe('import preview', () => {
  it('detects gantz from the head of its JSONL and shows the first lines verbatim', () => {
    const text = fixture('gantz/audit.jsonl').toString('utf8');
    const head = text.slice(0, 20_000);
    const preview = previewFromText('audit.jsonl', text.length, false, head, false);
    expect(preview.container).toBe('jsonl');
    expect(preview.detection?.producer).toBe('gantz');
    expect(preview.detection?.confidence).toBe('certain');
    expect(preview.lines).toHaveLength(PREVIEW_LINES);
    expect(preview.lines[0]).toBe(text.split('\n')[0]?.slice(0, 400));
    // The head ends mid-line: that cut line is not parsed as a record.
    expect(preview.sample.length).toBe(head.split('\n').length - 1);
  });

  it('samples a whole JSON export document through its entries array', () => {
    const text = fixture('agentmesh/scenario/export.json').toString('utf8');
    const preview = previewFromText('export.json', text.length, false, text, true);
    expect(preview.container).toBe('json');
    expect(preview.detection?.producer).toBe('agentmesh-export');
  });

  it('marks an unknown producer as mapped, and text that is not JSON as unknown', () => {
    const custom = '{"when":"2026-05-01T10:00:00Z","bot":"a"}\n{"when":"2026-05-01T10:00:01Z","bot":"b"}\n';
    expect(previewFromText('x.jsonl', custom.length, false, custom, true).detection?.producer).toBe('mapped');
    const notes = previewFromText('notes.txt', 20, false, 'meeting notes\nline 2\n', true);
    expect(notes.container).toBe('unknown');
    expect(notes.detection).toBeNull();
    expect(notes.note).toMatch(/does not look like/);
  });

  it('leaves the container to the engine when the head ends inside a long first record', () => {
    const longFirst = `{"run_id":"r","reason":"${'x'.repeat(70_000)}"}\n{"run_id":"r2"}\n`;
    const preview = previewFromText('long.jsonl', longFirst.length, false, longFirst.slice(0, 65_536), false);
    expect(preview.container).toBe('unknown');
    expect(preview.detection).toBeNull();
    expect(preview.note).toMatch(/longer than this preview/);
    // The whole file, once read, is JSON Lines; a pretty-printed document is still JSON from its head.
    expect(previewFromText('long.jsonl', longFirst.length, false, longFirst, true).container).toBe('jsonl');
    const pretty = `{\n  "entries": [\n    {"a": "${'x'.repeat(70_000)}"}\n  ]\n}\n`;
    expect(previewFromText('e.json', pretty.length, false, pretty.slice(0, 65_536), false).container).toBe(
      'json',
    );
  });

  it('recognises Parquet by its magic and leaves detection to the engine', () => {
    const bytes = new Uint8Array(fixture('agentmesh/scenario/export.parquet'));
    expect(previewOfBinary('export.parquet', bytes.length, bytes)?.container).toBe('parquet');
    expect(previewOfBinary('a.jsonl', 3, new TextEncoder().encode('{}\n'))).toBeNull();
  });

  it('gunzips a compressed archive in the reader and detects its family', async () => {
    const gz = gzipSync(fixture('meshguard/audit/2024-03-14.jsonl'));
    const preview = await readPreview(new File([gz], '2024-03-14.jsonl.gz'));
    expect(preview.gzip).toBe(true);
    expect(preview.detection?.producer).toBe('meshguard');
  });
});
