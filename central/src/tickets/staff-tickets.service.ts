import {
  AppError,
  isValidTicketNumber,
  normalizeTicketNumber,
  TICKET_NUMBER_MESSAGE,
  type DeadlineTicketItem,
  type StaffSession,
  type StaffTicketDetail,
  type StaffTicketPage,
  type TicketListQuery,
} from '@sunshine/contracts';
import { canSeeTicket, deadlinesOf, toDeadlineTicketItem, toStaffTicketDetail, toStaffTicketItem, type StaffTicketDeps } from './staff-ticket-view';
import type { AuditedTicketAction, RecordingStore, TicketFilter, TicketRecord } from './tickets.ports';
import { chinaDate } from '../calendar/working-days';

/** Tickets still waiting for an answer: the ones whose deadlines can still be met or missed. */
const WAITING = ['received', 'accepted', 'in_progress'] as const;
// The deadline lists look at the newest open tickets only (docs/api.md, Limits).
const DEADLINE_SCAN = 10_000;

/** A handler with a department works on its unit's tickets only. */
const scopeOf = (staff: StaffSession): TicketFilter => (staff.role === 'handler' && staff.department !== null ? { handlingUnit: staff.department } : {});

/** One page of the queue, newest first, with each ticket's reply date from its events (one query for the page's). */
export async function listStaffTickets(deps: StaffTicketDeps, staff: StaffSession, query: TicketListQuery): Promise<StaffTicketPage> {
  const filter: TicketFilter = { ...scopeOf(staff), ...(query.status ? { status: [query.status] } : {}), ...(query.category ? { category: query.category } : {}) };
  const { items, total } = await deps.tickets.list(filter, query);
  const events = await deps.tickets.listEventsOf(items.map((t) => t.ticketNumber));
  return { items: items.map((t) => toStaffTicketItem(t, deadlinesOf(deps, t, events.get(t.ticketNumber) ?? []))), total };
}

/** Open tickets whose reply is due within `soonDays` working days (`due_soon`), or with a deadline passed (`breached`). */
export async function listDeadlineTickets(deps: StaffTicketDeps, staff: StaffSession, kind: 'due_soon' | 'breached', soonDays = 2): Promise<DeadlineTicketItem[]> {
  const { items } = await deps.tickets.list({ ...scopeOf(staff), status: WAITING }, { limit: DEADLINE_SCAN, offset: 0 });
  const events = await deps.tickets.listEventsOf(items.map((t) => t.ticketNumber));
  const soonLimit = deps.calendar.addWorkingDays(chinaDate(deps.now()), soonDays);
  return items.flatMap((ticket) => {
    const d = deadlinesOf(deps, ticket, events.get(ticket.ticketNumber) ?? []);
    const late = d.isReplyLate || d.isAcknowledgeLate;
    const soon = !late && d.replyBy !== null && d.replyBy <= soonLimit;
    return (kind === 'breached' && late) || (kind === 'due_soon' && soon) ? [toDeadlineTicketItem(ticket, d)] : [];
  });
}

/** A ticket the staff member may see: 400 `invalid_ticket_number`, else 404 `unknown_ticket` (another unit's is as good as none). */
export async function findStaffTicket(deps: Pick<StaffTicketDeps, 'tickets'>, staff: StaffSession, rawNumber: string): Promise<TicketRecord> {
  if (!isValidTicketNumber(rawNumber)) throw new AppError('invalid_ticket_number', TICKET_NUMBER_MESSAGE);
  const ticket = await deps.tickets.find(normalizeTicketNumber(rawNumber));
  if (!ticket || !canSeeTicket(staff, ticket)) throw new AppError('unknown_ticket', '没有这个查询号的反映');
  return ticket;
}

/** Everything staff see about a ticket, as it is now. */
export async function getStaffTicket(deps: StaffTicketDeps, staff: StaffSession, rawNumber: string): Promise<StaffTicketDetail> {
  const ticket = await findStaffTicket(deps, staff, rawNumber);
  return toStaffTicketDetail(deps, staff, ticket, await deps.tickets.listEvents(ticket.ticketNumber));
}

/** A ticket opened by staff: showing a complainant's contact is audited first (no entry, no contact). */
export async function openStaffTicket(deps: StaffTicketDeps & { audited: AuditedTicketAction }, staff: StaffSession, rawNumber: string): Promise<StaffTicketDetail> {
  const detail = await getStaffTicket(deps, staff, rawNumber);
  if (!detail.contact) return detail;
  return deps.audited(
    async () => detail,
    (d) => ({ actor: staff.username, action: 'ticket.view-contact', target: d.ticketNumber }),
  );
}

/** The voice recording: for villagers who cannot type it is the complaint itself, so every reader may play it. */
export async function getTicketRecording(deps: Pick<StaffTicketDeps, 'tickets'> & { recordings: RecordingStore }, staff: StaffSession, rawNumber: string): Promise<{ bytes: Buffer; mime: string }> {
  const ticket = await findStaffTicket(deps, staff, rawNumber);
  const bytes = ticket.audioSha256 ? await deps.recordings.get(ticket.audioSha256) : null;
  if (!bytes || !ticket.audioMime) throw new AppError('no_recording', '这件反映没有录音');
  return { bytes, mime: ticket.audioMime };
}
