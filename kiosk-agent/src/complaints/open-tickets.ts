import type { OpenTicketSummary, TicketStatus } from '@sunshine/contracts';

export interface OwnAboutSubject {
  ticketNumber: string;
  submittedAt: string;
  state: 'pending' | 'delivered' | 'failed';
}

const OPEN: TicketStatus[] = ['received', 'accepted', 'in_progress', 'replied'];

/**
 * "Already reported" before a new complaint: central's open tickets about the subject, plus
 * this kiosk's own that central cannot list yet (still in the outbox) — or, offline, all of
 * its own still open as far as it last knew.
 */
export function mergeOpenTickets(
  fromCentral: OpenTicketSummary[] | null,
  own: OwnAboutSubject[],
  lastKnownStatus: (ticketNumber: string) => TicketStatus | null,
): OpenTicketSummary[] {
  const listed = new Set((fromCentral ?? []).map((t) => t.ticketNumber));
  const mine = own
    .filter((o) => !listed.has(o.ticketNumber) && o.state !== 'failed' && (fromCentral === null || o.state === 'pending'))
    .map((o) => ({ ticketNumber: o.ticketNumber, submittedAt: o.submittedAt, status: lastKnownStatus(o.ticketNumber) ?? 'received' }))
    .filter((t) => OPEN.includes(t.status));
  return [...(fromCentral ?? []), ...mine].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
}
