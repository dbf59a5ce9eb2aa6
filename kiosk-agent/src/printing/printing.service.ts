import { AppError, isValidTicketNumber, normalizeTicketNumber, TICKET_NUMBER_MESSAGE, type PaymentsLookupResult, type Project } from '@sunshine/contracts';
import type { ComplaintReceiptModel, KioskStamp, PaymentStatementModel, ProjectSummaryModel } from './receipt-model';

/** What a complaint receipt says about the complaint, from the kiosk's outbox and central. */
export interface ComplaintReceiptSource {
  ticketNumber: string;
  pin: string;
  categoryName: string;
  submittedAt: string;
  /** Central's reply-by date; null while central has not got the complaint (or cannot be asked). */
  expectedReplyBy: string | null;
  /** Still in this kiosk's outbox: it reaches the county when the network is back. */
  isPendingDelivery: boolean;
}

/** Where receipt content comes from; the agent wires these to its stores. */
export interface ReceiptSources {
  /** @throws AppError('invalid_id_number') on a bad ID number */
  paymentStatement(idNumber: string): PaymentsLookupResult;
  /** May ask central for the reply-by date, so it answers in its own time. */
  complaintReceipt(ticketNumber: string): Promise<ComplaintReceiptSource | null>;
  projectSummary(projectId: string): Project | null;
}

type DataVersion = { version: number; publishedAt: string | null };

/** The statement's model: the masked ID only, never the number that was typed. */
export function paymentStatementModel(sources: ReceiptSources, idNumber: string, stamp: KioskStamp, data: DataVersion): PaymentStatementModel {
  const found = sources.paymentStatement(idNumber);
  if (!found.person || found.payments.length === 0) {
    throw new AppError('not_found', found.message ?? '没有查到这个身份证号码的发放记录。');
  }
  return {
    kind: 'payment-statement',
    ...stamp,
    person: found.person,
    payments: found.payments.map((p) => ({ programName: p.programName, paidDate: p.paidDate, period: p.period, amountFen: p.amountFen })),
    totals: {
      byProgram: found.totals.byProgram.map((t) => ({ programName: t.programName, count: t.count, totalFen: t.totalFen })),
      totalFen: found.totals.totalFen,
    },
    data,
  };
}

export async function complaintReceiptModel(sources: ReceiptSources, ticketNumber: string, stamp: KioskStamp): Promise<ComplaintReceiptModel> {
  const normalized = normalizeTicketNumber(ticketNumber);
  if (!isValidTicketNumber(normalized)) throw new AppError('invalid_ticket_number', TICKET_NUMBER_MESSAGE);
  const found = await sources.complaintReceipt(normalized);
  if (!found) throw new AppError('not_found', '这台一体机上没有找到这个查询号。');
  return { kind: 'complaint-receipt', ...stamp, ...found };
}

export function projectSummaryModel(sources: ReceiptSources, projectId: string, stamp: KioskStamp, data: DataVersion): ProjectSummaryModel {
  const p = sources.projectSummary(projectId);
  if (!p) throw new AppError('not_found', '没有找到这个项目。');
  return {
    kind: 'project-summary',
    ...stamp,
    name: p.name,
    projectKind: p.kind,
    status: p.status,
    progress: p.progress,
    budgetFen: p.budgetFen,
    fundSources: p.fundSources.map((f) => ({ source: f.source, amountFen: f.amountFen })),
    spending: p.spending.map((s) => ({ item: s.item, amountFen: s.amountFen, date: s.date })),
    contractor: p.contractor,
    department: p.department,
    startDate: p.startDate,
    endDate: p.endDate,
    outcome: p.outcome,
    data,
  };
}
