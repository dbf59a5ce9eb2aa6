import type { OpenTicketSummary, PublicTicket } from '@sunshine/contracts';
import type { TicketRecord } from './tickets.ports';
import type { TicketCategory } from './categories';
import { computeDeadlines } from './ticket-deadlines';
import type { TicketEvent } from './ticket-events';
import type { WorkingCalendar } from '../calendar/working-days';

const FALLBACK_DAYS = { acknowledgeDays: 3, replyDays: 15 };

/**
 * What any kiosk may show. The reply text goes out only with the right PIN (`showReply`);
 * internal notes, the handling unit and the contact never leave central this way.
 */
export function toPublicTicket(
  ticket: TicketRecord,
  events: readonly TicketEvent[],
  context: { category: TicketCategory | undefined; calendar: WorkingCalendar; now: Date; showReply: boolean },
): PublicTicket {
  const deadlines = computeDeadlines(events, context.category ?? FALLBACK_DAYS, context.calendar, context.now);
  const reply = [...events].reverse().find((e) => e.kind === 'reply')?.publicNote ?? null;
  const answered = deadlines.repliedAt !== null;
  return {
    ticketNumber: ticket.ticketNumber,
    status: ticket.status,
    category: ticket.category,
    submittedAt: ticket.submittedAt,
    expectedReplyBy: answered ? null : deadlines.replyBy,
    isLate: !answered && deadlines.isReplyLate,
    timeline: events.flatMap((e) => (e.kind === 'status' && e.status ? [{ status: e.status, at: e.at, note: e.publicNote }] : [])),
    hasReply: reply !== null,
    reply: context.showReply ? reply : null,
  };
}

export function toOpenTicketSummary(ticket: TicketRecord): OpenTicketSummary {
  return { ticketNumber: ticket.ticketNumber, status: ticket.status, submittedAt: ticket.submittedAt };
}
