import { DEFAULT_COMPLAINT_CATEGORIES, type ComplaintCategory } from '@sunshine/contracts';

/** A complaint category with its deadlines in working days from receipt. */
export interface TicketCategory extends ComplaintCategory {
  acknowledgeDays: number;
  replyDays: number;
}

// 信访工作条例: decide within 15 days whether to accept, answer within 60. A county kiosk
// promises faster: acknowledge in 3 working days, reply in 15.
export const DEFAULT_TICKET_CATEGORIES: TicketCategory[] = DEFAULT_COMPLAINT_CATEGORIES.map((c) => ({
  ...c,
  acknowledgeDays: 3,
  replyDays: 15,
}));

export function findCategory(categories: readonly TicketCategory[], code: string): TicketCategory | undefined {
  return categories.find((c) => c.code === code);
}
