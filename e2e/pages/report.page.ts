import { expect } from 'vitest';
import type { KioskPage } from './kiosk.page';

/** 我要反映 step by step: category, voice or phrases, phone, confirm, ticket number. */
export class ReportPage {
  constructor(private readonly kiosk: KioskPage) {}

  /**
   * Picks the category, first answering "已经有人反映" with 另外反映 when the item was
   * reported before, and waits for the voice-and-phrases step.
   */
  async pickCategory(code: string): Promise<void> {
    const first = this.kiosk.page.locator('[data-testid^="category-"], [data-testid="related-notice"]').first();
    await first.waitFor();
    if ((await first.getAttribute('data-testid')) === 'related-notice') await this.kiosk.testId('related-new').click();
    await this.kiosk.testId(`category-${code}`).click();
    await this.kiosk.testId('recorder').waitFor();
  }

  /** 按这里说话: starts the microphone. */
  async startRecording(): Promise<void> {
    await this.kiosk.testId('record-start').click();
    await this.kiosk.testId('record-stop').waitFor();
  }

  /** Records for about `ms` and stops; waits until the recording can be played back. */
  async recordVoice(ms: number): Promise<void> {
    await this.startRecording();
    await this.kiosk.page.waitForTimeout(ms);
    await this.kiosk.testId('record-stop').click();
    await this.kiosk.testId('record-play').waitFor();
  }

  /** Taps one of the ready phrases and returns its words. */
  async pickPhrase(index: number): Promise<string> {
    const phrase = this.kiosk.testId('phrase').nth(index);
    await phrase.click();
    return (await phrase.innerText()).replace(/^✓\s*/, '').trim();
  }

  /** 下一步 on the message step, to the phone. */
  async toContact(): Promise<void> {
    await this.kiosk.testId('message-next').click();
    await this.kiosk.testId('contact-next').waitFor();
  }

  /** Types the phone (none: anonymous) and goes on to the confirmation. */
  async giveContact(phone = ''): Promise<void> {
    await this.kiosk.typeOnKeypad(phone);
    await this.kiosk.testId('contact-next').click();
    await this.kiosk.testId('complaint-confirm').waitFor();
  }

  /** From the message step to the confirmation, with `phone` or anonymous. */
  async toConfirm(phone = ''): Promise<void> {
    await this.toContact();
    await this.giveContact(phone);
  }

  /** 确认提交; returns the ticket number and PIN shown. */
  async submit(): Promise<{ ticketNumber: string; pin: string }> {
    await this.kiosk.testId('confirm-submit').click();
    await this.kiosk.testId('ticket-number').waitFor({ timeout: 15_000 });
    const ticketNumber = (await this.kiosk.testId('ticket-number').innerText()).replace(/\D/g, '');
    const pin = (await this.kiosk.testId('ticket-pin').innerText()).replace(/\D/g, '');
    return { ticketNumber, pin };
  }

  /** 打印回执, then waits until it is printed. */
  async printReceipt(): Promise<void> {
    await this.kiosk.testId('print-receipt').click();
    await expect
      .poll(() => this.kiosk.testId('print-status').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('done');
  }
}
