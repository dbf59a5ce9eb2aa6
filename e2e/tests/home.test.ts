import path from 'node:path';
import { agentApi, createApiClient } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import { HomePage } from '../pages/home.page';
import { viewports, type Orientation } from '../support/browser';
import { artifactsDir } from '../support/artifacts';
import { useKioskSuite } from '../support/kiosk-suite';

const suite = useKioskSuite();

describe.each(Object.keys(viewports) as Orientation[])('kiosk home screen (%s)', (orientation) => {
  it('shows the six tiles and the data date from the agent, in CJK glyphs', async () => {
    const page = await suite.browser.newPage({ viewport: viewports[orientation] });
    const home = new HomePage(page);
    await home.open(suite.stack.agentUrl);

    await expect.poll(() => home.tiles.allInnerTexts()).toHaveLength(6);
    const titles = await home.tiles.allInnerTexts();
    for (const [i, title] of ['查补贴', '项目公开', '村务财务', '党务政务', '我要反映', '查进度'].entries()) {
      expect(titles[i]).toContain(title);
    }
    const health = await createApiClient({ baseUrl: suite.stack.agentUrl }).call(agentApi.health.health);
    expect(health.dataVersion).toBe(1);
    const chinaDay = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' });
    await expect.poll(() => home.dataDate.innerText()).toContain(`数据更新于 ${chinaDay.format(new Date(health.dataUpdatedAt ?? ''))}`);
    expect(await home.hasCjkFont('查补贴项目公开')).toBe(true);

    for (const tile of await home.tiles.all()) {
      const box = await tile.boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(96);
      expect(box?.height).toBeGreaterThanOrEqual(96);
    }
    await page.screenshot({ path: path.join(artifactsDir, `home-${orientation}.png`) });
    await page.close();
  });
});
