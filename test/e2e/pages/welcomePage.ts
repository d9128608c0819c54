/** Page object: the welcome / case picker screen. */
import type { Locator, Page } from '@playwright/test';

export class WelcomePage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('welcome');
  }

  async openDemo(): Promise<void> {
    await this.page.getByTestId('open-demo').click();
  }

  async createCase(path: string): Promise<void> {
    await this.page.getByTestId('new-case-path').fill(path);
    await this.page.getByTestId('new-case-submit').click();
  }

  async openCase(path: string): Promise<void> {
    await this.page.getByTestId('open-case-path').fill(path);
    await this.page.getByTestId('open-case-submit').click();
  }
}
