import { agentApi, createApiClient, formatTicketNumber } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import { viewports, type Orientation } from '../support/browser';
import { useKioskSuite } from '../support/kiosk-suite';
import { centralHasTicket, loginStaff, replyToTicket } from '../support/central-staff';
import { printedTexts, setPaper } from '../support/virtual-printer-control';
import { describeWav } from '../support/wav';

const suite = useKioskSuite();
const { openKiosk } = suite;

describe('speech without a browser voice', () => {
  it("plays the agent's speech audio: a valid WAV of plausible length for the text", async () => {
    const kiosk = await openKiosk();
    await expect(kiosk.page.evaluate(() => speechSynthesis.getVoices().length)).resolves.toBe(0);
    await kiosk.testId('help').click();
    await kiosk.title.waitFor();
    // Watch the polyfill's requests through a pass-through route: the page turns each WAV
    // into a blob URL, which DevTools cannot read back afterwards.
    const pieces: { text: string; type: string; body: Buffer }[] = [];
    await kiosk.page.route((url) => url.pathname === agentApi.speech.tts.path, async (route) => {
      const answer = await route.fetch();
      const body = await answer.body();
      const text = new URL(route.request().url()).searchParams.get('text') ?? '';
      pieces.push({ text, type: answer.headers()['content-type'] ?? '', body });
      await route.fulfill({ response: answer, body });
    });
    await kiosk.testId('read-aloud').click();
    await expect.poll(() => pieces.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const first = pieces[0];
    if (first === undefined) throw new Error('the polyfill fetched no speech');
    const { text, type } = first;
    const wav = describeWav(new Uint8Array(first.body));
    expect(type).toContain('audio/wav');
    expect(wav.isWav).toBe(true);
    // Mandarin runs at roughly 3–6 syllables a second; one hanzi is one syllable.
    const syllables = [...text].filter((c) => /\p{Script=Han}/u.test(c)).length;
    expect(wav.seconds).toBeGreaterThan(syllables / 8);
    expect(wav.seconds).toBeLessThan(syllables / 1.5 + 2);
    // The walk-through is long: it can be paused and resumed while it plays.
    await kiosk.testId('speech-pause').click();
    await expect.poll(() => kiosk.testId('speech-pause').innerText()).toContain('继续');
    await kiosk.testId('speech-pause').click();
    await expect.poll(() => kiosk.testId('speech-pause').innerText()).toContain('暂停');
    expect(kiosk.violations).toEqual([]);
    // Later pieces may still be on their way through the route when the page closes.
    await kiosk.page.unrouteAll({ behavior: 'ignoreErrors' });
    await kiosk.page.close();
  });
});

describe.each(Object.keys(viewports) as Orientation[])('with central down (%s)', (orientation) => {
  it('gives a ticket number at once and delivers the complaint when the link returns', async () => {
    const kiosk = await openKiosk(orientation);
    await suite.stack.centralLink.cut();
    await kiosk.testId('offline-banner').waitFor({ timeout: 45_000 });
    await kiosk.openTile('report');
    await kiosk.testId('category-other').click();
    await kiosk.testId('phrase').first().click();
    await kiosk.testId('message-next').click();
    await kiosk.testId('contact-next').click();
    await kiosk.testId('confirm-submit').click();
    await kiosk.testId('ticket-number').waitFor({ timeout: 10_000 });
    await kiosk.screenshot('offline-ticket');
    const ticketNumber = (await kiosk.testId('ticket-number').innerText()).replace(/ /g, '');

    await kiosk.home.click();
    await kiosk.openTile('ticket');
    await kiosk.typeOnKeypad(ticketNumber);
    await kiosk.testId('ticket-submit').click();
    await kiosk.testId('ticket-status').waitFor();
    await expect(kiosk.testId('ticket-pending').count()).resolves.toBe(1);
    await kiosk.screenshot('offline-ticket-status');

    const cookie = await loginStaff(suite.stack.centralUrl, suite.stack.adminPassword);
    expect(await centralHasTicket(suite.stack.centralUrl, cookie, ticketNumber)).toBe(false);
    await suite.stack.centralLink.restore();
    await expect.poll(() => centralHasTicket(suite.stack.centralUrl, cookie, ticketNumber), { timeout: 60_000, interval: 1_000 }).toBe(true);
    await kiosk.testId('offline-banner').waitFor({ state: 'detached', timeout: 45_000 });
    expect(kiosk.violations).toEqual([]);
    // Later pieces may still be on their way through the route when the page closes.
    await kiosk.page.unrouteAll({ behavior: 'ignoreErrors' });
    await kiosk.page.close();
  });
});

describe.each(Object.keys(viewports) as Orientation[])('查进度 with a reply (%s)', (orientation) => {
  it('shows the status without the PIN, refuses a wrong PIN in words and shows the reply with the right one', async () => {
    await suite.stack.centralLink.restore();
    const agent = createApiClient({ baseUrl: suite.stack.agentUrl });
    const created = await agent.call(agentApi.villager.createComplaint, { body: { category: 'subsidy', text: '补贴没有收到' } });
    const cookie = await loginStaff(suite.stack.centralUrl, suite.stack.adminPassword);
    await expect.poll(() => centralHasTicket(suite.stack.centralUrl, cookie, created.ticketNumber), { timeout: 60_000, interval: 500 }).toBe(true);
    await replyToTicket(suite.stack.centralUrl, cookie, created.ticketNumber, '经核实，补贴已于本月补发到您的账户。');

    const kiosk = await openKiosk(orientation);
    await kiosk.openTile('ticket');
    await kiosk.typeOnKeypad(created.ticketNumber);
    await kiosk.testId('ticket-submit').click();
    await kiosk.testId('ticket-ask-pin').waitFor();
    await expect(kiosk.testId('ticket-status').innerText()).resolves.toContain('已答复');
    await kiosk.testId('ticket-ask-pin').click();
    const wrongPin = created.pin === '0000' ? '1111' : '0000';
    await kiosk.typeOnKeypad(wrongPin);
    await expect.poll(() => kiosk.testId('pin-feedback').innerText()).not.toContain('印在回执上');
    await kiosk.screenshot('ticket-wrong-pin');
    await kiosk.typeOnKeypad(created.pin);
    await kiosk.testId('ticket-reply').waitFor();
    await expect(kiosk.testId('ticket-reply').innerText()).resolves.toContain('补贴已于本月补发');
    await kiosk.screenshot('ticket-reply');
    expect(kiosk.violations).toEqual([]);
    // Later pieces may still be on their way through the route when the page closes.
    await kiosk.page.unrouteAll({ behavior: 'ignoreErrors' });
    await kiosk.page.close();
  });
});

describe.each(Object.keys(viewports) as Orientation[])('对此有疑问 on an item already reported (%s)', (orientation) => {
  it('says so first and lets the villager add to the open complaint', async () => {
    await suite.stack.centralLink.restore();
    const idNumber = suite.stack.county.samplePeople[0]?.idNumber ?? '';
    const agent = createApiClient({ baseUrl: suite.stack.agentUrl });
    const lookup = await agent.call(agentApi.villager.lookupPayments, { body: { idNumber } });
    const newest = [...lookup.payments].sort((a, b) => b.paidDate.localeCompare(a.paidDate))[0];
    if (newest === undefined) throw new Error('the sample person has no payments');
    const first = await agent.call(agentApi.villager.createComplaint, {
      body: { category: 'subsidy', text: '这笔钱没收到', subject: { kind: 'payment', id: newest.id, title: '最低生活保障' } },
    });
    const cookie = await loginStaff(suite.stack.centralUrl, suite.stack.adminPassword);
    await expect.poll(() => centralHasTicket(suite.stack.centralUrl, cookie, first.ticketNumber), { timeout: 60_000, interval: 500 }).toBe(true);

    const kiosk = await openKiosk(orientation);
    await kiosk.openTile('payments');
    await kiosk.typeOnKeypad(idNumber);
    await kiosk.testId('id-submit').click();
    await kiosk.testId('payments-group').first().click();
    await kiosk.testId('ask-about').first().click();
    await kiosk.testId('related-notice').waitFor();
    await kiosk.screenshot('report-related');
    await kiosk.testId('related-ticket').first().click();
    await kiosk.testId('category-subsidy').click();
    await kiosk.testId('phrase').first().click();
    await kiosk.testId('message-next').click();
    await kiosk.testId('contact-next').click();
    await expect(kiosk.testId('complaint-confirm').innerText()).resolves.toContain(formatTicketNumber(first.ticketNumber));
    await kiosk.testId('confirm-submit').click();
    await kiosk.testId('ticket-number').waitFor();
    expect(kiosk.violations).toEqual([]);
    // Later pieces may still be on their way through the route when the page closes.
    await kiosk.page.unrouteAll({ behavior: 'ignoreErrors' });
    await kiosk.page.close();
  });
});

describe.each(Object.keys(viewports) as Orientation[])('printing a payment statement (%s)', (orientation) => {
  it('says plainly when the paper is out, offers the screen instead, and prints on retry', async () => {
    const person = suite.stack.county.samplePeople[0];
    if (person === undefined) throw new Error('the tiny county has no sample people');
    await setPaper(suite.stack.printerInterface, 'out');
    const kiosk = await openKiosk(orientation);
    await kiosk.openTile('payments');
    await kiosk.typeOnKeypad(person.idNumber);
    await kiosk.testId('id-submit').click();
    await kiosk.testId('print').click();
    await expect.poll(() => kiosk.testId('print-status').getAttribute('data-state'), { timeout: 20_000 }).toMatch(/failed|error/);
    await expect(kiosk.testId('print-status').innerText()).resolves.toContain('打印没有成功');
    await kiosk.screenshot('print-failed');
    await kiosk.testId('print-show-on-screen').click();
    await expect(kiosk.testId('print-status').count()).resolves.toBe(0);
    await expect(kiosk.testId('payments-total').isVisible()).resolves.toBe(true);

    await kiosk.testId('print').click();
    await kiosk.testId('print-retry').waitFor({ timeout: 20_000 });
    await setPaper(suite.stack.printerInterface, 'ok');
    await kiosk.testId('print-retry').click();
    await expect.poll(() => kiosk.testId('print-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
    await expect.poll(async () => (await printedTexts(suite.stack.printerInterface)).some((t) => t.includes(person.name))).toBe(true);
    expect(kiosk.violations).toEqual([]);
    await kiosk.page.close();
  });
});
