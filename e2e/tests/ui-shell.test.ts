import { agentApi, createApiClient } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import type { KioskPage, TileId } from '../pages/kiosk.page';
import { viewports, type Orientation } from '../support/browser';
import { useKioskSuite } from '../support/kiosk-suite';
import { auditLayout, auditNumberBreaks, auditPageFill, placeInHeader, type LayoutViolation } from '../support/layout-audit';

const suite = useKioskSuite();
const { openKiosk } = suite;

const TILES: TileId[] = ['payments', 'projects', 'finance', 'notices', 'report', 'ticket'];
const NOTICE_CATEGORIES = ['village', 'government', 'party'] as const;

/** Runs `audit` on the screen now, once it has settled, and keeps what it finds under `name`. */
async function collect(kiosk: KioskPage, problems: string[], name: string, audit: (page: KioskPage['page']) => Promise<LayoutViolation[]>) {
  await kiosk.page.evaluate(() => document.fonts.ready);
  await kiosk.page.waitForTimeout(200);
  for (const v of await audit(kiosk.page)) problems.push(`${name}: ${v.rule} "${v.text}" ${v.detail}`);
}

/** Opens a notice category and waits for its list or its empty note. */
async function openNotices(kiosk: KioskPage, category: (typeof NOTICE_CATEGORIES)[number]): Promise<number> {
  await kiosk.testId(`notice-category-${category}`).click();
  await kiosk.page.locator('[data-testid="notice-item"], [data-testid="notices-empty"]').first().waitFor();
  return kiosk.testId('notice-item').count();
}

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

  it('fills a page of every paged list to the height it has: no other row would fit under the last', async () => {
    const kiosk = await openKiosk(orientation);
    const problems: string[] = [];
    await kiosk.openTile('projects');
    await kiosk.testId('project-item').first().waitFor();
    await collect(kiosk, problems, 'projects', auditPageFill);
    await kiosk.home.click();
    await kiosk.openTile('finance');
    await kiosk.testId('finance-period').first().waitFor();
    await collect(kiosk, problems, 'finance periods', auditPageFill);
    await kiosk.home.click();
    await kiosk.openTile('notices');
    for (const category of NOTICE_CATEGORIES) {
      await openNotices(kiosk, category);
      await collect(kiosk, problems, `notices ${category}`, auditPageFill);
      await kiosk.back.click();
    }
    await kiosk.home.click();
    await kiosk.openTile('payments');
    await kiosk.typeOnKeypad(suite.stack.county.samplePeople[0]?.idNumber ?? '');
    await kiosk.testId('id-submit').click();
    await kiosk.testId('payments-group').first().waitFor();
    await collect(kiosk, problems, 'payments', auditPageFill);
    await kiosk.testId('payments-group').first().click();
    await kiosk.testId('payment-line').first().waitFor();
    await collect(kiosk, problems, 'payment lines', auditPageFill);
    await kiosk.screenshot('payment-lines-filled');
    expect(problems).toEqual([]);
    await kiosk.page.close();
  });

  it('never breaks a number from its unit or inside itself: "2025年", "4785元", "10月" stay on one line', async () => {
    const kiosk = await openKiosk(orientation);
    const problems: string[] = [];
    await kiosk.openTile('notices');
    for (const category of NOTICE_CATEGORIES) {
      const count = await openNotices(kiosk, category);
      await collect(kiosk, problems, `notices ${category}`, auditNumberBreaks);
      for (let i = 0; i < count; i += 1) {
        await kiosk.testId('notice-item').nth(i).click();
        await kiosk.testId('notice-reader').waitFor();
        await collect(kiosk, problems, `notice ${category} ${i + 1}`, auditNumberBreaks);
        await kiosk.back.click();
        await kiosk.testId('notice-item').first().waitFor();
      }
      await kiosk.back.click();
    }
    await kiosk.home.click();
    await kiosk.openTile('finance');
    await kiosk.testId('finance-period').first().click();
    await kiosk.testId('finance-show-lines').click();
    await kiosk.testId('finance-lines').waitFor();
    await collect(kiosk, problems, 'finance lines', auditNumberBreaks);
    await kiosk.home.click();
    await kiosk.openTile('projects');
    await kiosk.testId('project-item').first().click();
    await kiosk.testId('project-detail').waitFor();
    await collect(kiosk, problems, 'project', auditNumberBreaks);
    expect(problems).toEqual([]);
    await kiosk.page.close();
  });

  it('names in the header the village whose content the kiosk shows', async () => {
    const kiosk = await openKiosk(orientation);
    const villages = await createApiClient({ baseUrl: suite.stack.agentUrl }).call(agentApi.content.listVillages);
    const own = villages.items.find((v) => v.code === villages.kioskVillageCode);
    expect(own).toBeDefined();
    await expect.poll(() => placeInHeader(kiosk.page)).toBe(own?.name);
    await kiosk.openTile('finance');
    await kiosk.testId('finance-period').first().waitFor();
    await expect(kiosk.page.locator('.screen__hint').innerText()).resolves.toContain(own?.name ?? '?');
    await expect(placeInHeader(kiosk.page)).resolves.toBe(own?.name);
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
