/**
 * First run (issue #2): serve with a fresh home opens the bundled demo case by itself, events are
 * visible with producer and decision columns, scrolling to the bottom pages in the last rows from
 * the engine, and a click shows the original record verbatim with its file:line and offset.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, REPO_ROOT, screenshot, test } from './fixtures';

const DEMO_DIR = join(REPO_ROOT, 'demo', 'archives');

/** Non-empty lines across the bundled demo archives: every one is an event or a quarantined line. */
function demoLineCount(): number {
  return readdirSync(DEMO_DIR)
    .filter((n) => n.endsWith('.jsonl'))
    .reduce(
      (sum, n) =>
        sum +
        readFileSync(join(DEMO_DIR, n), 'utf8')
          .split('\n')
          .filter((l) => l.trim() !== '').length,
      0,
    );
}

test.describe('demo case', () => {
  test('opens on first run with events, producer and decision columns', async ({ casePage }) => {
    const total = await casePage.waitForEvents();
    await expect(casePage.caseName).not.toHaveText('No case');
    expect(total).toBeGreaterThan(1000);
    expect(total).toBeLessThanOrEqual(demoLineCount());
    const headers = await casePage.headerLabels();
    expect(headers).toEqual(expect.arrayContaining(['Producer', 'Decision', 'Time (UTC)']));
    const first = casePage.row(0);
    await expect(casePage.cell(first, 'producer')).not.toHaveText('');
    // Demo archives from four families: each shows up in the archives panel.
    await expect(casePage.archives).toHaveCount(6);
    const producers = await casePage.page.getByTestId('archive-producer').allInnerTexts();
    expect(new Set(producers)).toEqual(new Set(['agentmesh-sink', 'gantz', 'meshguard', 'runtime-steps']));
    // Some demo events carry a policy decision, and the table shows it; `/` focuses the search.
    await casePage.eventsTable.focus();
    await casePage.page.keyboard.press('/');
    await expect(casePage.page.getByTestId('events-search')).toBeFocused();
    await casePage.page.keyboard.type('deny');
    await expect(casePage.eventsCount).toContainText(`of ${total.toLocaleString('en-US')} events match`);
    await casePage.waitForEvents();
    await expect(
      casePage.eventRows
        .locator('[data-col="decision"]')
        .filter({ hasText: /^(deny|stop)$/ })
        .first(),
    ).toBeVisible();
    await screenshot(casePage.page, 'demo-search-deny');
    await casePage.search('');
    await expect(casePage.eventsCount).toHaveText(`${total.toLocaleString('en-US')} events`);
    await casePage.waitForEvents();
    await screenshot(casePage.page, 'demo-case');
  });

  test('scrolling to the bottom loads the last page from the engine', async ({ casePage }) => {
    const total = await casePage.waitForEvents();
    const requests: number[] = [];
    casePage.page.on('request', (r) => {
      const body = r.postData();
      if (r.url().endsWith('/rpc') && body?.includes('"events.page"'))
        requests.push(Number(JSON.parse(body).req.offset));
    });
    await casePage.scrollEventsToBottom();
    const last = casePage.row(total - 1);
    await expect(last).toHaveAttribute('data-loaded', 'true');
    await expect(casePage.cell(last, 'row_id')).not.toHaveText('…');
    // Only pages near the bottom were asked for, never the whole case.
    expect(requests.length).toBeGreaterThan(0);
    expect(Math.max(...requests)).toBeGreaterThanOrEqual(Math.floor((total - 1) / 200) * 200);
    expect(requests.every((offset) => offset >= total - 200 * 4)).toBe(true);
    // The rendered DOM holds a window, not every row.
    expect(await casePage.eventRows.count()).toBeLessThan(200);
    await screenshot(casePage.page, 'demo-scrolled-to-bottom');
  });

  test('clicking a row shows the raw record with its file, line and byte offset', async ({ casePage }) => {
    await casePage.waitForEvents();
    const row = casePage.row(2);
    const producer = await casePage.cell(row, 'producer').innerText();
    const line = await casePage.cell(row, 'line').innerText();
    await row.click();
    await expect(casePage.detail).toBeVisible();
    await expect(casePage.detailRaw).not.toBeEmpty();
    const raw = await casePage.detailRaw.innerText();
    // The raw block is the archive's line verbatim: find it in the bundled archive it names.
    const file = await casePage.page.getByTestId('event-file').innerText();
    expect(file).toMatch(new RegExp(`:${line}$`));
    const archiveName = file.replace(/:\d+$/, '').split(/[\\/]/).pop() ?? '';
    const sourceLines = readFileSync(join(DEMO_DIR, archiveName), 'utf8').split('\n');
    expect(sourceLines[Number(line) - 1]).toBe(raw);
    await expect(casePage.page.getByTestId('event-offset')).toHaveText(/^\d+$/);
    await expect(casePage.page.getByTestId('event-fields')).toContainText(producer);
    // Keyboard: ArrowDown moves to the next event and its detail follows.
    await casePage.eventsTable.focus();
    await casePage.page.keyboard.press('ArrowDown');
    await expect(casePage.row(3)).toHaveAttribute('aria-selected', 'true');
    await expect(casePage.page.getByTestId('event-file')).not.toHaveText(file);
    await screenshot(casePage.page, 'demo-event-detail');
  });
});
