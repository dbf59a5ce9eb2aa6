import type { KioskPage } from './kiosk.page';

/** 查进度: the ticket number on the keypad, its status, and the reply behind the PIN. */
export class TicketPage {
  constructor(private readonly kiosk: KioskPage) {}

  /** From home: opens 查进度, types the number and waits for its status. */
  async find(ticketNumber: string): Promise<void> {
    await this.kiosk.openTile('ticket');
    await this.kiosk.typeOnKeypad(ticketNumber);
    await this.kiosk.testId('ticket-submit').click();
    await this.kiosk.testId('ticket-status').waitFor();
  }

  /** 输入密码看答复, then the PIN; waits for the reply. */
  async showReply(pin: string): Promise<void> {
    await this.kiosk.testId('ticket-ask-pin').click();
    await this.kiosk.typeOnKeypad(pin);
    await this.kiosk.testId('ticket-reply').waitFor();
  }
}
