import { AppError, type ComplaintSubject, isValidTicketNumber, normalizeTicketNumber, TICKET_NUMBER_MESSAGE, type OpenTicketSummary, type PublicTicket } from '@sunshine/contracts';
import type { TicketRepository } from './tickets.repository';
import { findCategory, type TicketCategory } from './categories';
import { isPinCorrect } from './contact-seal';
import { toOpenTicketSummary, toPublicTicket } from './public-ticket';
import type { RateLimiter } from './rate-limit';
import { OPEN_STATUSES } from './ticket-events';
import type { WorkingCalendar } from '../calendar/working-days';

export interface TicketLookupDeps {
  tickets: TicketRepository;
  contactKey: Buffer;
  categories: () => readonly TicketCategory[];
  calendar: WorkingCalendar;
  /** Wrong PINs per ticket: 10 000 PINs must not be tried from a kiosk keypad script. */
  pinGuesses: RateLimiter;
  now: () => Date;
}

/** A ticket as a kiosk may show it; the reply only with the right PIN. */
export async function getPublicTicket(deps: TicketLookupDeps, rawNumber: string, pin: string | undefined): Promise<PublicTicket> {
  if (!isValidTicketNumber(rawNumber)) throw new AppError('invalid_ticket_number', TICKET_NUMBER_MESSAGE);
  const ticketNumber = normalizeTicketNumber(rawNumber);
  const ticket = await deps.tickets.find(ticketNumber);
  if (!ticket) throw new AppError('not_found', '没有找到这个查询号，请核对后重新输入');
  let showReply = false;
  if (pin !== undefined) {
    if (!isPinCorrect(deps.contactKey, ticketNumber, pin, ticket.pinHash)) {
      const guess = deps.pinGuesses.take(ticketNumber);
      if (!guess.allowed) throw new AppError('rate_limited', '查询密码错误次数太多，请稍后再试');
      throw new AppError('wrong_pin', '查询密码不正确，请核对回执上的4位密码');
    }
    showReply = true;
  }
  const events = await deps.tickets.listEvents(ticketNumber);
  const category = findCategory(deps.categories(), ticket.category);
  return toPublicTicket(ticket, events, { category, calendar: deps.calendar, now: deps.now(), showReply });
}

/** Open tickets about one subject, newest first, so a kiosk can say "already reported". */
export async function listOpenTickets(deps: Pick<TicketLookupDeps, 'tickets'>, subject: Pick<ComplaintSubject, 'kind' | 'id'>): Promise<OpenTicketSummary[]> {
  const tickets = await deps.tickets.listBySubject(subject.kind, subject.id, OPEN_STATUSES, 20);
  return tickets.map(toOpenTicketSummary);
}
