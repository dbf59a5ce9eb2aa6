import { agentApi, createApiClient, formatTicketNumber, readDigits, readFenChinese } from '@sunshine/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KioskPage } from '../pages/kiosk.page';
import { openTracedKiosk, type TracedKiosk } from '../pages/traced-kiosk';
import { centralTicket, loginStaff } from '../support/central-staff';
import { useKioskSuite } from '../support/kiosk-suite';
import { fileAnsweredComplaint } from '../support/replied-ticket';
import { printedTexts } from '../support/virtual-printer-control';

// Two villagers at one kiosk, one after the other in the same browser (docs/design.md §8):
// whatever way villager A gets back to the home screen, villager B never sees, hears,
// prints or files anything of A's.

const suite = useKioskSuite();

type Leave = '首页' | '返回' | 'the idle reset' | 'the attract screen' | 'a reload' | '办完了';

/** What A left that B must never meet: words on screen, and words in what is spoken. */
interface Traces {
  shown: string[];
  spoken: string[];
}

interface PersonalScreen {
  name: string;
  leaves: Leave[];
  /** Villager A's visit, ending on the personal screen after 朗读 was pressed. */
  visit: (k: TracedKiosk) => Promise<Traces>;
}

const REPLY = '经核实，补贴已于本月补发到您的账户。';
const PHONE = '13800138000';
let replied: { ticketNumber: string; pin: string };

function villagerA() {
  const person = suite.stack.county.samplePeople[0];
  if (person === undefined) throw new Error('the tiny county has no sample people');
  return person;
}

async function lookUpAgent(idNumber: string): Promise<{ maskedId: string; totalFen: number }> {
  const body = await createApiClient({ baseUrl: suite.stack.agentUrl }).call(agentApi.villager.lookupPayments, { body: { idNumber } });
  if (body.person === null) throw new Error('the agent has no payments for this person');
  return { maskedId: body.person.maskedId, totalFen: body.totals.totalFen };
}

/** Presses 朗读 and waits until the agent was asked for the speech. */
async function readAloud({ kiosk, traces }: TracedKiosk): Promise<void> {
  const before = traces.spoken.length;
  await kiosk.readAloud();
  await expect.poll(() => traces.spoken.length).toBeGreaterThan(before);
  await kiosk.page.waitForTimeout(300);
}

const SCREENS: PersonalScreen[] = [
  {
    name: 'a payments result, printed',
    leaves: ['首页', '返回', 'the idle reset', 'the attract screen', 'a reload'],
    async visit(k) {
      const person = villagerA();
      const { maskedId, totalFen } = await lookUpAgent(person.idNumber);
      await k.payments.lookUp(person.idNumber);
      await k.payments.print();
      await readAloud(k);
      expect(k.traces.spoken.join('')).toContain(person.name);
      return { shown: [person.name, maskedId], spoken: [person.name, readFenChinese(totalFen)] };
    },
  },
  {
    name: 'a complaint draft about a payment, recorded and being recorded again',
    leaves: ['首页', '返回', 'the idle reset', 'the attract screen', 'a reload'],
    async visit(k) {
      const person = villagerA();
      const { maskedId } = await lookUpAgent(person.idNumber);
      await k.payments.lookUp(person.idNumber);
      const subject = await k.payments.askAboutFirstPayment();
      await k.report.pickCategory('subsidy');
      await k.report.recordVoice(1_200);
      await k.report.pickPhrase(1);
      await readAloud(k);
      await k.report.startRecording();
      return { shown: [person.name, maskedId, subject], spoken: [person.name] };
    },
  },
  {
    name: 'a ticket reply shown after the PIN',
    leaves: ['首页', '返回', 'the idle reset', 'the attract screen', 'a reload'],
    async visit(k) {
      await k.ticket.find(replied.ticketNumber);
      await k.ticket.showReply(replied.pin);
      await readAloud(k);
      expect(k.traces.spoken.join('')).toContain('补贴已于本月补发');
      return { shown: [formatTicketNumber(replied.ticketNumber), REPLY], spoken: ['补贴已于本月补发'] };
    },
  },
  {
    name: 'a finished complaint about a payment, with its receipt printed',
    leaves: ['首页', '返回', 'the idle reset', 'the attract screen', 'a reload', '办完了'],
    async visit(k) {
      const person = villagerA();
      await k.payments.lookUp(person.idNumber);
      const subject = await k.payments.askAboutFirstPayment();
      await k.report.pickCategory('subsidy');
      await k.report.pickPhrase(1);
      await k.report.toConfirm(PHONE);
      const { ticketNumber, pin } = await k.report.submit();
      await k.report.printReceipt();
      await readAloud(k);
      return {
        shown: [person.name, subject, formatTicketNumber(ticketNumber), `查询密码 ${pin}`, '138 0013 8000'],
        spoken: [person.name, readDigits(pin), readDigits(ticketNumber.slice(4, 11)), readDigits(PHONE)],
      };
    },
  },
];

const IDLE_QUERY = 'idleMs=6000&countdownMs=1000';

function queryFor(leave: Leave): string {
  if (leave === 'the idle reset') return IDLE_QUERY;
  if (leave === 'the attract screen') return `${IDLE_QUERY}&attractMs=2500`;
  return '';
}

