/** Page object: the Integrity view (verdicts per archive, the chosen report, the record panel) and the Verify dialog. */
import { expect, type Locator, type Page } from '@playwright/test';

export class IntegrityPage {
  readonly root: Locator;
  readonly report: Locator;
  readonly findingRows: Locator;
  readonly diagnosisItems: Locator;
  readonly recordPanel: Locator;
  readonly verifyDialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('integrity-view');
    this.report = page.getByTestId('integrity-report');
    this.findingRows = page.getByTestId('finding-row');
    this.diagnosisItems = page.getByTestId('diagnosis-item');
    this.recordPanel = page.getByTestId('record-panel');
    this.verifyDialog = page.getByTestId('verify-dialog');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('tab-integrity').click();
    await expect(this.root).toBeVisible();
  }

  /** The archive's row in the verdict table, by its name in the case. */
  archive(name: string): Locator {
    return this.page.locator(`[data-testid="integrity-archive"][data-name="${name}"]`);
  }

  /** Chooses an archive and waits until its report (or "not verified yet") shows. */
  async choose(name: string): Promise<void> {
    const row = this.archive(name);
    await row.getByTestId('integrity-archive-open').click();
    await expect(row).toHaveAttribute('aria-selected', 'true');
    const id = await row.getAttribute('data-archive-id');
    await expect(this.report).toHaveAttribute('data-archive-id', id ?? '');
  }

  finding(kind: string, line: number): Locator {
    return this.page.locator(`[data-testid="finding-row"][data-kind="${kind}"][data-line="${line}"]`);
  }

  async openVerify(): Promise<void> {
    await this.page.getByTestId('open-verify').click();
    await expect(this.verifyDialog).toBeVisible();
  }

  /** Ticks exactly one producer's archives in the dialog. */
  async verifyOnlyProducer(producer: string): Promise<void> {
    await this.verifyDialog.locator(`[data-testid="verify-producer"][data-producer="${producer}"]`).click();
  }

  /** Loads a file into one of the dialog's key fields (`verify-keyring`, `verify-anchors`, …). */
  async loadFile(field: string, path: string): Promise<void> {
    await this.page.getByTestId(`${field}-file`).setInputFiles(path);
  }

  fieldText(field: string): Locator {
    return this.page.getByTestId(`${field}-text`);
  }

  async runVerify(): Promise<void> {
    await this.page.getByTestId('verify-run').click();
  }
}
