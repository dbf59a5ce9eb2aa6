import {
  AppError,
  isValidTicketNumber,
  normalizeTicketNumber,
  TICKET_NUMBER_MESSAGE,
  type ComplaintCategory,
  type ComplaintSubject,
  type OpenTicketSummary,
  type PublicTicket,
} from '@sunshine/contracts';
import { findCategory, type TicketCategory } from './categories';
import { isPinCorrect } from './contact-seal';
import { toOpenTicketSummary, toPublicTicket } from './public-ticket';
import { OPEN_STATUSES } from './ticket-events';
import type { RateLimit, TicketStore } from './tickets.ports';
import type { WorkingCalendar } from '../calendar/working-days';

export interface TicketLookupDeps {
  tickets: TicketStore;
  contactKey: Buffer;
  categories: () => readonly TicketCategory[];
  calendar: WorkingCalendar;
  /** Wrong PINs per ticket: 10 000 PINs must not be tried from a kiosk keypad script. */
  pinGuesses: RateLimit;
  now: () => Date;
}

/** Too many wrong PINs for a ticket: 429 `pin_locked`, with the seconds to wait for `Retry-After`. */
export class PinLockedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('pin_locked', '查询密码错误次数太多，请稍后再试', { retryAfterSeconds });
  }
}

// Kiosks list what the villager may already have reported; more than a screen helps no one.
const OPEN_TICKETS_SHOWN = 20;

/**
 * A ticket as a kiosk may show it; the reply only with the right PIN. Once a ticket has had
 * its wrong PINs for the window, every PIN waits, the right one too: else a script would
 * simply keep going until the right one answers.
 */
export async function getPublicTicket(deps: TicketLookupDeps, rawNumber: string, pin: string | undefined): Promise<PublicTicket> {
  if (!isValidTicketNumber(rawNumber)) throw new AppError('invalid_ticket_number', TICKET_NUMBER_MESSAGE);
  const ticketNumber = normalizeTicketNumber(rawNumber);
  const ticket = await deps.tickets.find(ticketNumber);
  if (!ticket) throw new AppError('unknown_ticket', '没有找到这个查询号，请核对后重新输入');
  let showReply = false;
  if (pin !== undefined) {
    const lock = await deps.pinGuesses.check(ticketNumber);
    if (!lock.allowed) throw new PinLockedError(lock.retryAfterSeconds);
    if (!isPinCorrect(deps.contactKey, ticketNumber, pin, ticket.pinHash)) {
      const guess = await deps.pinGuesses.take(ticketNumber);
      if (!guess.allowed) throw new PinLockedError(guess.retryAfterSeconds);
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
  const tickets = await deps.tickets.listBySubject(subject.kind, subject.id, OPEN_STATUSES, OPEN_TICKETS_SHOWN);
  return tickets.map(toOpenTicketSummary);
}

/** The categories a kiosk offers: the county's list now, without the deadlines kept for staff. */
export function listComplaintCategories(deps: Pick<TicketLookupDeps, 'categories'>): ComplaintCategory[] {
  return deps.categories().map(({ code, name }) => ({ code, name }));
}
