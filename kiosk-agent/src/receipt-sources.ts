import { normalizeTicketNumber } from '@sunshine/contracts';
import type { OwnComplaint } from './complaints/outbox.repository';
import type { ReceiptSources } from './printing/index';
import type { Services } from './services';

/**
 * The reply-by date as central set it. Central alone can say it: it counts working days from
 * the day IT received the complaint, on the county's holiday calendar (which an admin may
 * change) and the category's days (which an admin may change), so a date worked out on the
 * kiosk would disagree with 查进度 exactly when it matters. A delivered complaint central
 * has not told this kiosk about yet is asked for once (bounded by the interactive timeout);
 * the answer is remembered for 查进度 offline. Not yet delivered: no date exists yet.
 */
async function centralReplyBy(services: Services, own: OwnComplaint): Promise<string | null> {
  const known = services.expectedReplyBy(own.ticketNumber);
  if (known !== null || own.state !== 'delivered') return known;
  const ticket = await services.followTicket(own.ticketNumber, undefined).catch(() => null);
  return ticket?.source === 'central' ? ticket.expectedReplyBy : null;
}

/** What the print queue prints, from the agent's own stores (the printing module's only way in). */
export function receiptSources(services: Services): ReceiptSources {
  return {
    paymentStatement: (idNumber) => services.lookupPayments(idNumber),
    async complaintReceipt(ticketNumber) {
      const own = services.complaints.get(normalizeTicketNumber(ticketNumber));
      if (!own) return null;
      return {
        ticketNumber: own.ticketNumber,
        pin: own.pin,
        categoryName: services.categoryName(own.category) ?? own.category,
        submittedAt: own.submittedAt,
        expectedReplyBy: await centralReplyBy(services, own),
        isPendingDelivery: own.state === 'pending',
      };
    },
    projectSummary: (projectId) => services.queries.project(projectId),
  };
}
