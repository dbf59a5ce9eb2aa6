import { agentApi, createApiClient } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import { viewports, type Orientation } from '../support/browser';
import { useKioskSuite } from '../support/kiosk-suite';
import { printedTexts } from '../support/virtual-printer-control';

// 项目公开 → a project → 打印: the agent's project summary receipt, read back from the
// virtual printer as the paper would show it.

const suite = useKioskSuite();

describe.each(Object.keys(viewports) as Orientation[])('a project printed from its detail screen (%s)', (orientation) => {
  it('prints the project summary: name, budget, where the money came from and went', async () => {
    const kiosk = await suite.openKiosk(orientation);
    const first = (await createApiClient({ baseUrl: suite.stack.agentUrl }).call(agentApi.content.listProjects, { query: { page: 1 } })).items[0];
    if (first === undefined) throw new Error('the tiny county has no projects');
    const before = (await printedTexts(suite.stack.printerInterface)).length;

    await kiosk.openTile('projects');
    await kiosk.testId('project-item').first().click();
    await kiosk.testId('project-detail').waitFor();
    await expect(kiosk.title.innerText()).resolves.toBe(first.name);
    await kiosk.testId('print').click();
    await expect.poll(() => kiosk.testId('print-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('done');
    await kiosk.screenshot('project-printed');

    const printed = await printedTexts(suite.stack.printerInterface);
    expect(printed).toHaveLength(before + 1);
    const paper = (printed.at(-1) ?? '').replace(/\s+/g, '');
    expect(paper).toContain('项目公开');
    expect(paper).toContain(first.name.replace(/\s+/g, ''));
    expect(paper).toContain('项目预算');
    expect(paper).toContain('钱从哪里来');
    for (const source of first.fundSources) expect(paper).toContain(source.source.replace(/\s+/g, ''));
    expect(paper).toContain('花到哪里去');
    expect(kiosk.violations).toEqual([]);
    await kiosk.page.close();
  });
});
