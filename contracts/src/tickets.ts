import { z } from 'zod';
import { IsoDate, IsoDateTime } from './common';
import { Pin } from './complaints';
import { TicketNumber } from './ticket-number';

/** received → accepted → in_progress → replied → closed, plus the two ways out. */
export const TicketStatus = z.enum([
  'received',
  'accepted',
  'in_progress',
  'replied',
  'closed',
  'duplicate',
  'not_our_responsibility',
]);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** The status in plain words for villagers. */
export const TICKET_STATUS_WORDS: Record<TicketStatus, string> = {
  received: '已收到，等待受理',
  accepted: '已受理',
  in_progress: '正在办理',
  replied: '已答复',
  closed: '已办结',
  duplicate: '与已有反映重复，合并办理',
  not_our_responsibility: '不属于本单位职责，已告知去向',
};

/** One public step of a ticket's history. */
export const TicketTimelineEntry = z.object({
  status: TicketStatus,
  at: IsoDateTime,
  /** A public note that goes with the step, e.g. where it was referred. */
  note: z.string().nullable(),
});
export type TicketTimelineEntry = z.infer<typeof TicketTimelineEntry>;

/**
 * What any kiosk may show about a ticket. The reply text is present only when the right
 * PIN was given; `hasReply` says a reply exists either way.
 */
export const PublicTicket = z.object({
  ticketNumber: TicketNumber,
  status: TicketStatus,
  category: z.string(),
  submittedAt: IsoDateTime,
  /** The working-day deadline for the reply; null once replied or closed. */
  expectedReplyBy: IsoDate.nullable(),
  isLate: z.boolean(),
  timeline: z.array(TicketTimelineEntry),
  hasReply: z.boolean(),
  reply: z.string().nullable(),
});
export type PublicTicket = z.infer<typeof PublicTicket>;

/** Agent `GET /api/tickets/:ticketNumber[?pin=]`: from central when online, else what the kiosk knows. */
export const AgentTicket = PublicTicket.extend({
  source: z.enum(['central', 'kiosk']),
  /** True while the complaint waits in this kiosk's outbox for delivery. */
  pendingDelivery: z.boolean(),
});
export type AgentTicket = z.infer<typeof AgentTicket>;

/** Open tickets about one subject, so a kiosk can say "already reported" before a new one. */
export const OpenTicketSummary = z.object({
  ticketNumber: TicketNumber,
  status: TicketStatus,
  submittedAt: IsoDateTime,
});
export type OpenTicketSummary = z.infer<typeof OpenTicketSummary>;

/** Staff: one row of `GET /api/tickets?limit=&offset=` at central. */
export const StaffTicketItem = z.object({
  ticketNumber: TicketNumber,
  status: TicketStatus,
  category: z.string(),
  text: z.string().nullable(),
  kioskNumber: z.string(),
  submittedAt: IsoDateTime,
  hasAudio: z.boolean(),
  expectedReplyBy: IsoDate.nullable(),
});
export type StaffTicketItem = z.infer<typeof StaffTicketItem>;

/** Staff: one row of `GET /api/tickets/deadlines`: a list row with both deadlines and whether each has passed. */
export const DeadlineTicketItem = StaffTicketItem.extend({
  acknowledgeBy: IsoDate.nullable(),
  isAcknowledgeLate: z.boolean(),
  isReplyLate: z.boolean(),
});
export type DeadlineTicketItem = z.infer<typeof DeadlineTicketItem>;

/** `?pin=` of a kiosk's ticket lookup: the reply is shown only with the right one. */
export const TicketLookupQuery = z.object({ pin: Pin.optional() });
export type TicketLookupQuery = z.infer<typeof TicketLookupQuery>;

export const Page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int().nonnegative() });

/** Staff `GET /api/tickets`: one page of the queue and the count of all that match. */
export const StaffTicketPage = Page(StaffTicketItem);
export type StaffTicketPage = z.infer<typeof StaffTicketPage>;
