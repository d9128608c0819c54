/** Page object: the import dialog, driven by the file input or by a synthetic drop on the window. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export class ImportDialogPage {
  readonly root: Locator;
  readonly report: Locator;
  readonly previews: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('import-dialog');
    this.report = page.getByTestId('import-report');
    this.previews = page.getByTestId('file-preview');
  }

  async chooseFiles(paths: string[]): Promise<void> {
    await this.page.getByTestId('import-file-input').setInputFiles(paths);
  }

  /** Builds a DataTransfer holding the files inside the page and dispatches dragenter, dragover, drop. */
  async dropFiles(paths: string[]): Promise<void> {
    const files = paths.map((p) => ({ name: basename(p), base64: readFileSync(p).toString('base64') }));
    const transfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name, { type: 'application/octet-stream' }));
      }
      return dt;
    }, files);
    for (const type of ['dragenter', 'dragover', 'drop']) {
      await this.page.dispatchEvent('body', type, { dataTransfer: transfer });
    }
  }

  preview(name: string): Locator {
    return this.page.locator(`[data-testid="file-preview"][data-name="${name}"]`);
  }

  async start(): Promise<void> {
    await this.page.getByTestId('import-start').click();
  }

  async waitForReport(): Promise<void> {
    await expect(this.report).toBeVisible({ timeout: 60_000 });
  }

  reportFile(name: string): Locator {
    return this.page.locator(`[data-testid="report-file"][data-path="${name}"]`);
  }

  async close(): Promise<void> {
    await this.page.getByTestId('import-close').click();
    await expect(this.root).toBeHidden();
  }
}
