import { expect } from 'vitest';
import type { KioskPage } from './kiosk.page';

/** 查补贴 as a villager uses it: the ID on the keypad, the result, printing, 对此有疑问. */
export class PaymentsPage {
  constructor(private readonly kiosk: KioskPage) {}

  /** From home: opens 查补贴, types the ID and waits for the result. */
  async lookUp(idNumber: string): Promise<void> {
    await this.kiosk.openTile('payments');
    await this.kiosk.typeOnKeypad(idNumber);
    await this.kiosk.testId('id-submit').click();
    await this.kiosk.testId('payments-total').waitFor();
  }

  /** 打印, then waits until the printer says it is done. */
  async print(): Promise<void> {
    await this.kiosk.testId('print').click();
    await expect
      .poll(() => this.kiosk.testId('print-status').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('done');
  }

  /** Opens the first programme's payments and taps 对此有疑问 on the first one; returns the subject as shown. */
  async askAboutFirstPayment(): Promise<string> {
    await this.kiosk.testId('payments-group').first().click();
    await this.kiosk.testId('payment-line').first().waitFor();
    await this.kiosk.testId('ask-about').first().click();
    await expect.poll(() => this.kiosk.title.innerText()).toBe('我要反映');
    const hint = await this.kiosk.page.locator('.screen__hint').innerText();
    return hint.replace(/^关于：/, '');
  }
}
