import { AppError, makeTicketNumber, type StaffSession, type TicketAction, type TicketStatus } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_CATEGORIES } from './categories';
import { createInMemoryAudited, createInMemoryTickets } from './in-memory-tickets';
import { blankEvent } from './ticket-events';
import { actOnTicket, createStaffTicket, type TicketHandlingDeps } from './ticket-handling.service';
import type { TicketRecord } from './tickets.ports';
import { WorkingCalendar } from '../calendar/working-days';

const admin: StaffSession = { username: 'admin', displayName: '管理员', role: 'admin', department: null };
const ticketNumber = makeTicketNumber(1, 1);

function ticketAt(status: TicketStatus): TicketRecord {
  return {
    ticketNumber,
    kioskNumber: '0001',
    category: 'subsidy',
    text: '补贴没有发',
    audioSha256: null,
    audioMime: null,
    audioSeconds: null,
    contactSealed: null,
    pinHash: 'x',
    subject: null,
    relatedTicketNumber: null,
    submittedAt: '2026-11-23T02:00:00.000Z',
    receivedAt: '2026-11-23T02:00:00.000Z',
    status,
    handlingUnit: null,
    placeCode: null,
  };
}

/** Handling over the in-memory twin: the audit notes written and the changes announced. */
async function handling(status: TicketStatus = 'received') {
  const tickets = createInMemoryTickets();
  await tickets.insertIfNew(ticketAt(status), [{ ...blankEvent('2026-11-23T02:00:00.000Z', 'kiosk:0001', 'status'), status: 'received' }]);
  const { audited, notes } = createInMemoryAudited(tickets);
  const announced: { ticketNumber: string; status: TicketStatus }[] = [];
  const deps: TicketHandlingDeps = {
    tickets,
    audited,
    staffEvents: { 'ticket:changed': (change) => announced.push(change) },
    contactKey: Buffer.alloc(32, 7),
    categories: () => DEFAULT_TICKET_CATEGORIES,
    calendar: new WorkingCalendar(),
    now: () => new Date('2026-11-24T02:00:00.000Z'),
  };
  const refusalOf = (action: TicketAction) => actOnTicket(deps, admin, ticketNumber, action).then(() => 'done', (err: unknown) => (err instanceof AppError ? err.code : err));
  return { deps, tickets, notes, announced, refusalOf };
}

describe('handling a ticket', () => {
  it('appends the step, audits it and announces the ticket as it now is', async () => {
    const { deps, notes, announced } = await handling();
    const detail = await actOnTicket(deps, admin, ticketNumber, { action: 'status', status: 'accepted' });
    expect(detail).toMatchObject({ status: 'accepted', allowedStatuses: ['in_progress', 'replied', 'duplicate', 'not_our_responsibility'] });
    expect(notes).toEqual([{ actor: 'admin', action: 'ticket.status', target: ticketNumber, details: { action: 'status', status: 'accepted' } }]);
    expect(announced).toEqual([{ ticketNumber, status: 'accepted' }]);
  });

  it('names why a step is refused, and writes and announces nothing', async () => {
    const received = await handling('received');
    expect(await received.refusalOf({ action: 'status', status: 'closed' })).toBe('ticket_transition_refused');
    expect(await received.refusalOf({ action: 'reply', reply: '已补发' })).toBe('ticket_transition_refused');
    expect(await received.refusalOf({ action: 'pause' })).toBe('ticket_transition_refused');
    expect(await received.refusalOf({ action: 'resume' })).toBe('ticket_not_paused');
    const accepted = await handling('accepted');
    expect(await accepted.refusalOf({ action: 'status', status: 'replied' })).toBe('reply_required');
    expect(await accepted.refusalOf({ action: 'pause' })).toBe('done');
    expect(await accepted.refusalOf({ action: 'pause' })).toBe('ticket_already_paused');
    expect(received.notes).toEqual([]);
    expect(received.announced).toEqual([]);
    expect(await received.tickets.listEvents(ticketNumber)).toHaveLength(1);
  });

  it('refuses with stale_ticket a step on a ticket someone else moved after it was read', async () => {
    const { deps, tickets } = await handling('received');
    // The other staff member's step lands between this one's read and its write.
    const racing = { ...tickets, find: async (n: string) => ((await tickets.append(n, 'received', [], { status: 'accepted' })) ? ticketAt('received') : null) };
    const unit = createInMemoryAudited(racing);
    const refused = await actOnTicket({ ...deps, audited: unit.audited }, admin, ticketNumber, { action: 'note', internalNote: '已联系' }).catch((err: unknown) => err);
    expect(refused).toMatchObject({ code: 'stale_ticket' });
    expect(unit.notes).toEqual([]);
    expect(await tickets.listEvents(ticketNumber)).toHaveLength(1);
  });

  it('refuses an unknown ticket with unknown_ticket, and one of another unit for a scoped handler', async () => {
    const { deps } = await handling();
    const refusal = (staff: StaffSession, n: string) => actOnTicket(deps, staff, n, { action: 'note', internalNote: 'x' }).catch((err: unknown) => err);
    expect(await refusal(admin, makeTicketNumber(1, 2))).toMatchObject({ code: 'unknown_ticket' });
    expect(await refusal({ ...admin, username: 'h', role: 'handler', department: '县民政局' }, ticketNumber)).toMatchObject({ code: 'unknown_ticket' });
  });
});

describe('a ticket taken by phone', () => {
  it('takes the next central number, audits it as ticket.create and announces it', async () => {
    const { deps, notes, announced } = await handling();
    const first = await createStaffTicket(deps, admin, { channel: 'phone', category: 'conduct', text: '村干部优亲厚友' });
    const second = await createStaffTicket(deps, admin, { channel: 'walk_in', category: 'other', text: '路灯坏了' });
    expect([first.ticketNumber, second.ticketNumber]).toEqual([makeTicketNumber(0, 1), makeTicketNumber(0, 2)]);
    expect(first.pin).toMatch(/^\d{4}$/);
    expect(notes.map((n) => [n.action, n.target])).toEqual([
      ['ticket.create', first.ticketNumber],
      ['ticket.create', second.ticketNumber],
    ]);
    expect(announced).toEqual([
      { ticketNumber: first.ticketNumber, status: 'received' },
      { ticketNumber: second.ticketNumber, status: 'received' },
    ]);
  });

  it('refuses a category the county does not offer with unknown_category, and numbers all taken with ticket_number_taken', async () => {
    const { deps, notes } = await handling();
    await expect(createStaffTicket(deps, admin, { channel: 'phone', category: 'weather', text: '下雨' })).rejects.toMatchObject({ code: 'unknown_category' });
    // Another staff member takes each number first, five times over.
    const crowded = createInMemoryAudited({ ...deps.tickets, insertIfNew: async () => false });
    await expect(createStaffTicket({ ...deps, audited: crowded.audited }, admin, { channel: 'phone', category: 'other', text: 'x' })).rejects.toMatchObject({ code: 'ticket_number_taken' });
    expect([notes, crowded.notes]).toEqual([[], []]);
  });
});
