// What a receipt says (the model, stored as a print job's payload) and how it is laid
// out (lines, turned into ESC/POS bytes by escpos.ts). Models never hold a plaintext
// ID number: a payment statement carries only the masked one.

export type Align = 'left' | 'center' | 'right';

/** One printed line: text already wrapped/padded to the paper's columns, or a QR code. */
export type ReceiptLine =
  | { kind: 'text'; text: string; align?: Align; bold?: boolean; /** 2 = double width and height */ size?: 1 | 2 }
  | { kind: 'qr'; /** ASCII only: the printer's QR store command counts bytes */ data: string }
  | { kind: 'feed'; lines: number };

export interface KioskStamp {
  kiosk: { number: string | null; name: string | null };
  /** ISO date-time the receipt was requested. */
  printedAt: string;
}

export interface PaymentStatementModel extends KioskStamp {
  kind: 'payment-statement';
  person: { name: string; maskedId: string; villageName: string | null };
  payments: { programName: string; paidDate: string; period: string; amountFen: number }[];
  totals: { byProgram: { programName: string; count: number; totalFen: number }[]; totalFen: number };
  data: { version: number; publishedAt: string | null };
}

export interface ComplaintReceiptModel extends KioskStamp {
  kind: 'complaint-receipt';
  ticketNumber: string;
  pin: string;
  categoryName: string;
  submittedAt: string;
  /** Central's reply-by date (`YYYY-MM-DD`), or null when central has not set one yet. */
  expectedReplyBy: string | null;
  /**
   * Not yet delivered to central. Absent in jobs queued before this field existed: read as
   * false, which only changes the wording of a receipt without a date.
   */
  isPendingDelivery: boolean;
}

export interface ProjectSummaryModel extends KioskStamp {
  kind: 'project-summary';
  name: string;
  projectKind: 'livelihood' | 'poverty_alleviation';
  status: 'planned' | 'in_progress' | 'completed';
  progress: number;
  budgetFen: number;
  fundSources: { source: string; amountFen: number }[];
  spending: { item: string; amountFen: number; date: string }[];
  contractor: string;
  department: string;
  startDate: string;
  endDate: string | null;
  outcome: string;
  data: { version: number; publishedAt: string | null };
}

export interface TestPageModel extends KioskStamp {
  kind: 'test-page';
}

export type ReceiptModel = PaymentStatementModel | ComplaintReceiptModel | ProjectSummaryModel | TestPageModel;
