import { describe, expect, it } from 'vitest';
import type { TileId } from '../pages/kiosk.page';
import { viewports, type Orientation } from '../support/browser';
import { useKioskSuite } from '../support/kiosk-suite';
import { auditLayout } from '../support/layout-audit';

const suite = useKioskSuite();
const { openKiosk } = suite;

const TILES: TileId[] = ['payments', 'projects', 'finance', 'notices', 'report', 'ticket'];

describe('the layout audit', () => {
  it('flags small text, small targets and low contrast', async () => {
    const page = await suite.browser.newPage({ viewport: viewports.landscape });
    await page.setContent(
      '<body style="background:#fff"><p style="font-size:20px;color:#000">小字</p>' +
        '<p style="font-size:40px;color:#999">浅色</p><button style="font-size:40px;width:60px;height:60px">小</button></body>',
    );
    const rules = (await auditLayout(page)).map((v) => `${v.rule}:${v.text}`);
    expect(rules).toEqual(expect.arrayContaining(['text-size:小字', 'contrast:浅色', 'target-size:小']));
    await page.close();
  });
});

describe.each(Object.keys(viewports) as Orientation[])('kiosk shell (%s)', (orientation) => {
  it('keeps every screen at ≥ 32 px text, ≥ 96×96 px targets and ≥ 7:1 contrast', async () => {
    const kiosk = await openKiosk(orientation);
    const problems: string[] = [];
    const audit = async (name: string) => {
      await kiosk.page.waitForTimeout(300);
      for (const v of await auditLayout(kiosk.page)) problems.push(`${name}: ${v.rule} "${v.text}" ${v.detail}`);
    };
    await audit('home');
    await kiosk.testId('help').click();
    await kiosk.title.waitFor();
    await audit('help');
    await kiosk.screenshot('help');
    for (const tile of TILES) {
      await kiosk.home.click();
      await kiosk.openTile(tile);
      await expect.poll(() => kiosk.page.locator('text=正在读取').count()).toBe(0);
      await audit(tile);
      await kiosk.screenshot(`${tile}-first`);
    }
    expect(problems).toEqual([]);
    await kiosk.page.close();
  });

  it('takes 首页 and 返回 from any screen, and 返回 steps back inside a screen', async () => {
    const kiosk = await openKiosk(orientation);
    await kiosk.openTile('ticket');
    await expect(kiosk.back.isVisible()).resolves.toBe(true);
    await kiosk.back.click();
    await kiosk.testId('tile-ticket').waitFor();
    await kiosk.openTile('report');
    await kiosk.testId('category-other').click();
    await kiosk.testId('recorder').waitFor();
    await kiosk.back.click();
    await kiosk.testId('category-other').waitFor();
    await kiosk.home.click();
    await kiosk.testId('tile-report').waitFor();
    await kiosk.page.close();
  });

  it('asks "还在使用吗?" after idling, then clears the typed ID and goes home', async () => {
    const kiosk = await openKiosk(orientation, 'idleMs=1500&countdownMs=2000');
    await kiosk.openTile('payments');
    await kiosk.typeOnKeypad('11010519');
    await expect(kiosk.testId('id-display').innerText()).resolves.toContain('110105');
    await kiosk.testId('idle-overlay').waitFor({ timeout: 5_000 });
    await expect(kiosk.testId('idle-overlay').innerText()).resolves.toContain('还在使用吗');
    await kiosk.screenshot('idle-question');
    await kiosk.testId('tile-payments').waitFor({ timeout: 5_000 });
    await kiosk.openTile('payments');
    await expect(kiosk.testId('id-display').innerText()).resolves.not.toContain('110105');
    await kiosk.page.close();
  });

  it('keeps the screen when the villager taps 我还要用', async () => {
    const kiosk = await openKiosk(orientation, 'idleMs=1500&countdownMs=5000');
    await kiosk.openTile('ticket');
    await kiosk.typeOnKeypad('0042');
    await kiosk.testId('idle-continue').click({ timeout: 5_000 });
    await expect(kiosk.testId('ticket-display').innerText()).resolves.toContain('0042');
    await kiosk.page.close();
  });

  it('shows the attract screen after a quiet spell on home, and a tap returns', async () => {
    const kiosk = await openKiosk(orientation, 'attractMs=1500');
    await kiosk.testId('attract').waitFor({ timeout: 5_000 });
    await kiosk.screenshot('attract');
    await kiosk.testId('attract').click();
    await kiosk.page.waitForTimeout(200);
    await kiosk.testId('tile-payments').waitFor();
    await expect(kiosk.testId('attract').count()).resolves.toBe(0);
    await kiosk.page.close();
  });

  it('opens the staff panel with five corner taps and the PIN, and switches auto-read', async () => {
    const kiosk = await openKiosk(orientation);
    const corner = kiosk.testId('staff-corner');
    for (let i = 0; i < 5; i += 1) await corner.click();
    await kiosk.testId('staff-panel').waitFor();
    await kiosk.typeOnKeypad('2468');
    await kiosk.testId('staff-status').waitFor();
    await expect(kiosk.testId('staff-status').innerText()).resolves.toContain('终端编号');
    await kiosk.testId('staff-auto-read').click();
    await expect(kiosk.page.evaluate(() => localStorage.getItem('sunshine.autoRead'))).resolves.toBe('off');
    await kiosk.testId('staff-sync').click();
    await kiosk.testId('staff-sync-message').waitFor();
    await kiosk.screenshot('staff-panel');
    await kiosk.testId('staff-auto-read').click();
    await kiosk.testId('staff-close').click();
    await expect(kiosk.testId('staff-panel').count()).resolves.toBe(0);
    await kiosk.page.close();
  });

  it('steps the volume over 7 levels and resets it after the villager leaves', async () => {
    const kiosk = await openKiosk(orientation, 'idleMs=1500&countdownMs=1000');
    await kiosk.openTile('notices');
    for (let i = 0; i < 6; i += 1) await kiosk.testId('volume-up').click({ force: true }).catch(() => undefined);
    await expect(kiosk.testId('volume').getAttribute('data-step')).resolves.toBe('6');
    await kiosk.testId('tile-payments').waitFor({ timeout: 6_000 });
    await expect(kiosk.testId('volume').getAttribute('data-step')).resolves.toBe('4');
    await kiosk.page.close();
  });
});
