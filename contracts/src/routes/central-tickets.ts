import { z } from 'zod';
import { ComplaintCreated } from '../complaints';
import { CreateStaffTicket, DeadlineListQuery, StaffTicketDetail, TicketAction, TicketListQuery } from '../console';
import { defineRoute } from '../route';
import { DeadlineTicketItem, StaffTicketPage } from '../tickets';

/**
 * The staff ticket queue, each ticket's handling, and the deadline lists (docs/design.md §13
 * fixes the two GETs). A handler with a department sees and handles its unit's tickets only.
 */
export const ticketsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/tickets',
    summary:
      'The queue, newest first: `limit` 1–200 (default 50), `offset` ≥ 0, optional `status` and `category`; a handler with a department sees its unit\'s tickets. `?format=csv` answers the same rows as a CSV file (UTF-8 with BOM, formula-safe: `ticketNumber,status,category,kioskNumber,submittedAt,expectedReplyBy,hasAudio,text`). 400 `bad_request` for a bound or an unknown status',
    access: { kind: 'staff', permission: 'tickets:read' },
    query: TicketListQuery.extend({ format: z.enum(['json', 'csv']).default('json') }),
    response: StaffTicketPage,
  }),
  listDeadlines: defineRoute({
    method: 'GET',
    path: '/api/tickets/deadlines',
    summary:
      'Open tickets (received, accepted, in progress) whose reply is due within 2 working days (`due_soon`), or with either deadline passed (`breached`); only the newest 10,000 open tickets are looked at',
    access: { kind: 'staff', permission: 'tickets:read' },
    query: DeadlineListQuery,
    response: z.array(DeadlineTicketItem),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/tickets/:ticketNumber',
    summary:
      "Everything staff see of a ticket: its events with internal notes, deadlines, the statuses it may move to; `contact` only for admins and handlers, each opening audited (`ticket.view-contact`) before it is sent. 400 `invalid_ticket_number` (check digit; spaces and hyphens are fine), 404 `unknown_ticket` (or another unit's, for a handler)",
    access: { kind: 'staff', permission: 'tickets:read' },
    response: StaffTicketDetail,
  }),
  getRecording: defineRoute({
    method: 'GET',
    path: '/api/tickets/:ticketNumber/audio',
    summary: 'The voice recording, with the MIME type the kiosk recorded (`audio/webm`, `audio/wav` or `audio/ogg`); 404 `no_recording` when it has none, `unknown_ticket` as above',
    access: { kind: 'staff', permission: 'tickets:read' },
    response: { kind: 'file', contentType: 'audio/*' },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/tickets',
    summary:
      'A complaint taken by phone or at the counter: kiosk number 0000 and the next central sequence, a random PIN, its place from its subject; audited (`ticket.create`). `text` ≤ 2,000 characters. 400 `unknown_category` for a category the county does not offer; 409 `ticket_number_taken` when other staff took every number tried at once (try again)',
    access: { kind: 'staff', permission: 'tickets:handle' },
    body: CreateStaffTicket,
    response: ComplaintCreated,
    status: 201,
  }),
  act: defineRoute({
    method: 'POST',
    path: '/api/tickets/:ticketNumber/actions',
    summary:
      'One handling step, appended to the event log and audited (`ticket.<action>`): `status` (+ `publicNote` ≤ 500), `assign` (`handlingUnit` ≤ 64), `note` (internal, ≤ 2,000), `reply` (≤ 2,000; moves the ticket to replied), `pause` (waits for the complainant: the deadline clock stops), `resume`. Answers the ticket as `GET` does. 409 `ticket_transition_refused` (a move the state machine forbids), `reply_required` (replied before a reply), `ticket_already_paused`, `ticket_not_paused`, `stale_ticket` (moved by someone else meanwhile); nothing changes',
    access: { kind: 'staff', permission: 'tickets:handle' },
    body: TicketAction,
    response: StaffTicketDetail,
  }),
} as const;
