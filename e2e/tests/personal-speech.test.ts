import { readDigits, readFenChinese } from '@sunshine/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTracedKiosk, type TracedKiosk } from '../pages/traced-kiosk';
import { viewports, type Orientation } from '../support/browser';
import { useKioskSuite } from '../support/kiosk-suite';
import { fileAnsweredComplaint } from '../support/replied-ticket';

// What the kiosk asks the agent to speak (`agentSpeechApi.tts`) by itself, and what only on 朗读
// (docs/design.md §7): a name, totals, a PIN, a reply or what the villager said stay
// quiet until the villager asks, because the hall may be full of neighbours.

const suite = useKioskSuite();
const REPLY = '经核实，补贴已于本月补发到您的账户。';
let answered: { ticketNumber: string; pin: string };

beforeAll(async () => {
  answered = await fileAnsweredComplaint(suite.stack, REPLY);
});

function samplePerson() {
  const person = suite.stack.county.samplePeople[0];
  if (person === undefined) throw new Error('the tiny county has no sample people');
  return person;
}

/**
 * What the screen shown after `from` asked to be spoken by itself: one speech's pieces
 * are all requested at once, so a short wait after the first catches the rest.
 */
async function arrivalSpeech(k: TracedKiosk, from: number): Promise<string> {
  await expect.poll(() => k.traces.spokenSince(from).length, { timeout: 10_000 }).toBeGreaterThan(0);
  await k.kiosk.page.waitForTimeout(600);
  return k.traces.spokenSince(from).join('\n');
}

/** Presses 朗读 and returns what was then asked of the agent. */
async function readAloud(k: TracedKiosk): Promise<string> {
  const from = k.traces.spoken.length;
  await k.kiosk.readAloud();
  return arrivalSpeech(k, from);
}

describe.each(Object.keys(viewports) as Orientation[])('speech on arrival (%s)', (orientation) => {
  it('reads a payments result\'s guidance by itself, and the name and total only on 朗读', async () => {
    const k = await openTracedKiosk(suite, orientation);
    const person = samplePerson();
    await k.kiosk.openTile('payments');
    await k.kiosk.typeOnKeypad(person.idNumber);
    await k.kiosk.page.waitForTimeout(300);
    const from = k.traces.spoken.length;
    await k.kiosk.testId('id-submit').click();
    await k.kiosk.testId('payments-total').waitFor();
    const total = (await k.kiosk.testId('payments-total').innerText()).match(/¥([\d,.]+)/)?.[1] ?? '';
    const totalWords = readFenChinese(Math.round(Number(total.replace(/,/g, '')) * 100));
    const arrival = await arrivalSpeech(k, from);
    expect(arrival).not.toContain(person.name);
    expect(arrival).not.toContain(totalWords);
    expect(arrival).toContain('姓名和金额不会自动读出来');
    expect(arrival).toContain('如有耳机');
    await expect(k.kiosk.testId('private-speech-note').innerText()).resolves.toContain('姓名和金额不自动朗读');
    await k.kiosk.screenshot('payments-result-private');
    const asked = await readAloud(k);
    expect(asked).toContain(person.name);
    expect(asked).toContain(totalWords);
    expect(k.kiosk.violations).toEqual([]);
    await k.kiosk.page.close();
  });

  it('reads a ticket\'s status by itself, and its reply only on 朗读', async () => {
    const k = await openTracedKiosk(suite, orientation);
    await k.ticket.find(answered.ticketNumber);
    const from = k.traces.spoken.length;
    await k.ticket.showReply(answered.pin);
    const arrival = await arrivalSpeech(k, from);
    expect(arrival).not.toContain('补贴已于本月补发');
    expect(arrival).toContain('已答复');
    expect(arrival).toContain('答复显示在屏幕上');
    await expect(k.kiosk.testId('private-speech-note').innerText()).resolves.toContain('答复内容不自动朗读');
    await k.kiosk.screenshot('ticket-reply-private');
    await expect(readAloud(k)).resolves.toContain('补贴已于本月补发');
    expect(k.kiosk.violations).toEqual([]);
    await k.kiosk.page.close();
  });

  it('reads neither the complaint\'s words and phone nor the new ticket\'s number and PIN until 朗读', async () => {
    const k = await openTracedKiosk(suite, orientation);
    await k.kiosk.openTile('report');
    await k.report.pickCategory('other');
    const phrase = await k.report.pickPhrase(2);
    await k.report.toContact();
    await k.kiosk.typeOnKeypad('13800138000');
    await k.kiosk.page.waitForTimeout(300);
    const from = k.traces.spoken.length;
    await k.report.giveContact();
    const confirm = await arrivalSpeech(k, from);
    expect(confirm).not.toContain(phrase);
    expect(confirm).not.toContain(readDigits('13800138000'));
    expect(confirm).toContain('请核对屏幕上的内容');
    await k.kiosk.screenshot('report-confirm-private');
    const asked = await readAloud(k);
    expect(asked).toContain(phrase);
    expect(asked).toContain(readDigits('13800138000'));

    const done = k.traces.spoken.length;
    const { ticketNumber, pin } = await k.report.submit();
    const arrival = await arrivalSpeech(k, done);
    expect(arrival).not.toContain(readDigits(pin));
    expect(arrival).not.toContain(readDigits(ticketNumber.slice(4, 11)));
    expect(arrival).toContain('查询号和查询密码不会自动读出来');
    await k.kiosk.screenshot('report-done-private');
    await expect(readAloud(k)).resolves.toContain(readDigits(pin));
    expect(k.kiosk.violations).toEqual([]);
    await k.kiosk.page.close();
  });

  it('still reads a public screen, a project, wholly by itself', async () => {
    const k = await openTracedKiosk(suite, orientation);
    await k.kiosk.openTile('projects');
    await k.kiosk.testId('project-item').first().waitFor();
    const from = k.traces.spoken.length;
    await k.kiosk.testId('project-item').first().click();
    await k.kiosk.testId('project-detail').waitFor();
    const name = await k.kiosk.title.innerText();
    const arrival = await arrivalSpeech(k, from);
    expect(arrival).toContain(name.slice(0, 6));
    expect(arrival).toContain('总投资');
    await expect(k.kiosk.testId('private-speech-note').count()).resolves.toBe(0);
    await k.kiosk.page.close();
  });
});
