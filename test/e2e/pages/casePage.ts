/** Page object: an open case (header, archives, events table, detail panel, quarantine, notices). */
import { expect, type Locator, type Page } from '@playwright/test';

export class CasePage {
  readonly root: Locator;
  readonly caseName: Locator;
  readonly eventsTable: Locator;
  readonly eventRows: Locator;
  readonly eventsCount: Locator;
  readonly detail: Locator;
  readonly detailRaw: Locator;
  readonly archives: Locator;
  readonly quarantineView: Locator;
  readonly quarantineRows: Locator;
  readonly notices: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('case-screen');
    this.caseName = page.getByTestId('case-name');
    this.eventsTable = page.getByTestId('events-table');
    this.eventRows = page.getByTestId('event-row');
    this.eventsCount = page.getByTestId('events-count');
    this.detail = page.getByTestId('event-detail');
    this.detailRaw = page.getByTestId('event-raw');
    this.archives = page.getByTestId('archive-item');
    this.quarantineView = page.getByTestId('quarantine-view');
    this.quarantineRows = page.getByTestId('quarantine-row');
    this.notices = page.getByTestId('error-notice');
  }

  /** Waits until a case is open and its events table knows its total (which may be 0). */
  async waitForTotal(): Promise<number> {
    await expect(this.eventsTable).toHaveAttribute('data-total', /^\d+$/, { timeout: 60_000 });
    return Number(await this.eventsTable.getAttribute('data-total'));
  }

  /** Waits until the table knows its total and the first row is loaded; answers the total. */
  async waitForEvents(): Promise<number> {
    const total = await this.waitForTotal();
    await expect(this.eventRows.first()).toHaveAttribute('data-loaded', 'true');
    return total;
  }

  headerLabels(): Promise<string[]> {
    return this.eventsTable.getByRole('columnheader').allInnerTexts();
  }

  row(index: number): Locator {
    return this.page.locator(`[data-testid="event-row"][data-row-index="${index}"]`);
  }

  /** A cell of a row by canonical column name. */
  cell(row: Locator, column: string): Locator {
    return row.locator(`[data-col="${column}"]`);
  }

  async scrollEventsToBottom(): Promise<void> {
    await this.eventsTable.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('events-search').fill(text);
  }

  async openImport(): Promise<void> {
    await this.page.getByTestId('open-import').click();
  }

  async switchCase(): Promise<void> {
    await this.page.getByTestId('switch-case').click();
  }

  quarantineRow(index: number): Locator {
    return this.page.locator(`[data-testid="quarantine-row"][data-row-index="${index}"]`);
  }
}
