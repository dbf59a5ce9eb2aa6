import { makeTicketNumber, type StaffSession, type TicketStatus } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_CATEGORIES } from './categories';
import { sealContact } from './contact-seal';
import { createInMemoryAudited, createInMemoryRecordings, createInMemoryTickets } from './in-memory-tickets';
import { getTicketRecording, listDeadlineTickets, listStaffTickets, openStaffTicket } from './staff-tickets.service';
import { blankEvent } from './ticket-events';
import type { TicketRecord } from './tickets.ports';
import { loadCalendarFiles } from '../calendar/holidays-file';
import { WorkingCalendar } from '../calendar/working-days';

const admin: StaffSession = { username: 'admin', displayName: '管理员', role: 'admin', department: null };
const handler: StaffSession = { username: 'minzheng', displayName: '民政', role: 'handler', department: '县民政局' };
const viewer: StaffSession = { username: 'viewer', displayName: '查看员', role: 'viewer', department: null };
const contactKey = Buffer.alloc(32, 9);

/** Ticket `seq` of kiosk 0001, received on day `day` of November 2026 (10:00 in the county). */
function ticket(seq: number, day: number, extra: Partial<TicketRecord> = {}): TicketRecord {
  const at = `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`;
  const base: TicketRecord = {
    ticketNumber: makeTicketNumber(1, seq),
    kioskNumber: '0001',
    category: 'subsidy',
    text: `反映${seq}`,
    audioSha256: null,
    audioMime: null,
    audioSeconds: null,
    contactSealed: null,
    pinHash: 'x',
    subject: null,
    relatedTicketNumber: null,
    submittedAt: at,
    receivedAt: at,
    status: 'received',
    handlingUnit: null,
    placeCode: null,
  };
  return { ...base, ...extra };
}

async function queue(now: string, tickets: TicketRecord[]) {
  const store = createInMemoryTickets();
  for (const t of tickets) {
    const events = [{ ...blankEvent(t.receivedAt, 'kiosk:0001', 'status'), status: 'received' as TicketStatus }];
    if (t.status !== 'received') events.push({ ...blankEvent(t.receivedAt, 'admin', 'status'), status: t.status });
    await store.insertIfNew(t, events);
  }
  const calendar = new WorkingCalendar(loadCalendarFiles(undefined).map((e) => e.calendar));
  const deps = { tickets: store, contactKey, categories: () => DEFAULT_TICKET_CATEGORIES, calendar, now: () => new Date(now) };
  return { store, deps };
}

describe('the staff queue', () => {
  it('reads the events of a whole page at once, not once per ticket, and gives each its reply date', async () => {
    const { store, deps } = await queue('2026-11-24T02:00:00Z', [ticket(1, 23), ticket(2, 23), ticket(3, 20, { status: 'replied' })]);
    const page = await listStaffTickets(deps, admin, { limit: 50, offset: 0 });
    expect(store.reads).toEqual({ listEvents: 0, listEventsOf: 1 });
    expect(page.total).toBe(3);
    expect(page.items.map((t) => [t.ticketNumber, t.expectedReplyBy])).toEqual([
      [makeTicketNumber(1, 1), '2026-12-14'],
      [makeTicketNumber(1, 2), '2026-12-14'],
      [makeTicketNumber(1, 3), null],
    ]);
  });

  it("shows a handler with a department its unit's tickets only, in lists and one by one", async () => {
    const { deps } = await queue('2026-11-24T02:00:00Z', [ticket(1, 23, { handlingUnit: '县民政局' }), ticket(2, 23, { handlingUnit: '县农业农村局' })]);
    expect((await listStaffTickets(deps, handler, { limit: 50, offset: 0 })).items.map((t) => t.ticketNumber)).toEqual([makeTicketNumber(1, 1)]);
    const { audited } = createInMemoryAudited(deps.tickets);
    await expect(openStaffTicket({ ...deps, audited }, handler, makeTicketNumber(1, 2))).rejects.toMatchObject({ code: 'unknown_ticket' });
  });
});

describe('the deadline lists', () => {
  it('name the breached and the due-soon open tickets, from one read of their events', async () => {
    // Now is Thursday 10 December: 1 was received 23 November (reply by 14 December), 2 on 30 October and never
    // acknowledged, 3 yesterday.
    const onTime = ticket(1, 23, { status: 'accepted' });
    const forgotten = { ...ticket(2, 1), receivedAt: '2026-10-30T02:00:00.000Z', submittedAt: '2026-10-30T02:00:00.000Z' };
    const fresh = { ...ticket(3, 1), receivedAt: '2026-12-09T02:00:00.000Z', submittedAt: '2026-12-09T02:00:00.000Z' };
    const { store, deps } = await queue('2026-12-10T02:00:00Z', [onTime, forgotten, fresh, ticket(4, 2, { status: 'closed' })]);
    expect((await listDeadlineTickets(deps, admin, 'due_soon')).map((t) => t.ticketNumber)).toEqual([onTime.ticketNumber]);
    const breached = await listDeadlineTickets(deps, admin, 'breached');
    expect(breached).toEqual([expect.objectContaining({ ticketNumber: forgotten.ticketNumber, isAcknowledgeLate: true, isReplyLate: true })]);
    expect(store.reads).toEqual({ listEvents: 0, listEventsOf: 2 });
    expect(await listDeadlineTickets(deps, handler, 'breached')).toEqual([]);
  });
});

describe('opening a ticket', () => {
  it("audits the opening of a complainant's contact before showing it, and shows a viewer none", async () => {
    const contactSealed = sealContact(contactKey, makeTicketNumber(1, 1), { name: '王建国', phone: '13800001111' });
    const { deps } = await queue('2026-11-24T02:00:00Z', [ticket(1, 23, { contactSealed }), ticket(2, 23)]);
    const { audited, notes } = createInMemoryAudited(deps.tickets);
    expect((await openStaffTicket({ ...deps, audited }, admin, makeTicketNumber(1, 1))).contact).toEqual({ name: '王建国', phone: '13800001111' });
    expect(await openStaffTicket({ ...deps, audited }, viewer, makeTicketNumber(1, 1))).toMatchObject({ contact: null, isContactHidden: true });
    await openStaffTicket({ ...deps, audited }, admin, makeTicketNumber(1, 2));
    expect(notes).toEqual([{ actor: 'admin', action: 'ticket.view-contact', target: makeTicketNumber(1, 1) }]);
  });

  it('plays a recording, and says no_recording for a ticket without one', async () => {
    const recordings = createInMemoryRecordings();
    const address = await recordings.put(Buffer.from('RIFF'));
    const { deps } = await queue('2026-11-24T02:00:00Z', [ticket(1, 23, { audioSha256: address, audioMime: 'audio/wav' }), ticket(2, 23)]);
    expect(await getTicketRecording({ ...deps, recordings }, viewer, makeTicketNumber(1, 1))).toEqual({ bytes: Buffer.from('RIFF'), mime: 'audio/wav' });
    await expect(getTicketRecording({ ...deps, recordings }, viewer, makeTicketNumber(1, 2))).rejects.toMatchObject({ code: 'no_recording' });
    await expect(getTicketRecording({ ...deps, recordings }, viewer, '000100000010')).rejects.toMatchObject({ code: 'invalid_ticket_number' });
  });
});
