import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { auditLayout } from '../support/layout-audit';

export type TileId = 'payments' | 'projects' | 'finance' | 'notices' | 'report' | 'ticket';

/** The kiosk shell as a villager meets it: tiles, 首页/返回, keypad, speech bar, overlays. */
export class KioskPage {
  readonly title: Locator;
  readonly home: Locator;
  readonly back: Locator;
  /** Layout rules broken on any screen photographed so far (see `auditLayout`). */
  readonly violations: string[] = [];

  constructor(
    readonly page: Page,
    private readonly artifactsDir: string,
    private readonly orientation: string,
  ) {
    this.title = page.getByTestId('screen-title');
    this.home = page.getByTestId('nav-home');
    this.back = page.getByTestId('nav-back');
  }

  /** Opens the kiosk; `query` shortens the idle timings for tests (`idleMs=…`). */
  async open(baseUrl: string, query = ''): Promise<void> {
    await this.page.goto(`${baseUrl}/${query === '' ? '' : `?${query}`}`);
    await this.page.getByTestId('tile-payments').waitFor();
  }

  async openTile(id: TileId): Promise<void> {
    await this.page.getByTestId(`tile-${id}`).click();
    await this.title.waitFor();
  }

  /** Types on the on-screen keypad, one tap per character. */
  async typeOnKeypad(digits: string): Promise<void> {
    for (const key of digits) await this.page.getByTestId(`key-${key}`).click();
  }

  testId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** 朗读: reads the whole screen, personal details included. */
  readAloud(): Promise<void> {
    return this.page.getByTestId('read-aloud').click();
  }

  /** 重复: reads the last text again. */
  repeat(): Promise<void> {
    return this.page.getByTestId('speech-repeat').click();
  }

  /** Everything written on screen now. */
  shownText(): Promise<string> {
    return this.page.locator('body').innerText();
  }

  /** Saves `ui-<name>-<orientation>.png` and audits the same screen for size and contrast. */
  async screenshot(name: string): Promise<void> {
    await this.page.evaluate(() => document.fonts.ready);
    await this.page.screenshot({ path: path.join(this.artifactsDir, `ui-${name}-${this.orientation}.png`) });
    for (const v of await auditLayout(this.page)) this.violations.push(`${name}: ${v.rule} "${v.text}" ${v.detail}`);
  }
}
