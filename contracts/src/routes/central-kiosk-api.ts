import { z } from 'zod';
import { ComplaintCategory, ComplaintIntake, ComplaintIntakeAck } from '../complaints';
import { defineRoute } from '../route';
import { OpenTicketSummary, PublicTicket, TicketLookupQuery } from '../tickets';

/**
 * What a kiosk agent sends to and reads from central about complaints, with its bearer token
 * (401 `unauthorized` without a known one, 403 `kiosk_revoked` for a revoked kiosk).
 */
export const kioskApi = {
  deliverComplaint: defineRoute({
    method: 'POST',
    path: '/api/kiosk-api/complaints',
    summary:
      "One complaint from the kiosk's outbox, accepted once per ticket number: 201 `{ duplicate: false }` the first time, 200 `{ duplicate: true }` for a replay (both mean delivered). Body up to 8 MB (a voice recording in base64; 413 past it). 400 `bad_request` naming each bad field, `invalid_ticket_number` (check digit), `invalid_category` (not a category code; a code the county has since retired is still taken, the villager holds a receipt); 403 `foreign_ticket_number` (another kiosk's number); 429 `rate_limited` with `Retry-After` (seconds) past `CENTRAL_COMPLAINTS_PER_MINUTE` (60) a minute for this kiosk, checked before the body is read. Nothing is stored on a refusal",
    access: { kind: 'kiosk' },
    body: ComplaintIntake,
    response: ComplaintIntakeAck,
    status: 201,
  }),
  getTicket: defineRoute({
    method: 'GET',
    path: '/api/kiosk-api/tickets/:ticketNumber',
    summary:
      "A ticket as any kiosk may show it: status, public timeline (status changes only), the county date the reply is due (null once answered or while it waits for the complainant); the reply text only with the right `pin`. Spaces and hyphens in the number are fine. 400 `invalid_ticket_number`, 400 `bad_request` (PIN not 4 digits), 403 `wrong_pin`, 404 `unknown_ticket`, 429 `pin_locked` with `Retry-After` once ten wrong PINs were tried for the ticket in an hour (then even the right one waits)",
    access: { kind: 'kiosk' },
    query: TicketLookupQuery,
    response: PublicTicket,
  }),
  listOpenTickets: defineRoute({
    method: 'GET',
    path: '/api/kiosk-api/subjects/:kind/:id/open-tickets',
    summary:
      'Open tickets (received, accepted, in progress, replied) about one payment, project, finance line or notice (`kind`: `payment | project | finance_line | notice`, else 400), newest first, at most 20: the kiosk says "already reported"',
    access: { kind: 'kiosk' },
    response: z.array(OpenTicketSummary),
  }),
  listComplaintCategories: defineRoute({
    method: 'GET',
    path: '/api/kiosk-api/complaint-categories',
    summary: 'The categories the county offers now (1–6), in its order',
    access: { kind: 'kiosk' },
    // A kiosk with no category could take no complaint: an empty list is no answer.
    response: z.array(ComplaintCategory).min(1),
  }),
} as const;
