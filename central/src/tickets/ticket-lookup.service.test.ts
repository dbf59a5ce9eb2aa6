import { makeTicketNumber } from '@sunshine/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TICKET_CATEGORIES } from './categories';
import { intakeComplaint, type IntakeDeps } from './complaint-intake.service';
import { createInMemoryRecordings, createInMemoryTickets } from './in-memory-tickets';
import { createRateLimit } from './rate-limit';
import { getPublicTicket, listOpenTickets, type TicketLookupDeps } from './ticket-lookup.service';
import { WorkingCalendar } from '../calendar/working-days';

const kiosk = { kioskNumber: '0001', villageCode: '452123100201' };
const intake = (seq: number, extra = {}) => ({ ticketNumber: makeTicketNumber(1, seq), pin: '1234', submittedAt: '2026-11-23T01:00:00.000Z', category: 'subsidy', text: '补贴没有发', ...extra });

function kioskSide() {
  const tickets = createInMemoryTickets();
  const announced: string[] = [];
  // Central's clock is the test's: faked where a test moves it.
  const common = { tickets, contactKey: Buffer.alloc(32, 3), now: () => new Date() };
  const intakeDeps: IntakeDeps = {
    ...common,
    places: { subjectPlace: async () => null },
    recordings: createInMemoryRecordings(),
    staffEvents: { 'ticket:changed': (change) => announced.push(`${change.ticketNumber} ${change.status}`) },
  };
  const pinGuesses = createRateLimit({ keyPrefix: 'test-pins', points: 10, durationSeconds: 3600 });
  const lookupDeps: TicketLookupDeps = { ...common, categories: () => DEFAULT_TICKET_CATEGORIES, calendar: new WorkingCalendar(), pinGuesses };
  return { tickets, announced, intakeDeps, lookupDeps };
}

describe('complaint intake', () => {
  it('makes the ticket once and announces it once; a replay is a duplicate that changes nothing', async () => {
    const { intakeDeps, announced, tickets } = kioskSide();
    expect(await intakeComplaint(intakeDeps, kiosk, intake(1))).toEqual({ ticketNumber: makeTicketNumber(1, 1), duplicate: false });
    expect(await intakeComplaint(intakeDeps, kiosk, intake(1, { text: '改过的' }))).toEqual({ ticketNumber: makeTicketNumber(1, 1), duplicate: true });
    expect(announced).toEqual([`${makeTicketNumber(1, 1)} received`]);
    expect(await tickets.find(makeTicketNumber(1, 1))).toMatchObject({ text: '补贴没有发', placeCode: '452123100201', status: 'received' });
  });

  it("refuses another kiosk's number with foreign_ticket_number and a malformed category with invalid_category, storing nothing", async () => {
    const { intakeDeps, tickets } = kioskSide();
    await expect(intakeComplaint(intakeDeps, kiosk, intake(2, { ticketNumber: makeTicketNumber(77, 2) }))).rejects.toMatchObject({ code: 'foreign_ticket_number' });
    await expect(intakeComplaint(intakeDeps, kiosk, intake(2, { category: 'Not A Code!' }))).rejects.toMatchObject({ code: 'invalid_category' });
    // A category the county has retired since the villager filed it is taken as it is.
    expect(await intakeComplaint(intakeDeps, kiosk, intake(3, { category: 'retired_kind' }))).toMatchObject({ duplicate: false });
    expect((await tickets.list({}, { limit: 10, offset: 0 })).total).toBe(1);
  });
});

describe('a ticket looked up at a kiosk', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-11-23T02:00:00Z'), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the reply only with the right PIN, and names an unknown number unknown_ticket', async () => {
    const { intakeDeps, lookupDeps } = kioskSide();
    await intakeComplaint(intakeDeps, kiosk, intake(1));
    expect(await getPublicTicket(lookupDeps, makeTicketNumber(1, 1), undefined)).toMatchObject({ status: 'received', reply: null });
    await expect(getPublicTicket(lookupDeps, makeTicketNumber(1, 1), '9999')).rejects.toMatchObject({ code: 'wrong_pin' });
    await expect(getPublicTicket(lookupDeps, makeTicketNumber(1, 9), undefined)).rejects.toMatchObject({ code: 'unknown_ticket' });
  });

  it('refuses even the right PIN with pin_locked once ten wrong ones were tried in the hour, and opens again after it', async () => {
    const { intakeDeps, lookupDeps } = kioskSide();
    await intakeComplaint(intakeDeps, kiosk, intake(1));
    const codeOf = (pin: string) => getPublicTicket(lookupDeps, makeTicketNumber(1, 1), pin).then(() => 'shown', (err: { code: string }) => err.code);
    for (let i = 0; i < 10; i++) expect(await codeOf(String(5000 + i))).toBe('wrong_pin');
    expect(await codeOf('1234')).toBe('pin_locked');
    await expect(getPublicTicket(lookupDeps, makeTicketNumber(1, 1), '1234')).rejects.toMatchObject({ retryAfterSeconds: 3600 });
    vi.advanceTimersByTime(3_600_000);
    expect(await codeOf('1234')).toBe('shown');
  });

  it('lists the open tickets about a subject, newest first', async () => {
    const { intakeDeps, lookupDeps } = kioskSide();
    const subject = { kind: 'payment' as const, id: 'pay-1', title: '耕地地力保护补贴' };
    for (const seq of [1, 2]) {
      await intakeComplaint(intakeDeps, kiosk, intake(seq, { subject }));
      vi.advanceTimersByTime(1000);
    }
    expect((await listOpenTickets(lookupDeps, subject)).map((t) => t.ticketNumber)).toEqual([makeTicketNumber(1, 2), makeTicketNumber(1, 1)]);
  });
});
