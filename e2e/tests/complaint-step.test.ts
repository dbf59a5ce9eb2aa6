import { describe, expect, it } from 'vitest';
import { openTracedKiosk, type TracedKiosk } from '../pages/traced-kiosk';
import { viewports, type Orientation } from '../support/browser';
import { useKioskSuite } from '../support/kiosk-suite';
import { auditLayout } from '../support/layout-audit';

// 我要反映's voice-and-phrases step: nothing on it that cannot be used (the kiosk has no
// keyboard), 下一步 that never moves, and errors that go once they are answered.

const suite = useKioskSuite();

/** Where 下一步 is, and how far its bottom edge is above the speech bar. */
async function nextButtonPlace({ kiosk }: TracedKiosk) {
  const next = await kiosk.testId('message-next').boundingBox();
  const bar = await kiosk.page.locator('.speech-bar').boundingBox();
  if (next === null || bar === null) throw new Error('下一步 or the speech bar is not on screen');
  return { x: next.x, y: next.y, width: next.width, height: next.height, aboveBar: bar.y - (next.y + next.height) };
}

async function toMessageStep(orientation: Orientation): Promise<TracedKiosk> {
  const k = await openTracedKiosk(suite, orientation);
  await k.kiosk.openTile('report');
  await k.report.pickCategory('subsidy');
  return k;
}

describe.each(Object.keys(viewports) as Orientation[])('the complaint\'s message step (%s)', (orientation) => {
  it('keeps 下一步 where it was when an error appears, well above the speech bar, and passes the layout audit', async () => {
    const k = await toMessageStep(orientation);
    const before = await nextButtonPlace(k);
    await k.kiosk.screenshot('complaint-step');
    await k.kiosk.testId('message-next').click();
    await k.kiosk.testId('message-error').waitFor();
    await k.kiosk.screenshot('complaint-step-error');
    const after = await nextButtonPlace(k);
    expect(after).toEqual(before);
    // The targets rule asks for 16 px between touch targets; the speech bar holds targets.
    expect(after.aboveBar).toBeGreaterThanOrEqual(16);
    expect(await auditLayout(k.kiosk.page)).toEqual([]);
    expect(k.kiosk.violations).toEqual([]);
    await k.kiosk.page.close();
  });

  it('takes a stale error away when a phrase is tapped or recording starts', async () => {
    const k = await toMessageStep(orientation);
    await k.kiosk.testId('message-next').click();
    await k.kiosk.testId('message-error').waitFor();
    await k.report.pickPhrase(0);
    await expect(k.kiosk.testId('message-error').count()).resolves.toBe(0);
    await k.report.pickPhrase(0);
    await expect(k.kiosk.testId('phrase').first().getAttribute('aria-pressed')).resolves.toBe('false');
    await k.kiosk.testId('message-next').click();
    await k.kiosk.testId('message-error').waitFor();
    await k.report.startRecording();
    await expect(k.kiosk.testId('message-error').count()).resolves.toBe(0);
    await k.kiosk.testId('record-stop').click();
    await k.kiosk.page.close();
  });

  it('shows no text box, yet takes words from a keyboard or keyboard-wedge device', async () => {
    const k = await toMessageStep(orientation);
    await expect(k.kiosk.page.locator('textarea:visible, input:visible').count()).resolves.toBe(0);
    const phrase = await k.report.pickPhrase(1);
    // The focus is on the phrase just tapped: the typing must still land.
    await k.kiosk.page.keyboard.type('A12 ');
    await k.kiosk.page.keyboard.insertText('低保少发了');
    await expect(k.kiosk.testId('typed-words').innerText()).resolves.toBe('写的话：A12 低保少发了');
    await k.report.toConfirm();
    await expect(k.kiosk.testId('complaint-confirm').innerText()).resolves.toContain(`${phrase}，A12 低保少发了`);
    await k.report.submit();
    expect(k.traces.complaints.at(-1)).toEqual({ category: 'subsidy', text: `${phrase}，A12 低保少发了` });
    await k.kiosk.page.close();
  });
});
