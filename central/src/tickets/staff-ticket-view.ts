import { AppError, isValidTicketNumber, normalizeTicketNumber, TICKET_NUMBER_MESSAGE, type StaffSession, type StaffTicketDetail, type StaffTicketItem } from '@sunshine/contracts';
import type { TicketRecord, TicketRepository } from './tickets.repository';
import { findCategory, type TicketCategory } from './categories';
import { openContact } from './contact-seal';
import { can, isInScope } from '../staff/permissions';
import { computeDeadlines, type TicketDeadlines } from './ticket-deadlines';
import { allowedMoves, type TicketEvent } from './ticket-events';
import type { WorkingCalendar } from '../calendar/working-days';

export interface StaffTicketDeps {
  tickets: TicketRepository;
  contactKey: Buffer;
  categories: () => readonly TicketCategory[];
  calendar: WorkingCalendar;
  now: () => Date;
}

const FALLBACK_DAYS = { acknowledgeDays: 3, replyDays: 15 };

export function deadlinesOf(deps: StaffTicketDeps, ticket: TicketRecord, events: readonly TicketEvent[]): TicketDeadlines {
  return computeDeadlines(events, findCategory(deps.categories(), ticket.category) ?? FALLBACK_DAYS, deps.calendar, deps.now());
}

export function toStaffTicketItem(ticket: TicketRecord, deadlines: TicketDeadlines): StaffTicketItem {
  return {
    ticketNumber: ticket.ticketNumber,
    status: ticket.status,
    category: ticket.category,
    text: ticket.text,
    kioskNumber: ticket.kioskNumber,
    submittedAt: ticket.submittedAt,
    hasAudio: ticket.audioSha256 !== null,
    expectedReplyBy: deadlines.repliedAt ? null : deadlines.replyBy,
  };
}

/** A department-scoped handler sees the tickets assigned to their unit. */
export function canSeeTicket(staff: StaffSession, ticket: TicketRecord): boolean {
  return staff.role !== 'handler' || isInScope(staff, ticket.handlingUnit);
}

/** Finds a ticket the staff member may see, or throws the 400/404 a kiosk would get. */
export async function findStaffTicket(deps: StaffTicketDeps, staff: StaffSession, rawNumber: string): Promise<TicketRecord> {
  if (!isValidTicketNumber(rawNumber)) throw new AppError('invalid_ticket_number', TICKET_NUMBER_MESSAGE);
  const ticket = await deps.tickets.find(normalizeTicketNumber(rawNumber));
  if (!ticket || !canSeeTicket(staff, ticket)) throw new AppError('not_found', '没有这个查询号的反映');
  return ticket;
}

/** Everything staff see about a ticket; the contact is opened only for roles that handle it. */
export async function getStaffTicket(deps: StaffTicketDeps, staff: StaffSession, rawNumber: string): Promise<StaffTicketDetail> {
  const ticket = await findStaffTicket(deps, staff, rawNumber);
  const events = await deps.tickets.listEvents(ticket.ticketNumber);
  const deadlines = deadlinesOf(deps, ticket, events);
  const mayOpen = can(staff, 'tickets:contact');
  return {
    ...toStaffTicketItem(ticket, deadlines),
    receivedAt: ticket.receivedAt,
    handlingUnit: ticket.handlingUnit,
    subject: ticket.subject ? { kind: subjectKind(ticket.subject.kind), id: ticket.subject.id, title: ticket.subject.title ?? undefined } : null,
    relatedTicketNumber: ticket.relatedTicketNumber,
    acknowledgeBy: deadlines.acknowledgedAt ? null : deadlines.acknowledgeBy,
    isAcknowledgeLate: deadlines.isAcknowledgeLate,
    isReplyLate: deadlines.isReplyLate,
    isPaused: deadlines.isPaused,
    reply: [...events].reverse().find((e) => e.kind === 'reply')?.publicNote ?? null,
    events,
    allowedStatuses: [...allowedMoves(ticket.status)],
    contact: mayOpen && ticket.contactSealed ? openContact(deps.contactKey, ticket.ticketNumber, ticket.contactSealed) : null,
    isContactHidden: !mayOpen && ticket.contactSealed !== null,
  };
}

function subjectKind(kind: string): 'payment' | 'project' | 'finance_line' | 'notice' {
  return kind === 'project' || kind === 'finance_line' || kind === 'notice' ? kind : 'payment';
}
