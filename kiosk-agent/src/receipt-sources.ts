import { normalizeTicketNumber } from '@sunshine/contracts';
import type { ReceiptSources } from './printing';
import type { Services } from './services';

/** What the print queue prints, from the agent's own stores (the printing module's only way in). */
export function receiptSources(services: Services): ReceiptSources {
  return {
    paymentStatement: (idNumber) => services.lookupPayments(idNumber),
    complaintReceipt(ticketNumber) {
      const own = services.complaints.get(normalizeTicketNumber(ticketNumber));
      if (!own) return null;
      return {
        ticketNumber: own.ticketNumber,
        pin: own.pin,
        categoryName: services.categoryName(own.category) ?? own.category,
        submittedAt: own.submittedAt,
        expectedReplyBy: services.expectedReplyBy(own.ticketNumber),
      };
    },
    projectSummary: (projectId) => services.queries.project(projectId),
  };
}
