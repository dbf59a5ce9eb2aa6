import crypto from 'node:crypto';
import {
  AppError,
  makeTicketNumber,
  normalizeTicketNumber,
  TICKET_STATUS_WORDS,
  type ComplaintCreated,
  type CreateStaffTicket,
  type StaffSession,
  type StaffTicketDetail,
  type TicketAction,
} from '@sunshine/contracts';
import { findCategory } from './categories';
import { hashPin, sealContact } from './contact-seal';
import type { StaffTicketDeps } from './staff-ticket-view';
import { findStaffTicket, getStaffTicket } from './staff-tickets.service';
import { blankEvent, canMove, type TicketEvent } from './ticket-events';
import type { AuditedTicketAction, TicketAnnouncer, TicketRecord, TicketTx } from './tickets.ports';
import { complaintPlace } from '../statistics/counting';

/** Kiosk number 0000: tickets that central creates (phone, walk-in). */
const CENTRAL_KIOSK_NUMBER = '0000';

export interface TicketHandlingDeps extends StaffTicketDeps {
  audited: AuditedTicketAction;
  staffEvents: TicketAnnouncer;
}

/**
 * Applies one handling step as new events, with its audit entry, and answers the ticket as it
 * now is. The log is the truth; the status column follows it in the same transaction. A
 * stale view (someone else moved the ticket meanwhile) is refused with `stale_ticket`.
 */
export async function actOnTicket(deps: TicketHandlingDeps, staff: StaffSession, rawNumber: string, action: TicketAction): Promise<StaffTicketDetail> {
  await deps.audited(
    (tx) => appendAction({ ...deps, tickets: tx.tickets }, staff, rawNumber, action),
    () => ({ actor: staff.username, action: `ticket.${action.action}`, target: normalizeTicketNumber(rawNumber), details: action }),
  );
  const detail = await getStaffTicket(deps, staff, rawNumber);
  deps.staffEvents['ticket:changed']({ ticketNumber: detail.ticketNumber, status: detail.status });
  return detail;
}

async function appendAction(deps: Pick<TicketTx, 'tickets'> & Pick<StaffTicketDeps, 'now'>, staff: StaffSession, rawNumber: string, action: TicketAction): Promise<void> {
  const ticket = await findStaffTicket(deps, staff, rawNumber);
  const events = await deps.tickets.listEvents(ticket.ticketNumber);
  const { event, change } = planAction(ticket, events, action, deps.now().toISOString(), staff.username);
  const done = await deps.tickets.append(ticket.ticketNumber, ticket.status, event, change);
  if (!done) throw new AppError('stale_ticket', '这件反映刚被别人处理过，请刷新后再试');
}

type Plan = { event: TicketEvent[]; change: { status?: TicketRecord['status']; handlingUnit?: string } };

/** The events one step appends, or the reason it may not be taken now. */
function planAction(ticket: TicketRecord, events: readonly TicketEvent[], action: TicketAction, at: string, actor: string): Plan {
  const isPaused = events.reduce((paused, e) => (e.kind === 'pause' ? true : e.kind === 'resume' ? false : paused), false);
  switch (action.action) {
    case 'status':
      if (!canMove(ticket.status, action.status)) {
        throw new AppError('ticket_transition_refused', `不能从“${TICKET_STATUS_WORDS[ticket.status]}”改为“${TICKET_STATUS_WORDS[action.status]}”`);
      }
      if (action.status === 'replied' && !events.some((e) => e.kind === 'reply')) throw new AppError('reply_required', '请先写答复，再标记为已答复');
      return { event: [{ ...blankEvent(at, actor, 'status'), status: action.status, publicNote: action.publicNote ?? null }], change: { status: action.status } };
    case 'assign':
      return { event: [{ ...blankEvent(at, actor, 'assign'), handlingUnit: action.handlingUnit }], change: { handlingUnit: action.handlingUnit } };
    case 'note':
      return { event: [{ ...blankEvent(at, actor, 'note'), internalNote: action.internalNote }], change: {} };
    case 'reply': {
      if (!canMove(ticket.status, 'replied') && ticket.status !== 'replied') throw new AppError('ticket_transition_refused', '这件反映现在不能答复');
      const reply = { ...blankEvent(at, actor, 'reply'), publicNote: action.reply };
      if (ticket.status === 'replied') return { event: [reply], change: {} };
      return { event: [reply, { ...blankEvent(at, actor, 'status'), status: 'replied' }], change: { status: 'replied' } };
    }
    case 'pause':
      if (isPaused) throw new AppError('ticket_already_paused', '已经在等待反映人');
      if (!['accepted', 'in_progress'].includes(ticket.status)) throw new AppError('ticket_transition_refused', '只有受理后的反映可以等待反映人');
      return { event: [{ ...blankEvent(at, actor, 'pause'), publicNote: action.publicNote ?? null }], change: {} };
    case 'resume':
      if (!isPaused) throw new AppError('ticket_not_paused', '这件反映没有在等待反映人');
      return { event: [blankEvent(at, actor, 'resume')], change: {} };
  }
}

/**
 * A complaint taken by phone or at the counter, with its audit entry: kiosk number 0000, the
 * next central sequence. Its place is its subject's, if it has one (central stands in no village).
 */
export async function createStaffTicket(deps: TicketHandlingDeps, staff: StaffSession, request: CreateStaffTicket): Promise<ComplaintCreated> {
  if (!findCategory(deps.categories(), request.category)) throw new AppError('unknown_category', `没有“${request.category}”这个反映类别`);
  const created = await deps.audited(
    (tx) => insertStaffTicket({ ...deps, ...tx }, staff, request),
    (ticket) => ({ actor: staff.username, action: 'ticket.create', target: ticket.ticketNumber, details: { channel: request.channel, category: request.category } }),
  );
  deps.staffEvents['ticket:changed']({ ticketNumber: created.ticketNumber, status: 'received' });
  return created;
}

async function insertStaffTicket(deps: TicketTx & Pick<StaffTicketDeps, 'contactKey' | 'now'>, staff: StaffSession, request: CreateStaffTicket): Promise<ComplaintCreated> {
  const at = deps.now().toISOString();
  const placeCode = complaintPlace(request.subject ? await deps.places.subjectPlace(request.subject) : null, null);
  const pin = String(crypto.randomInt(0, 10_000)).padStart(4, '0');
  const hasContact = Boolean(request.contact?.name || request.contact?.phone);
  // The primary key settles a race between two staff members: the loser takes the next number.
  for (let attempt = 0; attempt < 5; attempt++) {
    const ticketNumber = makeTicketNumber(0, (await deps.tickets.lastSequence(CENTRAL_KIOSK_NUMBER)) + 1);
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
  throw new AppError('ticket_number_taken', '查询号分配冲突，请重试');
}
