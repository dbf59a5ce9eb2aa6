import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { KioskPage } from '../pages/kiosk.page';
import { artifactsDir } from './artifacts';
import { viewports, type Orientation } from './browser';
import { launchKioskChromium, startUiStack, type UiStack } from './ui-stack';

export interface KioskSuite {
  /** The running system; available inside tests (after `beforeAll`). */
  readonly stack: UiStack;
  readonly browser: Browser;
  /** A new kiosk page at home, in the given orientation. */
  openKiosk(orientation?: Orientation, query?: string): Promise<KioskPage>;
}

/** One stack and one Chromium for a test file, started before its tests and stopped after. */
export function useKioskSuite(): KioskSuite {
  let stack: UiStack | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startUiStack(), launchKioskChromium()]);
    fs.mkdirSync(artifactsDir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const started = () => {
    if (!stack || !browser) throw new Error('the kiosk suite has not started');
    return { stack, browser };
  };
  return {
    get stack() {
      return started().stack;
    },
    get browser() {
      return started().browser;
    },
    async openKiosk(orientation = 'landscape', query = '') {
      const { stack: running, browser: chromium } = started();
      const page = await chromium.newPage({ viewport: viewports[orientation] });
      const kiosk = new KioskPage(page, artifactsDir, orientation);
      await kiosk.open(running.agentUrl, query);
      return kiosk;
    },
  };
}
