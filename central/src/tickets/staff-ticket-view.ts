import { can, type DeadlineTicketItem, type StaffSession, type StaffTicketDetail, type StaffTicketItem } from '@sunshine/contracts';
import { findCategory, type TicketCategory } from './categories';
import { openContact } from './contact-seal';
import { computeDeadlines, type TicketDeadlines } from './ticket-deadlines';
import { allowedMoves, type TicketEvent } from './ticket-events';
import type { TicketRecord, TicketStore } from './tickets.ports';
import { isInScope } from '../staff/permissions';
import type { WorkingCalendar } from '../calendar/working-days';

/** What staff views of tickets are computed from. */
export interface StaffTicketDeps {
  tickets: TicketStore;
  contactKey: Buffer;
  categories: () => readonly TicketCategory[];
  calendar: WorkingCalendar;
  now: () => Date;
}

// A ticket under a category the county has since retired keeps the default promise.
const FALLBACK_DAYS = { acknowledgeDays: 3, replyDays: 15 };

export function deadlinesOf(deps: Pick<StaffTicketDeps, 'categories' | 'calendar' | 'now'>, ticket: Pick<TicketRecord, 'category'>, events: readonly TicketEvent[]): TicketDeadlines {
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

export function toDeadlineTicketItem(ticket: TicketRecord, deadlines: TicketDeadlines): DeadlineTicketItem {
  return {
    ...toStaffTicketItem(ticket, deadlines),
    acknowledgeBy: deadlines.acknowledgeBy,
    isAcknowledgeLate: deadlines.isAcknowledgeLate,
    isReplyLate: deadlines.isReplyLate,
  };
}

/** A department-scoped handler sees the tickets assigned to their unit. */
export function canSeeTicket(staff: StaffSession, ticket: TicketRecord): boolean {
  return staff.role !== 'handler' || isInScope(staff, ticket.handlingUnit);
}

/** Everything staff see about a ticket; the contact is opened only for roles that handle it. */
export function toStaffTicketDetail(deps: StaffTicketDeps, staff: StaffSession, ticket: TicketRecord, events: readonly TicketEvent[]): StaffTicketDetail {
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
    events: [...events],
    allowedStatuses: [...allowedMoves(ticket.status)],
    contact: mayOpen && ticket.contactSealed ? openContact(deps.contactKey, ticket.ticketNumber, ticket.contactSealed) : null,
    isContactHidden: !mayOpen && ticket.contactSealed !== null,
  };
}

function subjectKind(kind: string): 'payment' | 'project' | 'finance_line' | 'notice' {
  return kind === 'project' || kind === 'finance_line' || kind === 'notice' ? kind : 'payment';
}
