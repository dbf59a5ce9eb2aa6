import { z } from 'zod';
import { ComplaintCategory, ComplaintCreated, CreateComplaint } from '../complaints';
import { UsageEvent } from '../kiosk-content';
import { PaymentsLookup, PaymentsLookupResult } from '../lookup';
import { defineRoute } from '../route';
import { AgentTicket, OpenTicketSummary } from '../tickets';

/** `?pin=` of a ticket lookup: checked by the agent, so an empty one means none. */
export const AgentTicketQuery = z.object({ pin: z.string().max(16).optional() });

/**
 * What a villager does at the kiosk: look up payments, report a problem, follow a ticket.
 * Works with the network down except where it says "from central". The first four are fixed
 * by docs/design.md §13.
 */
export const agentVillagerApi = {
  lookupPayments: defineRoute({
    method: 'POST',
    path: '/api/payments/lookup',
    summary:
      "`idNumber` ≤ 32 characters. The person's payments (newest first) with totals by programme; no match is 200 with `person: null`, `payments: []` and a plain `message`. 400 `invalid_id_number` with the Chinese reason (`ID_NUMBER_MESSAGES`: empty, length, characters, birth date, check digit); anything not a string ≤ 32 is 400 `bad_request`. The number is hashed (HMAC-SHA256, county key) and never stored or logged",
    access: { kind: 'local' },
    body: PaymentsLookup,
    response: PaymentsLookupResult,
  }),
  listComplaintCategories: defineRoute({
    method: 'GET',
    path: '/api/complaint-categories',
    summary: "`[{ code, name }]`: central's list when it answers within 2.5 s (then remembered), else the last one remembered, else `DEFAULT_COMPLAINT_CATEGORIES`",
    access: { kind: 'local' },
    response: z.array(ComplaintCategory),
  }),
  createComplaint: defineRoute({
    method: 'POST',
    path: '/api/complaints',
    summary:
      'Numbered at once, online or not (`category` is a `code`): the ticket number and PIN. 400 `bad_request` (no text and no audio, bad phone…), `unknown_category` (a category this kiosk does not offer); 409 `kiosk_not_enrolled`; 413 past 6 MB',
    access: { kind: 'local' },
    body: CreateComplaint,
    response: ComplaintCreated,
    status: 201,
  }),
  getTicket: defineRoute({
    method: 'GET',
    path: '/api/tickets/:ticketNumber',
    summary:
      '`?pin=1234` optional; spaces and hyphens in the number are fine. `PublicTicket` + `source` (`central` or `kiosk`) + `pendingDelivery`; `reply` only with the right PIN. 400 `invalid_ticket_number` (check digit), 400 `bad_request` (PIN not 4 digits), 403 `wrong_pin`, 404 `unknown_ticket` (central does not know it and it is not this kiosk\'s), 429 `pin_locked` (too many wrong PINs at central), 503 `central_unreachable` (offline and the kiosk knows nothing of it)',
    access: { kind: 'local' },
    query: AgentTicketQuery,
    response: AgentTicket,
  }),
  listOpenTickets: defineRoute({
    method: 'GET',
    path: '/api/subjects/:kind/:id/open-tickets',
    summary:
      "`kind`: `payment | project | finance_line | notice`, else 400 `bad_request`. Open tickets about the item from central, with this kiosk's own still in its outbox; offline, this kiosk's own still open as it last knew",
    access: { kind: 'local' },
    response: z.array(OpenTicketSummary),
  }),
  recordUsage: defineRoute({
    method: 'POST',
    path: '/api/usage',
    summary: '`screen` is a kebab-case id ≤ 32 (e.g. `payments`): counts one anonymous screen view for the next heartbeat',
    access: { kind: 'local' },
    body: UsageEvent,
    response: z.undefined(),
    status: 204,
  }),
} as const;
