import { idCheckDigit, makeTicketNumber } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import { viewports, type Orientation } from '../support/browser';
import { useKioskSuite } from '../support/kiosk-suite';

// Every villager flow end to end against the real agent and central, in both orientations.

const suite = useKioskSuite();
const { openKiosk } = suite;

function sampleId(): string {
  const person = suite.stack.county.samplePeople[0];
  if (person === undefined) throw new Error('the tiny county has no sample people');
  return person.idNumber;
}

/** The same ID with its check character wrong. */
function wrongCheck(idNumber: string): string {
  const right = idCheckDigit(idNumber.slice(0, 17));
  return idNumber.slice(0, 17) + (right === '1' ? '2' : '1');
}

describe.each(Object.keys(viewports) as Orientation[])('villager flows (%s)', (orientation) => {
  it('查补贴: refuses a wrong check digit in words, then shows payments by programme and prints', async () => {
    const kiosk = await openKiosk(orientation);
    await kiosk.openTile('payments');
    await kiosk.typeOnKeypad(wrongCheck(sampleId()));
    await expect.poll(() => kiosk.testId('id-feedback').innerText()).toContain('校验不对');
    await kiosk.screenshot('payments-wrong-id');
    for (let i = 0; i < 18; i += 1) await kiosk.testId('key-delete').click();
    await kiosk.typeOnKeypad(sampleId());
    await expect.poll(() => kiosk.testId('id-feedback').innerText()).toContain('号码正确');
    await kiosk.testId('id-submit').click();
    await kiosk.testId('payments-total').waitFor();
    await expect(kiosk.testId('payments-group').count()).resolves.toBeGreaterThan(0);
    await kiosk.screenshot('payments-result');
    await kiosk.testId('print').click();
    await expect.poll(() => kiosk.testId('print-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('done');
    await kiosk.screenshot('payments-printed');
    await kiosk.testId('payments-group').first().click();
    await kiosk.testId('payment-line').first().waitFor();
    await kiosk.screenshot('payments-lines');
    await kiosk.testId('payment-policy').click();
    await expect.poll(() => kiosk.title.innerText()).toContain('政策解读');
    await expect.poll(() => kiosk.page.locator('text=正在读取').count()).toBe(0);
    await kiosk.screenshot('payments-policy');
    await kiosk.back.click();
    await kiosk.testId('payment-line').first().waitFor();
    await kiosk.testId('ask-about').first().click();
    await expect.poll(() => kiosk.title.innerText()).toBe('我要反映');
    await kiosk.page.locator('[data-testid^="category-"], [data-testid="related-notice"]').first().waitFor();
    await kiosk.screenshot('payments-ask');
    expect(kiosk.violations).toEqual([]);
    await kiosk.page.close();
  });

  it('clears a looked-up ID and its payments on idle reset', async () => {
    const kiosk = await openKiosk(orientation, 'idleMs=2000&countdownMs=1000');
    await kiosk.openTile('payments');
    await kiosk.typeOnKeypad(sampleId());
    await kiosk.testId('id-submit').click();
    await kiosk.testId('payments-total').waitFor();
    await kiosk.testId('idle-overlay').waitFor({ timeout: 5_000 });
    await kiosk.testId('tile-payments').waitFor({ timeout: 5_000 });
    await kiosk.openTile('payments');
    await kiosk.testId('id-display').waitFor();
    await expect(kiosk.testId('payments-total').count()).resolves.toBe(0);
    const name = suite.stack.county.samplePeople[0]?.name ?? '';
    await expect(kiosk.page.locator('body').innerText()).resolves.not.toContain(name);
    expect(kiosk.violations).toEqual([]);
    await kiosk.page.close();
  });

  it('项目公开: lists projects village first and opens one with its money', async () => {
    const kiosk = await openKiosk(orientation);
    await kiosk.openTile('projects');
    await kiosk.testId('project-item').first().waitFor();
    await kiosk.screenshot('projects-list');
    await kiosk.testId('project-item').first().click();
    await kiosk.testId('project-detail').waitFor();
    await expect(kiosk.testId('project-detail').innerText()).resolves.toContain('钱从哪里来');
    await kiosk.screenshot('projects-detail');
    if ((await kiosk.testId('project-attachments').count()) > 0) {
      await kiosk.testId('project-attachments').click();
      await kiosk.testId('attachment-viewer').waitFor();
      await kiosk.page.waitForTimeout(300);
      await kiosk.screenshot('projects-attachment');
      await kiosk.back.click();
      await kiosk.testId('project-detail').waitFor();
    }
    await kiosk.testId('ask-about').click();
    await expect.poll(() => kiosk.title.innerText()).toBe('我要反映');
    expect(kiosk.violations).toEqual([]);
    await kiosk.page.close();
  });

  it('村务财务: a period shows totals as bars and the balance, then lines 10 to a page', async () => {
    const kiosk = await openKiosk(orientation);
    await kiosk.openTile('finance');
    await kiosk.testId('finance-period').first().waitFor();
    await kiosk.screenshot('finance-periods');
    await kiosk.testId('finance-period').first().click();
    await kiosk.testId('finance-balance').waitFor();
    await expect(kiosk.testId('finance-bars').count()).resolves.toBe(2);
    await kiosk.screenshot('finance-totals');
    await kiosk.testId('finance-show-lines').click();
    await kiosk.testId('finance-lines').waitFor();
    await expect(kiosk.testId('finance-line').count()).resolves.toBeLessThanOrEqual(10);
    await kiosk.screenshot('finance-lines');
    await kiosk.testId('finance-ask').click();
    await kiosk.testId('finance-pick-line').first().click();
    await kiosk.testId('finance-line-card').waitFor();
    await kiosk.screenshot('finance-line');
    await kiosk.testId('ask-about').click();
    await expect.poll(() => kiosk.title.innerText()).toBe('我要反映');
    expect(kiosk.violations).toEqual([]);
    await kiosk.page.close();
  });

  it('党务政务: notices by category, newest first, in a large reader', async () => {
    const kiosk = await openKiosk(orientation);
    await kiosk.openTile('notices');
    await kiosk.screenshot('notices-categories');
    for (const category of ['village', 'government', 'party']) {
      await kiosk.testId(`notice-category-${category}`).click();
      // The list or its empty note: "正在读取…" is a notice too, and says nothing yet.
      await kiosk.page.locator('[data-testid="notice-item"], [data-testid="notices-empty"]').first().waitFor();
      if ((await kiosk.testId('notice-item').count()) > 0) break;
      await kiosk.back.click();
    }
    await kiosk.screenshot('notices-list');
    await kiosk.testId('notice-item').first().click();
    await kiosk.testId('notice-reader').waitFor();
    await kiosk.screenshot('notices-reader');
    expect(kiosk.violations).toEqual([]);
    await kiosk.page.close();
  });

  it('我要反映 then 查进度: anonymous complaint, ticket number shown and found again', async () => {
    const kiosk = await openKiosk(orientation);
    await kiosk.openTile('report');
    await kiosk.testId('category-subsidy').waitFor();
    await kiosk.screenshot('report-categories');
    await kiosk.testId('category-subsidy').click();
    await kiosk.testId('message-next').click();
    await expect.poll(() => kiosk.testId('message-error').innerText()).toContain('请说一段话');
    await kiosk.testId('record-start').click();
    await kiosk.testId('record-stop').waitFor();
    await kiosk.page.waitForTimeout(1_200);
    await kiosk.testId('record-stop').click();
    await kiosk.testId('record-play').waitFor();
    await kiosk.testId('phrase').first().click();
    await kiosk.screenshot('report-message');
    await kiosk.testId('message-next').click();
    await kiosk.typeOnKeypad('12345');
    await kiosk.testId('contact-next').click();
    await kiosk.testId('phone-error').waitFor();
    for (let i = 0; i < 5; i += 1) await kiosk.testId('key-delete').click();
    await kiosk.screenshot('report-contact');
    await kiosk.testId('contact-next').click();
    await kiosk.testId('complaint-confirm').waitFor();
    await expect(kiosk.testId('complaint-confirm').innerText()).resolves.toContain('匿名');
    await kiosk.screenshot('report-confirm');
    await kiosk.testId('confirm-submit').click();
    await kiosk.testId('ticket-number').waitFor();
    const shown = await kiosk.testId('ticket-number').innerText();
    expect(shown).toMatch(/^\d{4} \d{7} \d$/);
    await kiosk.screenshot('report-done');
    await kiosk.testId('print-receipt').click();
    await expect.poll(() => kiosk.testId('print-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('done');
    await kiosk.screenshot('report-receipt');

    await kiosk.home.click();
    await kiosk.openTile('ticket');
    const valid = makeTicketNumber(42, 1);
    await kiosk.typeOnKeypad(valid.slice(0, 11) + String((Number(valid.slice(11)) + 1) % 10));
    await kiosk.testId('ticket-submit').click();
    await expect.poll(() => kiosk.testId('ticket-feedback').innerText()).toContain('查询号不正确');
    await kiosk.testId('key-clear').click();
    // A keyboard-wedge scanner types the number and presses Enter.
    await kiosk.page.keyboard.type(shown.replace(/ /g, ''));
    await kiosk.page.keyboard.press('Enter');
    await kiosk.testId('ticket-status').waitFor();
    await expect(kiosk.testId('ticket-status').innerText()).resolves.toMatch(/已收到|已受理|正在办理/);
    await kiosk.screenshot('ticket-status');
    expect(kiosk.violations).toEqual([]);
    await kiosk.page.close();
  });
});
