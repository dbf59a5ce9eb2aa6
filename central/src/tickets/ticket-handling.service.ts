import crypto from 'node:crypto';
import { AppError, makeTicketNumber, TICKET_STATUS_WORDS, type ComplaintCreated, type CreateStaffTicket, type StaffSession, type TicketAction } from '@sunshine/contracts';
import type { PlaceRepository } from '../fleet/places.repository';
import type { TicketRecord } from './tickets.repository';
import { findCategory } from './categories';
import { hashPin, sealContact } from './contact-seal';
import { deadlinesOf, findStaffTicket, type StaffTicketDeps } from './staff-ticket-view';
import { complaintPlace } from '../statistics/statistics.service';
import { blankEvent, canMove, type TicketEvent } from './ticket-events';
import { chinaDate } from '../calendar/working-days';

/** Kiosk number 0000: tickets that central creates (phone, walk-in). */
export const CENTRAL_KIOSK_NUMBER = '0000';

/**
 * Applies one handling step as new events (the log is the truth; the status column follows
 * it in the same transaction). A stale view (someone else moved the ticket) gets 409.
 */
export async function applyTicketAction(deps: StaffTicketDeps, staff: StaffSession, rawNumber: string, action: TicketAction): Promise<void> {
  const ticket = await findStaffTicket(deps, staff, rawNumber);
  const events = await deps.tickets.listEvents(ticket.ticketNumber);
  const at = deps.now().toISOString();
  const actor = staff.username;
  const { event, change } = planAction(ticket, events, action, at, actor);
  const done = await deps.tickets.append(ticket.ticketNumber, ticket.status, event, change);
  if (!done) throw new AppError('conflict', '这件反映刚被别人处理过，请刷新后再试');
}

function planAction(ticket: TicketRecord, events: readonly TicketEvent[], action: TicketAction, at: string, actor: string): { event: TicketEvent[]; change: { status?: TicketRecord['status']; handlingUnit?: string } } {
  const isPaused = events.reduce((paused, e) => (e.kind === 'pause' ? true : e.kind === 'resume' ? false : paused), false);
  switch (action.action) {
    case 'status':
      if (!canMove(ticket.status, action.status)) {
        throw new AppError('conflict', `不能从“${TICKET_STATUS_WORDS[ticket.status]}”改为“${TICKET_STATUS_WORDS[action.status]}”`);
      }
      if (action.status === 'replied' && !events.some((e) => e.kind === 'reply')) throw new AppError('conflict', '请先写答复，再标记为已答复');
      return { event: [{ ...blankEvent(at, actor, 'status'), status: action.status, publicNote: action.publicNote ?? null }], change: { status: action.status } };
    case 'assign':
      return { event: [{ ...blankEvent(at, actor, 'assign'), handlingUnit: action.handlingUnit }], change: { handlingUnit: action.handlingUnit } };
    case 'note':
      return { event: [{ ...blankEvent(at, actor, 'note'), internalNote: action.internalNote }], change: {} };
    case 'reply': {
      if (!canMove(ticket.status, 'replied') && ticket.status !== 'replied') throw new AppError('conflict', '这件反映现在不能答复');
      const reply = { ...blankEvent(at, actor, 'reply'), publicNote: action.reply };
      if (ticket.status === 'replied') return { event: [reply], change: {} };
      return { event: [reply, { ...blankEvent(at, actor, 'status'), status: 'replied' }], change: { status: 'replied' } };
    }
    case 'pause':
      if (isPaused) throw new AppError('conflict', '已经在等待反映人');
      if (!['accepted', 'in_progress'].includes(ticket.status)) throw new AppError('conflict', '只有受理后的反映可以等待反映人');
      return { event: [{ ...blankEvent(at, actor, 'pause'), publicNote: action.publicNote ?? null }], change: {} };
    case 'resume':
      if (!isPaused) throw new AppError('conflict', '这件反映没有在等待反映人');
      return { event: [blankEvent(at, actor, 'resume')], change: {} };
  }
}

/**
 * A complaint taken by phone or at the counter: kiosk number 0000, the next central sequence.
 * Its place is its subject's, if it has one (central stands in no village).
 */
export async function createStaffTicket(deps: StaffTicketDeps & { places: Pick<PlaceRepository, 'subjectPlace'> }, staff: StaffSession, request: CreateStaffTicket): Promise<ComplaintCreated> {
  if (!findCategory(deps.categories(), request.category)) throw new AppError('bad_request', `category: unknown complaint category "${request.category}"`);
  const at = deps.now().toISOString();
  const placeCode = complaintPlace(request.subject ? await deps.places.subjectPlace(request.subject) : null, null);
  const pin = String(crypto.randomInt(0, 10_000)).padStart(4, '0');
  // The primary key settles a race between two staff members: the loser takes the next number.
  for (let attempt = 0; attempt < 5; attempt++) {
    const ticketNumber = makeTicketNumber(0, (await deps.tickets.lastSequence(CENTRAL_KIOSK_NUMBER)) + 1);
    const hasContact = Boolean(request.contact?.name || request.contact?.phone);
    const ticket: TicketRecord = {
      ticketNumber,
      kioskNumber: CENTRAL_KIOSK_NUMBER,
      category: request.category,
      text: request.text,
      audioSha256: null,
      audioMime: null,
      audioSeconds: null,
      contactSealed: hasContact && request.contact ? sealContact(deps.contactKey, ticketNumber, request.contact) : null,
      pinHash: hashPin(deps.contactKey, ticketNumber, pin),
      subject: request.subject ?? null,
      relatedTicketNumber: null,
      submittedAt: at,
      receivedAt: at,
      status: 'received',
      handlingUnit: null,
      placeCode,
    };
    const first = { ...blankEvent(at, staff.username, 'status'), status: 'received' as const, internalNote: `channel: ${request.channel}` };
    if (await deps.tickets.insertIfNew(ticket, [first])) return { ticketNumber, pin };
  }
  throw new AppError('conflict', '查询号分配冲突，请重试');
}

/** Open tickets whose reply deadline is within `soonDays` working days, or already passed. */
export async function listDeadlineTickets(deps: StaffTicketDeps, staff: StaffSession, kind: 'due_soon' | 'breached', soonDays = 2) {
  const { items } = await deps.tickets.list({ status: ['received', 'accepted', 'in_progress'] }, { limit: 10_000, offset: 0 });
  const today = deps.now();
  const soonLimit = deps.calendar.addWorkingDays(chinaDate(today), soonDays);
  const out = [];
  for (const ticket of items) {
    if (staff.role === 'handler' && staff.department !== null && ticket.handlingUnit !== staff.department) continue;
    const d = deadlinesOf(deps, ticket, await deps.tickets.listEvents(ticket.ticketNumber));
    const late = d.isReplyLate || d.isAcknowledgeLate;
    const soon = !late && d.replyBy !== null && d.replyBy <= soonLimit;
    if ((kind === 'breached' && late) || (kind === 'due_soon' && soon)) out.push({ ticket, deadlines: d });
  }
  return out;
}
