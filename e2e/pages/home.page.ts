import type { Locator, Page } from 'playwright-core';

/** The kiosk's home screen, as a villager sees it. */
export class HomePage {
  readonly tiles: Locator;
  readonly dataDate: Locator;
  readonly onlineState: Locator;

  constructor(readonly page: Page) {
    this.tiles = page.locator('[data-testid^="tile-"]');
    this.dataDate = page.getByTestId('data-date');
    this.onlineState = page.getByTestId('online-state');
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/`);
    await this.tiles.first().waitFor();
  }

  tile(id: 'payments' | 'projects' | 'finance' | 'notices' | 'report' | 'ticket'): Locator {
    return this.page.getByTestId(`tile-${id}`);
  }

  /** True when the CJK font is really used for `text` (false would mean boxes on screen). */
  hasCjkFont(text: string): Promise<boolean> {
    return this.page.evaluate(
      async (t) => {
        await document.fonts.ready;
        return document.fonts.check('32px "Noto Sans CJK SC"', t);
      },
      text,
    );
  }
}