/** Villager A's way back to the home screen. */
async function leaveBy(leave: Leave, { kiosk }: TracedKiosk): Promise<void> {
  const home = kiosk.testId('tile-payments');
  switch (leave) {
    case '首页':
      return kiosk.home.click();
    case '返回':
      for (let taps = 0; taps < 8 && !(await home.isVisible()); taps += 1) {
        await kiosk.back.click();
        await kiosk.page.waitForTimeout(150);
      }
      return;
    case 'the idle reset':
      await kiosk.testId('idle-overlay').waitFor({ timeout: 15_000 });
      return home.waitFor({ timeout: 10_000 });
    case 'the attract screen':
      await kiosk.testId('idle-overlay').waitFor({ timeout: 15_000 });
      await kiosk.testId('attract').waitFor({ timeout: 15_000 });
      return kiosk.testId('attract').click();
    case 'a reload':
      await kiosk.page.reload();
      return;
    case '办完了':
      return kiosk.testId('visit-finish').click();
  }
}

async function expectNothingOnScreen(kiosk: KioskPage, left: Traces): Promise<void> {
  const shown = await kiosk.shownText();
  for (const text of left.shown) expect(shown, `"${text}" is still on screen`).not.toContain(text);
}

/** Villager B's visit: every screen that could hold something of A's, then a complaint of B's own. */
async function expectNothingOfA(k: TracedKiosk, left: Traces, spokenFrom: number, printedBefore: number): Promise<void> {
  const { kiosk, traces } = k;
  await kiosk.testId('tile-payments').waitFor();
  await expect.poll(() => traces.media(), { timeout: 5_000 }).toEqual({ liveTracks: 0, recordings: 0 });
  await kiosk.repeat();
  await kiosk.readAloud();

  await kiosk.openTile('payments');
  await expect(kiosk.testId('id-display').innerText()).resolves.toBe('\u00a0');
  await expect(kiosk.testId('print').count()).resolves.toBe(0);
  await expectNothingOnScreen(kiosk, left);
  await kiosk.readAloud();

  await kiosk.home.click();
  await kiosk.openTile('ticket');
  await expect(kiosk.testId('ticket-display').innerText()).resolves.toBe('\u00a0');
  await expectNothingOnScreen(kiosk, left);
  await kiosk.readAloud();

  await kiosk.home.click();
  await kiosk.openTile('report');
  await kiosk.testId('category-other').waitFor();
  await expect(kiosk.testId('related-notice').count()).resolves.toBe(0);
  await expectNothingOnScreen(kiosk, left);
  await k.report.pickCategory('other');
  await expect(kiosk.testId('recorder').getAttribute('data-state')).resolves.toBe('empty');
  const phrase = await k.report.pickPhrase(0);
  await k.report.toConfirm();
  await expectNothingOnScreen(kiosk, left);
  const { ticketNumber } = await k.report.submit();
  await kiosk.readAloud();
  await kiosk.page.waitForTimeout(500);

  const heard = traces.spokenSince(spokenFrom).join('\n');
  for (const text of left.spoken) expect(heard, `"${text}" was spoken to B`).not.toContain(text);
  expect(traces.complaints.at(-1)).toEqual({ category: 'other', text: phrase });
  const printed = (await printedTexts(suite.stack.printerInterface)).slice(printedBefore);
  expect(printed.filter((receipt) => left.shown.some((text) => receipt.includes(text)))).toEqual([]);
  await expectFiledAtCentral(ticketNumber, phrase);
}

/** B's complaint reached central as B's alone: no subject, recording, phone or earlier ticket of A's. */
async function expectFiledAtCentral(ticketNumber: string, text: string): Promise<void> {
  const cookie = await loginStaff(suite.stack.centralUrl, suite.stack.adminPassword);
  const read = () => centralTicket(suite.stack.centralUrl, cookie, ticketNumber);
  await expect.poll(read, { timeout: 30_000, interval: 500 }).not.toBeNull();
  expect(await read()).toMatchObject({ text, subject: null, hasAudio: false, contact: null, relatedTicketNumber: null });
}

beforeAll(async () => {
  replied = await fileAnsweredComplaint(suite.stack, REPLY);
});

const openKiosk = (query: string) => openTracedKiosk(suite, 'landscape', query);

describe.each(SCREENS)('after $name', (screen) => {
  it.each(screen.leaves)('villager B meets nothing of A\'s when A leaves by %s', async (leave) => {
    const k = await openKiosk(queryFor(leave));
    const left = await screen.visit(k);
    const printedBefore = (await printedTexts(suite.stack.printerInterface)).length;
    const spokenFrom = k.traces.spoken.length;
    await leaveBy(leave, k);
    if (leave === 'a reload') {
      const stored = await k.kiosk.page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]);
      expect(stored.filter((key) => key !== 'sunshine.autoRead')).toEqual([]);
    }
    await expectNothingOfA(k, left, spokenFrom, printedBefore);
    await k.kiosk.page.close();
  });
});

describe('a lookup still on its way when A leaves', () => {
  it('never shows its answer to villager B', async () => {
    const k = await openKiosk('');
    const person = villagerA();
    await k.kiosk.page.route((url) => url.pathname === agentApi.villager.lookupPayments.path, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue().catch(() => undefined);
    });
    await k.kiosk.openTile('payments');
    await k.kiosk.typeOnKeypad(person.idNumber);
    await k.kiosk.testId('id-submit').click();
    await k.kiosk.home.click();
    await k.kiosk.openTile('payments');
    await k.kiosk.page.waitForTimeout(2_500);
    await expect(k.kiosk.testId('payments-total').count()).resolves.toBe(0);
    await expect(k.kiosk.shownText()).resolves.not.toContain(person.name);
    await k.kiosk.page.unrouteAll({ behavior: 'ignoreErrors' });
    await k.kiosk.page.close();
  });
});
